import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/core.js';
import { keyTasks, supervisionFindings, supervisionRecords } from '../../db/schema/fieldwork.js';
import { inSubtrees, keyJoin } from '../../db/scope.js';

const town = alias(orgUnits, 'town');

const findingCounts = {
  findingsTotal: sql<number>`(SELECT count(*)::int FROM ${supervisionFindings} WHERE ${supervisionFindings.countyId} = ${supervisionRecords.countyId} AND ${supervisionFindings.recordId} = ${supervisionRecords.id})`,
  findingsOpen: sql<number>`(SELECT count(*)::int FROM ${supervisionFindings} WHERE ${supervisionFindings.countyId} = ${supervisionRecords.countyId} AND ${supervisionFindings.recordId} = ${supervisionRecords.id} AND ${supervisionFindings.status} = 'open')`,
};

const selectRecords = (db: Db) =>
  db
    .select({
      id: supervisionRecords.id,
      villageId: supervisionRecords.villageId,
      villageName: orgUnits.name,
      townName: town.name,
      orgPath: supervisionRecords.orgPath,
      recordDate: supervisionRecords.recordDate,
      method: supervisionRecords.method,
      keyTaskId: supervisionRecords.keyTaskId,
      keyTaskTitle: keyTasks.title,
      subject: supervisionRecords.subject,
      summary: supervisionRecords.summary,
      participants: supervisionRecords.participants,
      ...findingCounts,
    })
    .from(supervisionRecords)
    .innerJoin(orgUnits, keyJoin(orgUnits, supervisionRecords.countyId, supervisionRecords.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId))
    .leftJoin(keyTasks, keyJoin(keyTasks, supervisionRecords.countyId, supervisionRecords.keyTaskId));

export type RecordFilter = { year?: number; underPath?: string; method?: string };

function recordFilters(countyId: string, paths: readonly string[], f: RecordFilter): SQL | undefined {
  return and(
    eq(supervisionRecords.countyId, countyId),
    inSubtrees(supervisionRecords.orgPath, paths),
    f.year ? gte(supervisionRecords.recordDate, `${f.year}-01-01`) : undefined,
    f.year ? lte(supervisionRecords.recordDate, `${f.year}-12-31`) : undefined,
    f.underPath ? inSubtrees(supervisionRecords.orgPath, [f.underPath]) : undefined,
    f.method ? eq(supervisionRecords.method, f.method) : undefined,
  );
}

export async function listRecords(db: Db, countyId: string, paths: readonly string[], f: RecordFilter, page: { page: number; pageSize: number }) {
  const where = recordFilters(countyId, paths, f);
  const [items, [total]] = await Promise.all([
    selectRecords(db)
      .where(where)
      .orderBy(desc(supervisionRecords.recordDate), asc(orgUnits.code), asc(supervisionRecords.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(supervisionRecords).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export type RecordRow = NonNullable<Awaited<ReturnType<typeof selectRecord>>>;

export async function selectRecord(db: Db, countyId: string, paths: readonly string[], id: string) {
  const [row] = await selectRecords(db).where(and(eq(supervisionRecords.countyId, countyId), eq(supervisionRecords.id, id), inSubtrees(supervisionRecords.orgPath, paths)));
  return row;
}

export async function insertRecords(db: Db, rows: (typeof supervisionRecords.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(supervisionRecords).values(rows.slice(i, i + 500));
}

const selectFindings = (db: Db) =>
  db
    .select({
      f: supervisionFindings,
      villageName: orgUnits.name,
      townName: town.name,
      recordDate: supervisionRecords.recordDate,
      method: supervisionRecords.method,
    })
    .from(supervisionFindings)
    .innerJoin(supervisionRecords, keyJoin(supervisionRecords, supervisionFindings.countyId, supervisionFindings.recordId))
    .innerJoin(orgUnits, keyJoin(orgUnits, supervisionFindings.countyId, supervisionFindings.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId));

export type FindingRow = typeof supervisionFindings.$inferSelect & { villageName: string; townName: string | null; recordDate: string; method: string };

const flatten = (r: { f: typeof supervisionFindings.$inferSelect; villageName: string; townName: string | null; recordDate: string; method: string }): FindingRow => ({
  ...r.f,
  villageName: r.villageName,
  townName: r.townName,
  recordDate: r.recordDate,
  method: r.method,
});

export type FindingFilter = { underPath?: string; status?: 'open' | 'closed'; overdueOn?: string; recordIds?: string[] };

function findingFilters(countyId: string, paths: readonly string[], f: FindingFilter): SQL | undefined {
  return and(
    eq(supervisionFindings.countyId, countyId),
    inSubtrees(supervisionFindings.orgPath, paths),
    f.underPath ? inSubtrees(supervisionFindings.orgPath, [f.underPath]) : undefined,
    f.status ? eq(supervisionFindings.status, f.status) : undefined,
    f.overdueOn ? and(eq(supervisionFindings.status, 'open'), isNotNull(supervisionFindings.dueDate), lt(supervisionFindings.dueDate, f.overdueOn)) : undefined,
    f.recordIds ? inArray(supervisionFindings.recordId, f.recordIds) : undefined,
  );
}

export async function listFindings(db: Db, countyId: string, paths: readonly string[], f: FindingFilter, page: { page: number; pageSize: number }) {
  const where = findingFilters(countyId, paths, f);
  const [items, [total]] = await Promise.all([
    selectFindings(db)
      .where(where)
      .orderBy(asc(supervisionFindings.status), asc(supervisionFindings.dueDate), desc(supervisionRecords.recordDate), asc(supervisionFindings.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(supervisionFindings).where(where),
  ]);
  return { items: items.map(flatten), total: Number(total?.n ?? 0) };
}

export async function selectFindingsOfRecord(db: Db, countyId: string, recordId: string): Promise<FindingRow[]> {
  const rows = await selectFindings(db)
    .where(and(eq(supervisionFindings.countyId, countyId), eq(supervisionFindings.recordId, recordId)))
    .orderBy(asc(supervisionFindings.createdAt), asc(supervisionFindings.id));
  return rows.map(flatten);
}

export async function selectFinding(db: Db, countyId: string, paths: readonly string[], id: string): Promise<FindingRow | undefined> {
  const [row] = await selectFindings(db).where(and(eq(supervisionFindings.countyId, countyId), eq(supervisionFindings.id, id), inSubtrees(supervisionFindings.orgPath, paths)));
  return row ? flatten(row) : undefined;
}

export async function insertFindings(db: Db, rows: (typeof supervisionFindings.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(supervisionFindings).values(rows.slice(i, i + 500));
}

export async function updateFinding(db: Db, countyId: string, id: string, set: Partial<typeof supervisionFindings.$inferInsert>): Promise<void> {
  await db.update(supervisionFindings).set(set).where(and(eq(supervisionFindings.countyId, countyId), eq(supervisionFindings.id, id)));
}

/** The key task a record follows must belong to the same village. */
export async function selectKeyTaskOfVillage(db: Db, countyId: string, villageId: string, id: string) {
  const [row] = await db.select({ id: keyTasks.id }).from(keyTasks).where(and(eq(keyTasks.countyId, countyId), eq(keyTasks.villageId, villageId), eq(keyTasks.id, id)));
  return row;
}
