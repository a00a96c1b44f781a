// What the kept session lookups may and may not answer (the rules that make keeping them safe).
import { describe, expect, it } from 'vitest';
import { PrincipalCache } from './principal-cache.js';
import type { SessionPrincipalRow } from './session-lookup.queries.js';

function row(userId: string, countyId = 'county-1'): SessionPrincipalRow {
  const at = new Date('2026-12-06T08:00:00Z');
  return {
    session: { id: `s-${userId}`, csrfToken: 'x', createdAt: at, lastSeenAt: at, endedAt: null, secondFactorPending: false, reauthAt: null },
    user: {
      id: userId,
      countyId,
      username: userId,
      displayName: userId,
      active: true,
      mustChangePassword: false,
      passwordChangedAt: at,
      passwordResetBy: null,
      passwordResetAt: null,
      totpEnabledAt: null,
    },
    roles: [],
  };
}

function liveCache(options: { maxEntries?: number; ttlMs?: number } = {}) {
  let ms = 0;
  const cache = new PrincipalCache({ maxEntries: options.maxEntries ?? 10, ttlMs: options.ttlMs ?? 60_000, clock: () => ms });
  let live = true;
  cache.live = () => live;
  return { cache, advance: (by: number) => (ms += by), setLive: (v: boolean) => (live = v) };
}

describe('kept session lookups', () => {
  it('when a lookup is kept, then it answers until a notice names its session, its user or its county', () => {
    const { cache } = liveCache();
    cache.set('a', row('u1'), cache.generation);
    cache.set('b', row('u2'), cache.generation);
    cache.set('c', row('u3', 'county-2'), cache.generation);
    expect(cache.get('a')?.user.id).toBe('u1');
    cache.notice('s:a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.user.id).toBe('u2');
    cache.notice('u:u2');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')?.user.id).toBe('u3');
    cache.notice('c:county-1');
    expect(cache.get('c')?.user.id).toBe('u3');
    cache.notice('c:county-2');
    expect(cache.get('c')).toBeUndefined();
  });

  it('when a notice is not understood (a truncate, anything else), then everything is dropped', () => {
    const { cache } = liveCache();
    cache.set('a', row('u1'), cache.generation);
    cache.notice('*');
    expect(cache.size).toBe(0);
    cache.set('a', row('u1'), cache.generation);
    cache.notice('garbage');
    expect(cache.size).toBe(0);
  });

  it('when a notice arrives while a lookup is being read, then that lookup is not kept', () => {
    const { cache } = liveCache();
    const readAt = cache.generation;
    cache.notice('u:someone-else');
    cache.set('a', row('u1'), readAt);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('when notices may have been missed (listener down), then nothing is answered or kept, and a reset forgets all', () => {
    const { cache, setLive } = liveCache();
    cache.set('a', row('u1'), cache.generation);
    setLive(false);
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', row('u2'), cache.generation);
    setLive(true);
    expect(cache.get('b')).toBeUndefined();
    cache.reset();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('when an entry is older than its time to live, then it is read again even without a notice', () => {
    const { cache, advance } = liveCache({ ttlMs: 1000 });
    cache.set('a', row('u1'), cache.generation);
    advance(1000);
    expect(cache.get('a')?.user.id).toBe('u1');
    advance(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('when the cache is full, then the longest-kept entry goes first', () => {
    const { cache } = liveCache({ maxEntries: 2 });
    cache.set('a', row('u1'), cache.generation);
    cache.set('b', row('u2'), cache.generation);
    cache.set('c', row('u3'), cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')?.user.id).toBe('u3');
  });

  it('when a session is touched, then the kept lookup carries the new last-seen time and nothing else changes', () => {
    const { cache } = liveCache();
    const r = row('u1');
    cache.set('a', r, cache.generation);
    const at = new Date('2026-12-06T09:00:00Z');
    cache.touched('a', at);
    expect(cache.get('a')?.session.lastSeenAt).toEqual(at);
    expect(cache.get('a')?.user).toEqual(r.user);
    expect(r.session.lastSeenAt).not.toEqual(at);
  });
});
