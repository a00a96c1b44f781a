// Per-IP request limits for public routes (surveys, sign-in, objections) through
// @fastify/rate-limit, declared on the route:
// `config: { access: 'public', rateLimit: { max: 30, timeWindow: 60_000 } }`. Each route counts
// on its own, per client address. In memory: one process serves a county; behind several
// processes the proxy should limit as well.
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../../shared/errors.js';

type Hit = { current: number; ttl: number };
type Window = { count: number; startedAt: number };
type Callback = (err: Error | null, hit: Hit) => void;

/** Windows kept before ended ones are swept out. */
const sweepAt = 50_000;

/**
 * The library's store contract (incr/read/child) over the app's clock, so tests move time with
 * the clock instead of sleeping; windows are fixed, like the library's own local store.
 *
 * Ended windows are swept out when the map passes a size, and the next sweep waits until it has
 * doubled from what was left: with more live keys than `sweepAt` (one per survey code: 1,000
 * phones a second fill 60,000 one-minute windows) a sweep on every new key would walk the whole
 * map on every request.
 */
export function clockStore(now: () => number) {
  return class ClockStore {
    private readonly windows = new Map<string, Window>();
    private sweepAbove = sweepAt;
    /** Entries walked by sweeps so far: what the doubling keeps near the number of keys. */
    sweptEntries = 0;
    incr(key: string, cb: Callback, timeWindow: number): void {
      const t = now();
      let w = this.windows.get(key);
      if (!w || w.startedAt + timeWindow <= t) {
        w = { count: 0, startedAt: t };
        this.windows.set(key, w);
        if (this.windows.size > this.sweepAbove) {
          this.sweep(t, timeWindow);
          this.sweepAbove = Math.max(sweepAt, 2 * this.windows.size);
        }
      }
      w.count++;
      cb(null, { current: w.count, ttl: w.startedAt + timeWindow - t });
    }
    read(key: string, cb: Callback, timeWindow: number): void {
      const t = now();
      const w = this.windows.get(key);
      if (!w || w.startedAt + timeWindow <= t) return cb(null, { current: 0, ttl: 0 });
      cb(null, { current: w.count, ttl: w.startedAt + timeWindow - t });
    }
    child(): ClockStore {
      return new ClockStore();
    }
    private sweep(t: number, timeWindow: number): void {
      this.sweptEntries += this.windows.size;
      for (const [k, w] of this.windows) if (w.startedAt + timeWindow <= t) this.windows.delete(k);
    }
  };
}

export async function installRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: clockStore(() => app.services.now().getTime()),
    // Thrown into the one error handler: 429 with our code and Chinese message.
    errorResponseBuilder: () => new AppError('http.rate_limited'),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': false, 'retry-after': true },
  });
}
