// What the request log may hold: method, route, status, ids and timings; never what identifies a
// person or opens a door. Query values (searches hold ID numbers, phones and names) are dropped;
// secrets in paths (sign-in, problem-confirmation and survey tokens, objection receipt numbers)
// are replaced by their parameter name; SQL errors keep the statement but not its parameters;
// cookies and the CSRF header are redacted. Used by server/app.ts for every logger it builds.
import type { FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';

// Path parameters that are credentials or that identify a villager: logged by name only.
const secretParam = /token|code|receipt|secret|password/i;
// Outside a known route (404s, SPA page paths such as /m/sign-in/<token>), any long opaque segment
// that is not a record id is treated as a secret.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const opaque = /^[A-Za-z0-9_~.%-]{12,}$/;
// Digit runs as long as a phone (11) or an ID number (18) never reach the log, wherever they are.
const longDigits = /\d{11,}[\dXx]?/g;

type LoggedRequest = Pick<FastifyRequest, 'method' | 'url' | 'id'> & {
  routeOptions?: { url?: string };
  params?: unknown;
  ip?: string;
};

/** The URL as it may be logged: the path with secret segments named, the query keys without values. */
export function redactUrl(url: string, routePattern?: string, params?: unknown): string {
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  const path = routePattern && routePattern !== '/*' && !routePattern.endsWith('*') ? fromPattern(routePattern, params) : maskSegments(rawPath);
  const keys = query
    .split('&')
    .filter(Boolean)
    .map((pair) => `${safeKey(pair.split('=')[0] ?? '')}=…`);
  return `${path}${keys.length ? `?${keys.join('&')}` : ''}`.replace(longDigits, '…');
}

function fromPattern(pattern: string, params: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return pattern.replace(/:(\w+)/g, (_m, name: string) => {
    const v = values[name];
    return secretParam.test(name) || typeof v !== 'string' ? `:${name}` : maskSegment(v);
  });
}

function maskSegments(path: string): string {
  return path.split('/').map(maskSegment).join('/');
}

function maskSegment(segment: string): string {
  return uuid.test(segment) || !opaque.test(segment) ? segment : '…';
}

function safeKey(key: string): string {
  return /^[A-Za-z0-9_.[\]-]{1,40}$/.test(key) ? key : '…';
}

/** The SQL of a failed query may be logged; its parameters and the server's row details may not. */
export function redactError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: string; statusCode?: number; cause?: unknown };
  const clean = (text: string | undefined) => (text ?? '').replace(/\nparams:[\s\S]*$/, '\nparams: [redacted]').replace(longDigits, '…');
  return {
    type: e.name,
    code: e.code,
    statusCode: e.statusCode,
    message: clean(e.message),
    stack: clean(e.stack),
    ...(e.cause instanceof Error ? { cause: { type: e.cause.name, code: (e.cause as { code?: string }).code, message: clean(e.cause.message) } } : {}),
  };
}

export function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url, req.routeOptions?.url, req.params),
    remoteAddress: req.ip,
  };
}

/** pino options for the server's log: level, serializers and the redacted paths. */
export function redactedLoggerOptions(stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: 'info',
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: { req: serializeRequest as never, err: redactError },
    ...(stream ? { stream } : {}),
  };
}
