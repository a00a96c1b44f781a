import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { orgUnits, users } from '../../../db/schema/core.js';
import { mutualVisits } from '../../../db/schema/evaluation-stages.js';
import { keyJoin } from '../../../db/scope.js';

const town = alias(orgUnits, 'town');

const selectVisits = (db: Db) =>
  db
    .select({
      id: mutualVisits.id,
      campaignId: mutualVisits.campaignId,
      villageId: mutualVisits.villageId,
      villageName: orgUnits.name,
      townName: sql<string>`coalesce(${town.name}, '')`,
      orgPath: mutualVisits.orgPath,
      household: mutualVisits.household,
      visitDate: mutualVisits.visitDate,
      visitors: mutualVisits.visitors,
      findings: mutualVisits.findings,
      recordedBy: users.displayName,
      createdAt: mutualVisits.createdAt,
      updatedAt: mutualVisits.updatedAt,
    })
    .from(mutualVisits)
    .innerJoin(orgUnits, keyJoin(orgUnits, mutualVisits.countyId, mutualVisits.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId))
    .innerJoin(users, keyJoin(users, mutualVisits.countyId, mutualVisits.recordedBy));

export type MutualVisitRow = NonNullable<Awaited<ReturnType<typeof selectMutualVisit>>>;

/** Visits of the given villages (the ones the caller may open), newest first. */
export async function listMutualVisits(db: Db, countyId: string, campaignId: string, villageIds: readonly string[], page: { page: number; pageSize: number }) {
  if (villageIds.length === 0) return { items: [], total: 0 };
  const where = and(eq(mutualVisits.countyId, countyId), eq(mutualVisits.campaignId, campaignId), inArray(mutualVisits.villageId, [...villageIds]));
  const [items, [total]] = await Promise.all([
    selectVisits(db)
      .where(where)
      .orderBy(desc(mutualVisits.visitDate), asc(orgUnits.name), asc(mutualVisits.household), asc(mutualVisits.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(mutualVisits).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function selectMutualVisit(db: Db, countyId: string, campaignId: string, id: string) {
  const [row] = await selectVisits(db).where(and(eq(mutualVisits.countyId, countyId), eq(mutualVisits.campaignId, campaignId), eq(mutualVisits.id, id)));
  return row;
}

export async function insertMutualVisits(db: Db, rows: (typeof mutualVisits.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(mutualVisits).values(rows.slice(i, i + 500));
}

export async function updateMutualVisit(db: Db, countyId: string, id: string, set: Partial<typeof mutualVisits.$inferInsert>) {
  await db.update(mutualVisits).set(set).where(and(eq(mutualVisits.countyId, countyId), eq(mutualVisits.id, id)));
}

export async function deleteMutualVisit(db: Db, countyId: string, id: string) {
  await db.delete(mutualVisits).where(and(eq(mutualVisits.countyId, countyId), eq(mutualVisits.id, id)));
}

/** Visits per village in a campaign: the overview and the summary table. */
export async function countVisitsByVillage(db: Db, countyId: string, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ villageId: mutualVisits.villageId, n: sql<number>`count(*)::int` })
    .from(mutualVisits)
    .where(and(eq(mutualVisits.countyId, countyId), eq(mutualVisits.campaignId, campaignId)))
    .groupBy(mutualVisits.villageId);
  return new Map(rows.map((r) => [r.villageId, Number(r.n)]));
}
