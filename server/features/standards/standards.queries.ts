import { and, asc, count, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { standardVersions } from '../../db/schema/standards.js';
import { containsText } from '../../db/scope.js';
import type { StandardListQuery } from '../../../shared/contracts/standards.js';
import type { Standard } from '../../../shared/standards/standard.js';

export type StandardRow = typeof standardVersions.$inferSelect;

function listWhere(countyId: string, q: Partial<StandardListQuery>): SQL | undefined {
  return and(
    eq(standardVersions.countyId, countyId),
    q.q ? or(ilike(standardVersions.name, containsText(q.q)), ilike(standardVersions.code, containsText(q.q))) : undefined,
  );
}

export async function listStandardRows(db: Db, countyId: string, q: StandardListQuery) {
  const where = listWhere(countyId, q);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(standardVersions)
      .where(where)
      .orderBy(asc(standardVersions.code), desc(standardVersions.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(standardVersions).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function selectStandardRow(db: Db, countyId: string, id: string): Promise<StandardRow | undefined> {
  const [row] = await db.select().from(standardVersions).where(and(eq(standardVersions.countyId, countyId), eq(standardVersions.id, id)));
  return row;
}

export async function selectStandardByVersion(db: Db, countyId: string, code: string, version: string) {
  const [row] = await db
    .select({ id: standardVersions.id })
    .from(standardVersions)
    .where(and(eq(standardVersions.countyId, countyId), eq(standardVersions.code, code), eq(standardVersions.version, version)));
  return row;
}

export async function insertStandardRow(db: Db, row: typeof standardVersions.$inferInsert): Promise<void> {
  await db.insert(standardVersions).values(row);
}

export async function updateStandardRow(db: Db, countyId: string, id: string, set: Partial<typeof standardVersions.$inferInsert>) {
  await db.update(standardVersions).set(set).where(and(eq(standardVersions.countyId, countyId), eq(standardVersions.id, id)));
}

/** Locks a version once (the first closed campaign's reason is kept). */
export async function lockStandardRow(db: Db, countyId: string, id: string, at: Date, reason: string): Promise<void> {
  await db
    .update(standardVersions)
    .set({ lockedAt: at, lockedReason: reason })
    .where(and(eq(standardVersions.countyId, countyId), eq(standardVersions.id, id), isNull(standardVersions.lockedAt)));
}

/** The document with its row tag (xmin): the standard cache stores a document under the tag it was read with. */
export async function selectStandardDocumentTagged(db: Db, countyId: string, id: string): Promise<{ document: Standard; tag: string } | undefined> {
  const [row] = await db
    .select({ document: standardVersions.document, tag: sql<string>`${standardVersions}.xmin::text` })
    .from(standardVersions)
    .where(and(eq(standardVersions.countyId, countyId), eq(standardVersions.id, id)));
  return row ? { document: row.document as Standard, tag: row.tag } : undefined;
}
