import { describe, expect, it } from 'vitest';
import { NoticeCache } from './notice-cache.js';

const owner = {};
function cacheAt(options: { maxEntries?: number; ttlMs?: number } = {}) {
  let now = 0;
  const cache = new NoticeCache<string>({ maxEntries: options.maxEntries ?? 10, ttlMs: options.ttlMs ?? 60_000, clock: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('NoticeCache', () => {
  it('when the tag or the owner differs from the one stored, then nothing is found', () => {
    const { cache } = cacheAt();
    cache.set('c/1', '3/100', owner, 'notice');
    expect(cache.get('c/1', '3/100', owner)).toBe('notice');
    expect(cache.get('c/1', '4/100', owner)).toBeUndefined();
    expect(cache.get('c/1', '3/101', owner)).toBeUndefined();
    expect(cache.get('c/1', '3/100', {})).toBeUndefined();
    expect(cache.get('c/2', '3/100', owner)).toBeUndefined();
  });

  it('when an entry is older than its time to live, then it is dropped', () => {
    const { cache, advance } = cacheAt({ ttlMs: 1000 });
    cache.set('c/1', 't', owner, 'notice');
    advance(1000);
    expect(cache.get('c/1', 't', owner)).toBe('notice');
    advance(1);
    expect(cache.get('c/1', 't', owner)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('when more campaigns are kept than allowed, then the one stored longest ago goes', () => {
    const { cache } = cacheAt({ maxEntries: 2 });
    cache.set('a', 't', owner, 'A');
    cache.set('b', 't', owner, 'B');
    cache.set('a', 't', owner, 'A2');
    cache.set('c', 't', owner, 'C');
    expect(cache.get('b', 't', owner)).toBeUndefined();
    expect(cache.get('a', 't', owner)).toBe('A2');
    expect(cache.get('c', 't', owner)).toBe('C');
  });
});
