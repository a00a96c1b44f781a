import type { Db } from './client.js';

/**
 * Runs `fn` in one transaction with a context whose `db` is the transaction: the change and
 * its audit row commit together or not at all.
 */
export function inTransaction<C extends { db: Db }, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db }));
}
