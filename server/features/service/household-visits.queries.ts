import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/core.js';
import { householdVisits, problems } from '../../db/schema/fieldwork.js';
import { inSubtrees, keyJoin } from '../../db/scope.js';

const problemCount = sql<number>`(SELECT count(*)::int FROM ${problems}
  WHERE ${problems.countyId} = ${householdVisits.countyId} AND ${problems.householdVisitId} = ${householdVisits.id})`;

const selectVisits = (db: Db) =>
  db
    .select({
      id: householdVisits.id,
      villageId: householdVisits.villageId,
      villageName: orgUnits.name,
      orgPath: householdVisits.orgPath,
      visitDate: householdVisits.visitDate,
      household: householdVisits.household,
      visitors: householdVisits.visitors,
      notes: householdVisits.notes,
      problemCount,
    })
    .from(householdVisits)
    .innerJoin(orgUnits, keyJoin(orgUnits, householdVisits.countyId, householdVisits.villageId));

export type HouseholdVisitFilter = { year?: number; underPath?: string };

function filters(countyId: string, paths: readonly string[], f: HouseholdVisitFilter): SQL | undefined {
  return and(
    eq(householdVisits.countyId, countyId),
    inSubtrees(householdVisits.orgPath, paths),
    f.year ? gte(householdVisits.visitDate, `${f.year}-01-01`) : undefined,
    f.year ? lte(householdVisits.visitDate, `${f.year}-12-31`) : undefined,
    f.underPath ? inSubtrees(householdVisits.orgPath, [f.underPath]) : undefined,
  );
}

export async function listHouseholdVisits(db: Db, countyId: string, paths: readonly string[], f: HouseholdVisitFilter, page: { page: number; pageSize: number }) {
  const where = filters(countyId, paths, f);
  const [items, [total]] = await Promise.all([
    selectVisits(db)
      .where(where)
      .orderBy(desc(householdVisits.visitDate), asc(householdVisits.household), asc(householdVisits.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(householdVisits).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function selectHouseholdVisit(db: Db, countyId: string, paths: readonly string[], id: string) {
  const [row] = await selectVisits(db).where(and(eq(householdVisits.countyId, countyId), eq(householdVisits.id, id), inSubtrees(householdVisits.orgPath, paths)));
  return row;
}

export async function insertHouseholdVisits(db: Db, rows: (typeof householdVisits.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(householdVisits).values(rows.slice(i, i + 500));
}
