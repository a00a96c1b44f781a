// The public notice's villages and towns as a server built them last, per campaign, kept until
// the campaign's results version (migrations/0028) or its standard's row version moves.
//
// Why it is safe: the database itself moves the results version on every write to what the notice
// shows or checks (result rows, town results, result seals, org units), whoever writes, and the
// version is read with the campaign in the request's own statement: a write committed before the
// request began is never missed, unlike a notice on a LISTEN connection. A different version
// builds the notice again, seal check included, so a row edited by hand is left out at once.
//
// What bounds it when that fails (a superuser who switches triggers off before editing): an
// entry is used for at most `ttlMs`, then the notice is built and checked again.

export type NoticeCacheOptions = {
  maxEntries: number;
  ttlMs: number;
  /** Monotonic milliseconds (a cache's age, not the movable business clock). */
  clock?: () => number;
};

type Entry<T> = { tag: string; owner: unknown; value: T; storedAt: number };

export class NoticeCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly clock: () => number;

  constructor(private readonly options: NoticeCacheOptions) {
    this.clock = options.clock ?? (() => performance.now());
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The value kept for `key` if it was built at `tag` (the versions it was read at) by `owner`
   * (the key that checked its seals: two servers' keys on one database never share a check).
   */
  get(key: string, tag: string, owner: unknown): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.tag !== tag || entry.owner !== owner) return undefined;
    if (this.clock() - entry.storedAt > this.options.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, tag: string, owner: unknown, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { tag, owner, value, storedAt: this.clock() });
    // Oldest first (Map keeps insertion order).
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
