import { describe, expect, it } from 'vitest';
import { clockStore } from './rate-limit.js';

type Hit = { current: number; ttl: number };

function incr(store: { incr(key: string, cb: (err: Error | null, hit: Hit) => void, timeWindow: number): void }, key: string): Hit {
  let hit: Hit = { current: -1, ttl: -1 };
  store.incr(key, (_err, h) => (hit = h), 60_000);
  return hit;
}

describe('the rate limits’ in-memory store', () => {
  it('when more than 50,000 keys are live (one per survey code at 1,000 phones a second), then a new key does not walk the whole map, and every count is kept', () => {
    let t = 0;
    const Store = clockStore(() => t);
    const store = new Store();
    // A still clock: none of the windows ends, so no sweep can free anything.
    for (let i = 0; i < 150_000; i++) expect(incr(store, `survey-code|${i}`).current).toBe(1);
    // Sweeping on every new key past 50,000 would walk about 10 billion entries (over a minute);
    // with the doubling, the sweeps at 50,001 and 100,003 keys walk 150,004 in all.
    expect(store.sweptEntries).toBe(150_004);
    expect(incr(store, 'survey-code|7').current).toBe(2);
    expect(incr(store, 'survey-code|149999').current).toBe(2);
    // Once the minute is over the windows start again.
    t += 60_000;
    expect(incr(store, 'survey-code|7').current).toBe(1);
  });
});
