import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.js';

export function installSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean; requireHttps: boolean }): void {
  if (opts.requireHttps) {
    // Production answers only over TLS (terminated by the proxy, which sets X-Forwarded-Proto);
    // health stays reachable for local monitoring.
    app.addHook('onRequest', async (req) => {
      if (req.protocol !== 'https' && req.url !== '/api/health') throw new AppError('http.https_required');
    });
  }
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'same-origin');
    if (opts.hsts) void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // API answers carry personal data: never store them in a cache.
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });
}
