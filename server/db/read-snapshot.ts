import type { Db } from './client.js';
import { isEmbedded } from './client.js';

/**
 * Runs a read made of many statements (an export read in chunks, pausing between them) on one
 * snapshot where that costs nothing to others: on PostgreSQL a REPEATABLE READ, READ ONLY
 * transaction on one pooled connection. On PGlite (one connection) a transaction would make every
 * other request wait until the last chunk, so the statements run on their own there and a change
 * committed between two chunks may show in the later one.
 */
export function inReadSnapshot<C extends { db: Db }, T>(ctx: C, fn: (read: C) => Promise<T>): Promise<T> {
  if (isEmbedded(ctx.db)) return fn(ctx);
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db }), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
