import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.js';

// The browser-facing security headers (CSP, framing, HSTS, nosniff) come from helmet in
// content-security.ts; these are the ones that are ours.
export function installSecurityHeaders(app: FastifyInstance, opts: { requireHttps: boolean }): void {
  if (opts.requireHttps) {
    // Production answers only over TLS (terminated by the proxy, which sets X-Forwarded-Proto);
    // health stays reachable for local monitoring.
    app.addHook('onRequest', async (req) => {
      if (req.protocol !== 'https' && req.url !== '/api/health') throw new AppError('http.https_required');
    });
  }
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    // API answers carry personal data: never store them in a cache.
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });
}
