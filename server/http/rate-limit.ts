// Per-IP request limits for public routes (surveys, sign-in, objections), declared on the route:
// `config: { access: 'public', rateLimit: { max: 30, windowMs: 60_000 } }`. In memory: one
// process serves a county; behind several processes the proxy should limit as well.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.js';

export type RateLimit = { max: number; windowMs: number };

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RateLimit;
  }
}

export function installRateLimit(app: FastifyInstance): void {
  const windows = new Map<string, { count: number; resetAt: number }>();
  app.addHook('onRequest', async (req, reply) => {
    const limit = req.routeOptions.config?.rateLimit;
    if (!limit) return;
    const now = app.services.now().getTime();
    const key = `${req.routeOptions.url}|${req.ip}`;
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + limit.windowMs };
      windows.set(key, w);
      if (windows.size > 50_000) sweep(windows, now);
    }
    w.count++;
    void reply.header('x-ratelimit-remaining', Math.max(0, limit.max - w.count));
    if (w.count > limit.max) {
      void reply.header('retry-after', Math.ceil((w.resetAt - now) / 1000));
      throw new AppError('http.rate_limited');
    }
  });
}

function sweep(windows: Map<string, { resetAt: number }>, now: number): void {
  for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
}
