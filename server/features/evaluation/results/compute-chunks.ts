// How many villages 生成定星建议 reads or writes in one statement. On PGlite a statement runs on the
// server's thread and holds every other request until it ends, so chunks are sized by time: each
// kind of statement is measured as it runs and the next chunk is sized to take about `targetMs`
// (rows differ in cost by kind and by county: 168 scores a village in one, 20 in another). On
// PostgreSQL the statement runs elsewhere, and big fixed chunks save round trips.

export type ChunkSizer = {
  /** Villages in the next chunk. */
  next(): number;
  /** What the last chunk of `n` villages took. */
  took(n: number, ms: number): void;
};

export type SizerOptions = { first: number; min: number; max: number; targetMs: number };

export function timedChunks({ first, min, max, targetMs }: SizerOptions): ChunkSizer {
  let size = first;
  return {
    next: () => size,
    took(n, ms) {
      if (n <= 0) return;
      // At most doubling a step: one quick statement (a warm cache, a quiet moment) must not
      // make the next one take ten times the target.
      const fit = ms > 0 ? Math.floor((targetMs * n) / ms) : max;
      size = Math.max(min, Math.min(max, fit, size * 2));
    },
  };
}

export function fixedChunks(size: number): ChunkSizer {
  return { next: () => size, took: () => {} };
}

/** Splits `ids` in chunks as `sizer` says and runs `read` on each, one after the other, timing each. */
export async function inChunks<T>(ids: readonly string[], sizer: ChunkSizer, read: (chunk: readonly string[]) => Promise<T>, now: () => number = () => performance.now()): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; ) {
    const chunk = ids.slice(i, i + sizer.next());
    const t0 = now();
    out.push(await read(chunk));
    sizer.took(chunk.length, now() - t0);
    i += chunk.length;
  }
  return out;
}
