import type { Db } from './client.js';

/**
 * A statement built once per database handle and sent as a named prepared statement, so the
 * server parses and plans it once per connection instead of on every request (a transaction is a
 * handle of its own and builds its own). Only for statements on every request's path; the same
 * keeping serves the per-handle caches of db/handle-cache.ts.
 */
export function perHandle<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
