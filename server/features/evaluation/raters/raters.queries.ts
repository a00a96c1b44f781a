import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/core.js';

/** Display names of the given users of the county (judges in messages and charts). */
export async function selectUserNames(db: Db, countyId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.countyId, countyId), inArray(users.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
