// The one place where an error becomes an HTTP status and a body with a code and a Chinese message.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorCatalog, type ErrorCode } from '../../shared/errors.js';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'http.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation.failed',
  FST_ERR_CTP_BODY_TOO_LARGE: 'http.payload_too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation.failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation.failed',
  FST_ERR_RATE_LIMIT: 'http.rate_limited',
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let code: ErrorCode = 'internal';
    let details: unknown;
    if (err instanceof AppError) {
      code = err.code;
      details = err.details;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message,
        code: v.keyword,
        keys: (v.params as { keys?: string[] }).keys,
      }));
      code = issues.some((i) => i.code === 'unrecognized_keys') ? 'validation.unknown_field' : 'validation.failed';
      details = { in: err.validationContext, issues };
    } else if (err.code && fastifyCodes[err.code]) {
      code = fastifyCodes[err.code] as ErrorCode;
    } else if (err.statusCode === 415) {
      code = 'http.unsupported_media_type';
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      code = 'validation.failed';
    }
    if (code === 'internal') { req.log.error({ err }, 'unhandled error'); if (process.env.DEBUG_ERRORS) console.error(err); }
    const { status, message } = errorCatalog[code];
    void reply.status(status).send({ error: { code, message, details, requestId: req.id } });
  });
  app.setNotFoundHandler((req, reply) => {
    const { status, message } = errorCatalog['http.not_found'];
    void reply.status(status).send({ error: { code: 'http.not_found', message, requestId: req.id } });
  });
}
