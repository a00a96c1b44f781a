import { describe, expect, it } from 'vitest';
import { fixedChunks, inChunks, timedChunks } from './compute-chunks.js';

describe('chunks sized by time', () => {
  it('when a chunk took twice the target, then the next is half as big, never below the minimum', () => {
    const s = timedChunks({ first: 100, min: 10, max: 1000, targetMs: 10 });
    s.took(100, 20);
    expect(s.next()).toBe(50);
    s.took(50, 1000);
    expect(s.next()).toBe(10);
  });

  it('when chunks are quick, then they grow at most twofold a step, up to the maximum', () => {
    const s = timedChunks({ first: 100, min: 10, max: 300, targetMs: 10 });
    s.took(100, 1);
    expect(s.next()).toBe(200);
    s.took(200, 0);
    expect(s.next()).toBe(300);
  });

  it('when ids are read in chunks, then every id is read once, in order, each chunk as big as the sizer said then', async () => {
    const ids = Array.from({ length: 95 }, (_, i) => `v${i}`);
    let clock = 0;
    const seen: (readonly string[])[] = [];
    // Each chunk "takes" 2 ms per village on the given clock: with a 40 ms target, 20 villages a chunk after the first.
    const out = await inChunks(ids, timedChunks({ first: 10, min: 5, max: 100, targetMs: 40 }), async (chunk) => {
      seen.push(chunk);
      clock += 2 * chunk.length;
      return chunk.length;
    }, () => clock);
    expect(seen.flat()).toEqual(ids);
    expect(seen.map((c) => c.length)).toEqual([10, 20, 20, 20, 20, 5]);
    expect(out.reduce((a, b) => a + b, 0)).toBe(95);
  });

  it('when the sizer is fixed, then chunks keep their size', async () => {
    const sizes: number[] = [];
    await inChunks(['a', 'b', 'c', 'd', 'e'], fixedChunks(2), async (c) => sizes.push(c.length));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
