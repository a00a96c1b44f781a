// The edge check every request passes before any route sees it: control characters in the query,
// the path parameters, the headers and the strings of a JSON body are refused with 400
// `validation.failed` (PostgreSQL refuses NUL in text, so without this they became 500s with the
// failing SQL in the log); a body sent where the route takes none is refused the same way on
// every route; URLs, parameters and headers that are too long answer JSON with a code.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { AppError, errorCatalog, type ErrorCode } from '../../shared/errors.js';

// Query values, path parameters and headers are one-line values: no C0 control character, no DEL.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const lineControls = /[\u0000-\u001f\u007f]/;
// Body strings may be multi-line text (reasons, comments): tab, LF and CR stay allowed.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const textControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The first path (e.g. `body.items.2.name`) holding a string with a refused character, or null. */
export function findControlCharacter(value: unknown, pattern: RegExp, at: string, depth = 0): string | null {
  if (typeof value === 'string') return pattern.test(value) ? at : null;
  if (depth > 64 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    if (pattern.test(key)) return `${at}.${key.replace(lineControls, '?')}`;
    const found = findControlCharacter(v, pattern, `${at}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export const controlPatterns = { line: lineControls, text: textControls };

function refuse(where: string, kind: 'control' | 'body'): AppError {
  return kind === 'control'
    ? new AppError('validation.failed', { in: where.split('.')[0], issues: [{ path: where, code: 'control_character', message: '含有不允许的控制字符' }] })
    : new AppError('validation.body_not_allowed');
}

/** Longer URLs answer 414; past Node's 16 KB header limit the parser answers (see clientErrorHandler). */
export const maxUrlLength = 8 * 1024;

const bodylessMethods = new Set(['GET', 'HEAD']);

function hasBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** True for a body a route without a body schema may still receive: none, `{}` or a raw upload. */
function isEmptyOrRaw(body: unknown): boolean {
  if (body === undefined || body === null || Buffer.isBuffer(body)) return true;
  return typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
}

export function installInputGuard(app: FastifyInstance): void {
  // Registered before the guard, so a bad request is refused before any session lookup.
  app.addHook('onRequest', async (req) => {
    if (req.url.length > maxUrlLength) throw new AppError('http.uri_too_long');
    const inQuery = findControlCharacter(req.query, lineControls, 'querystring');
    if (inQuery) throw refuse(inQuery, 'control');
    const inParams = findControlCharacter(req.params, lineControls, 'params');
    if (inParams) throw refuse(inParams, 'control');
    const inHeaders = findControlCharacter(req.headers, lineControls, 'headers');
    if (inHeaders) throw refuse(inHeaders, 'control');
    if (bodylessMethods.has(req.method) && hasBody(req)) throw refuse('body', 'body');
  });
  app.addHook('preValidation', async (req) => {
    const inBody = findControlCharacter(req.body, textControls, 'body');
    if (inBody) throw refuse(inBody, 'control');
    if (!req.routeOptions.schema?.body && !isEmptyOrRaw(req.body)) throw refuse('body', 'body');
  });
}

/** Fastify's own refusals before routing (a malformed or over-long path): our JSON, our codes. */
export function frameworkErrors(error: Error & { code?: string }, req: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'http.uri_too_long' : 'validation.failed';
  const { status, message } = errorCatalog[code];
  void reply.status(status).send({ error: { code, message, requestId: req.id } });
}

/**
 * Errors Node's HTTP parser raises before Fastify has a request (headers or URL over the size
 * limit, malformed requests): answered on the socket with the same JSON shape.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode = err.code === 'HPE_HEADER_OVERFLOW' ? (requestLineTooLong(err) ? 'http.uri_too_long' : 'http.headers_too_large') : 'validation.failed';
  const { status, message } = errorCatalog[code];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${statusText[status] ?? 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** The header limit counts the request line too: an over-long URL is a 414, not a 431. */
function requestLineTooLong(err: Error & { rawPacket?: Buffer }): boolean {
  const raw = err.rawPacket;
  if (!raw) return false;
  const end = raw.indexOf('\r\n');
  return end === -1 || end > maxUrlLength;
}

const statusText: Record<number, string> = { 400: 'Bad Request', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' };
