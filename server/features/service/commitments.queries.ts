import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/core.js';
import { commitments } from '../../db/schema/fieldwork.js';
import { inSubtrees, keyJoin } from '../../db/scope.js';

const town = alias(orgUnits, 'town');

export type CommitmentRow = typeof commitments.$inferSelect & { villageName: string; townName: string | null };

const selectCommitments = (db: Db) =>
  db
    .select({ c: commitments, villageName: orgUnits.name, townName: town.name })
    .from(commitments)
    .innerJoin(orgUnits, keyJoin(orgUnits, commitments.countyId, commitments.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId));

const flatten = (r: { c: typeof commitments.$inferSelect; villageName: string; townName: string | null }): CommitmentRow => ({
  ...r.c,
  villageName: r.villageName,
  townName: r.townName,
});

export type CommitmentFilter = { year?: number; underPath?: string; status?: string };

function filters(countyId: string, paths: readonly string[], f: CommitmentFilter): SQL | undefined {
  return and(
    eq(commitments.countyId, countyId),
    inSubtrees(commitments.orgPath, paths),
    f.year ? eq(commitments.year, f.year) : undefined,
    f.underPath ? inSubtrees(commitments.orgPath, [f.underPath]) : undefined,
    f.status ? eq(commitments.status, f.status as CommitmentRow['status']) : undefined,
  );
}

export async function listCommitments(db: Db, countyId: string, paths: readonly string[], f: CommitmentFilter, page: { page: number; pageSize: number }) {
  const where = filters(countyId, paths, f);
  const [items, [total]] = await Promise.all([
    selectCommitments(db)
      .where(where)
      .orderBy(desc(commitments.year), asc(orgUnits.code), asc(commitments.createdAt), asc(commitments.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(commitments).where(where),
  ]);
  return { items: items.map(flatten), total: Number(total?.n ?? 0) };
}

export async function selectCommitment(db: Db, countyId: string, paths: readonly string[], id: string): Promise<CommitmentRow | undefined> {
  const [row] = await selectCommitments(db).where(and(eq(commitments.countyId, countyId), eq(commitments.id, id), inSubtrees(commitments.orgPath, paths)));
  return row ? flatten(row) : undefined;
}

export async function selectSettledOfVillage(db: Db, countyId: string, villageId: string, year: number) {
  return db
    .select({ id: commitments.id, orgPath: commitments.orgPath })
    .from(commitments)
    .where(and(eq(commitments.countyId, countyId), eq(commitments.villageId, villageId), eq(commitments.year, year), eq(commitments.status, 'settled')));
}

export async function insertCommitments(db: Db, rows: (typeof commitments.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(commitments).values(rows.slice(i, i + 500));
}

export async function updateCommitment(db: Db, countyId: string, ids: string | string[], set: Partial<typeof commitments.$inferInsert>): Promise<void> {
  const idList = Array.isArray(ids) ? ids : [ids];
  if (idList.length === 0) return;
  await db.update(commitments).set(set).where(and(eq(commitments.countyId, countyId), inArray(commitments.id, idList)));
}

/** The public notice: published items of one village (any county; the village id is the key). */
export async function selectPublishedCommitments(db: Db, villageId: string, year: number) {
  return db
    .select({
      title: commitments.title,
      category: commitments.category,
      description: commitments.description,
      outcome: commitments.outcome,
      outcomeReason: commitments.outcomeReason,
      evidence: commitments.evidence,
      publishedDate: commitments.publishedDate,
    })
    .from(commitments)
    .where(and(eq(commitments.villageId, villageId), eq(commitments.year, year), eq(commitments.status, 'published')))
    .orderBy(asc(commitments.createdAt), asc(commitments.id));
}

export async function selectPublishedYears(db: Db, villageId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: commitments.year })
    .from(commitments)
    .where(and(eq(commitments.villageId, villageId), eq(commitments.status, 'published')))
    .orderBy(desc(commitments.year));
  return rows.map((r) => r.year);
}

export async function selectPublicVillage(db: Db, villageId: string) {
  const [row] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, townName: town.name, active: orgUnits.active })
    .from(orgUnits)
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId))
    .where(and(eq(orgUnits.id, villageId), eq(orgUnits.level, 'village')));
  return row;
}

export async function countCommitmentsByStatus(db: Db, countyId: string, paths: readonly string[], year: number) {
  return db
    .select({ status: commitments.status, n: sql<number>`count(*)::int` })
    .from(commitments)
    .where(filters(countyId, paths, { year }))
    .groupBy(commitments.status);
}
