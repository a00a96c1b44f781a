// One log line per request, written after the response: method, route (redacted by
// log-redaction.ts), status and time. Fastify's own "incoming request" / "request completed"
// pair is switched off (buildApp: disableRequestLogging), halving the log work per request.
// The server's log goes to an asynchronous destination: a line is queued and written by the
// event loop, so a slow terminal or pipe never holds a request.
import type { FastifyInstance } from 'fastify';
import pino, { type DestinationStream } from 'pino';

export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info({ req, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
    done();
  });
}

/** Standard output, written asynchronously (buildApp flushes it when the app closes). */
export function asyncStdout(): DestinationStream & { flushSync(): void } {
  return pino.destination({ dest: 1, sync: false });
}
