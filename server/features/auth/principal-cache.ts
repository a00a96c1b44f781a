// The session lookups a server has made (session, user, roles: session-lookup.queries.ts), kept so
// that a signed-in request needs no statement of its own to know who is calling.
//
// Why it is safe: every change to what a lookup holds is announced by the database itself
// (migrations/0027: triggers on sessions, users, role_grants and org_units notify fivestar_auth,
// whoever writes) and drops the entries it concerns here. A request that wrote waits, before it
// answers, until this server has heard its own notices (app.ts: `sync` after unsafe methods), so
// the next request of anyone sees a logout, a removed role or a disabled account. A change made
// elsewhere (another server, the CLI, a hand edit) is seen once PostgreSQL delivers its notice,
// which it does before it answers any further statement of the listening connection.
//
// What keeps it honest when that fails: nothing is kept while the listening connection is down
// (`live` false) and everything is dropped when it comes back; an entry read before a notice
// arrived is not stored (the generation moved); an entry lives at most `ttlMs` even if no notice
// came; only an "active" verdict is taken from here (auth.service re-reads before ending a session).
import type { SessionPrincipalRow } from './session-lookup.queries.js';

export type PrincipalCacheOptions = {
  maxEntries: number;
  ttlMs: number;
  /** Monotonic milliseconds (not the movable business clock: this is a cache's age). */
  clock?: () => number;
};

type Entry = { row: SessionPrincipalRow; storedAt: number };

export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: () => number;
  /** Moves on every notice and reset: a lookup read before it must not be stored after it. */
  generation = 0;
  /** Set by whoever listens: false while notices could be missed. */
  live: () => boolean = () => false;
  /** Resolves once the notices of everything committed so far have arrived. */
  sync: () => Promise<void> = async () => undefined;

  constructor(private readonly options: PrincipalCacheOptions) {
    this.clock = options.clock ?? (() => performance.now());
  }

  get size(): number {
    return this.entries.size;
  }

  get(sessionId: string): SessionPrincipalRow | undefined {
    if (!this.live()) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (this.clock() - entry.storedAt > this.options.ttlMs) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.row;
  }

  /** Keeps a lookup made while the generation was `readAt`; dropped if anything changed since. */
  set(sessionId: string, row: SessionPrincipalRow, readAt: number): void {
    if (!this.live() || readAt !== this.generation) return;
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { row, storedAt: this.clock() });
    // Oldest first (Map keeps insertion order): a full cache forgets the longest-kept entry.
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** The session was touched (last_seen_at written, which announces nothing): keep the new time. */
  touched(sessionId: string, at: Date): void {
    const entry = this.entries.get(sessionId);
    if (entry) entry.row = { ...entry.row, session: { ...entry.row.session, lastSeenAt: at } };
  }

  drop(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** A notice of migrations/0027: 's:<session>', 'u:<user>', 'c:<county>' or '*'. */
  notice(payload: string): void {
    this.generation++;
    const kind = payload.slice(0, 2);
    const id = payload.slice(2);
    if (kind === 's:') {
      this.entries.delete(id);
      return;
    }
    if (kind !== 'u:' && kind !== 'c:') {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries) {
      if (kind === 'u:' ? entry.row.user.id === id : entry.row.user.countyId === id) this.entries.delete(key);
    }
  }

  /** Notices may have been missed: forget everything. */
  reset(): void {
    this.generation++;
    this.entries.clear();
  }
}
