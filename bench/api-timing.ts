// Paired timing: the endpoint and its raw SQL run alternately (order flipped every round), so
// both see the same noise on a busy 2-core machine, and the ratio is the median of per-round
// ratios rather than a ratio of two numbers taken at different moments.

export type Stats = { median: number; p95: number; n: number };
/** `aCpu`: this process's CPU time (all threads) per call of `a`: steadier than wall time on a busy machine. */
export type Paired = { a: Stats; b: Stats | null; ratio: number | null; aCpu: Stats };

export function statsOf(times: number[]): Stats {
  const sorted = [...times].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? (sorted[Math.floor(mid)] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, p95: at(0.95), n: sorted.length };
}

async function timeOnce(fn: () => Promise<unknown>, cpu?: number[]): Promise<number> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  if (cpu) {
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return wall;
}

export type PairOptions = { budgetMs: number; minN: number; maxN: number };

/**
 * Warms both up, picks N so that the measured rounds take about `budgetMs`, then times N rounds.
 * `b` may be null (an endpoint with no raw counterpart).
 */
export async function timePaired(a: () => Promise<unknown>, b: (() => Promise<unknown>) | null, opts: PairOptions): Promise<Paired> {
  // Warm-up: JIT, prepared plans, caches; at least 3 rounds or 300 ms.
  let warmRounds = 0;
  let lastRound = 0;
  const warmStart = performance.now();
  while (warmRounds < 3 || (performance.now() - warmStart < 300 && warmRounds < 50)) {
    lastRound = (await timeOnce(a)) + (b ? await timeOnce(b) : 0);
    warmRounds++;
  }
  const n = Math.max(opts.minN, Math.min(opts.maxN, Math.floor(opts.budgetMs / Math.max(lastRound, 0.01))));
  const ta: number[] = [];
  const tb: number[] = [];
  const ratios: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    let x: number;
    let y = 0;
    if (!b) x = await timeOnce(a, cpu);
    else if (i % 2 === 0) {
      x = await timeOnce(a, cpu);
      y = await timeOnce(b);
    } else {
      y = await timeOnce(b);
      x = await timeOnce(a, cpu);
    }
    ta.push(x);
    if (b) {
      tb.push(y);
      ratios.push(x / y);
    }
  }
  return { a: statsOf(ta), b: b ? statsOf(tb) : null, ratio: b ? statsOf(ratios).median : null, aCpu: statsOf(cpu) };
}

/** Median of N plain runs of a synchronous step (serializer cost). */
export function timeSync(fn: () => unknown, budgetMs: number, maxN = 200): Stats {
  for (let i = 0; i < 3; i++) fn();
  const t0 = performance.now();
  fn();
  const one = performance.now() - t0;
  const n = Math.max(5, Math.min(maxN, Math.floor(budgetMs / Math.max(one, 0.01))));
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  return statsOf(times);
}
