import { and, asc, count, desc, eq, ilike, inArray, isNotNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits, people } from '../../db/schema/core.js';
import { problems } from '../../db/schema/fieldwork.js';
import { containsText, inSubtrees, keyJoin } from '../../db/scope.js';

const town = alias(orgUnits, 'town');

export type ProblemRow = typeof problems.$inferSelect & { villageName: string; townName: string | null; assigneeName: string | null };

const selectProblems = (db: Db) =>
  db
    .select({ p: problems, villageName: orgUnits.name, townName: town.name, assigneeName: people.name })
    .from(problems)
    .innerJoin(orgUnits, keyJoin(orgUnits, problems.countyId, problems.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId))
    .leftJoin(people, keyJoin(people, problems.countyId, problems.assigneeId));

const flatten = (r: { p: typeof problems.$inferSelect; villageName: string; townName: string | null; assigneeName: string | null }): ProblemRow => ({
  ...r.p,
  villageName: r.villageName,
  townName: r.townName,
  assigneeName: r.assigneeName,
});

export type ProblemFilter = {
  year?: number;
  underPath?: string;
  status?: string;
  category?: string;
  source?: string;
  overdueOn?: string;
  claimedBy?: string;
  q?: string;
};

const closed = ['resolved', 'confirmed'] as const;

function filters(countyId: string, paths: readonly string[], f: ProblemFilter): SQL | undefined {
  return and(
    eq(problems.countyId, countyId),
    inSubtrees(problems.orgPath, paths),
    f.year ? eq(problems.year, f.year) : undefined,
    f.underPath ? inSubtrees(problems.orgPath, [f.underPath]) : undefined,
    f.status ? eq(problems.status, f.status as ProblemRow['status']) : undefined,
    f.category ? eq(problems.category, f.category) : undefined,
    f.source ? eq(problems.source, f.source) : undefined,
    f.overdueOn ? and(isNotNull(problems.dueDate), lt(problems.dueDate, f.overdueOn), notInArray(problems.status, [...closed])) : undefined,
    f.claimedBy ? eq(problems.claimedBy, f.claimedBy) : undefined,
    f.q ? or(ilike(problems.title, containsText(f.q)), ilike(problems.household, containsText(f.q))) : undefined,
  );
}

export async function listProblems(db: Db, countyId: string, paths: readonly string[], f: ProblemFilter, page: { page: number; pageSize: number }) {
  const where = filters(countyId, paths, f);
  const [items, [total]] = await Promise.all([
    selectProblems(db)
      .where(where)
      .orderBy(desc(problems.reportedDate), asc(orgUnits.code), asc(problems.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(problems).where(where),
  ]);
  return { items: items.map(flatten), total: Number(total?.n ?? 0) };
}

export async function selectProblemsForExport(db: Db, countyId: string, paths: readonly string[], f: ProblemFilter, limit: number) {
  const rows = await selectProblems(db).where(filters(countyId, paths, f)).orderBy(asc(orgUnits.code), asc(problems.reportedDate), asc(problems.id)).limit(limit);
  return rows.map(flatten);
}

export async function selectProblem(db: Db, countyId: string, paths: readonly string[], id: string): Promise<ProblemRow | undefined> {
  const [row] = await selectProblems(db).where(and(eq(problems.countyId, countyId), eq(problems.id, id), inSubtrees(problems.orgPath, paths)));
  return row ? flatten(row) : undefined;
}

export async function selectProblemByToken(db: Db, tokenHash: string): Promise<ProblemRow | undefined> {
  const [row] = await selectProblems(db).where(eq(problems.confirmTokenHash, tokenHash));
  return row ? flatten(row) : undefined;
}

export async function insertProblems(db: Db, rows: (typeof problems.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(problems).values(rows.slice(i, i + 500));
}

export async function updateProblem(db: Db, countyId: string, id: string, set: Partial<typeof problems.$inferInsert>): Promise<void> {
  await db.update(problems).set(set).where(and(eq(problems.countyId, countyId), eq(problems.id, id)));
}

/**
 * Touches the problem only while it is still in `fromStatus`: 0 when a move committed first. Under
 * the row lock this orders a file change against a racing 销号.
 */
export async function touchProblem(db: Db, countyId: string, id: string, fromStatus: ProblemRow['status'], at: Date): Promise<number> {
  const rows = await db
    .update(problems)
    .set({ updatedAt: at })
    .where(and(eq(problems.countyId, countyId), eq(problems.id, id), eq(problems.status, fromStatus)))
    .returning({ id: problems.id });
  return rows.length;
}

/** A person of the village (the cadre a claim names). */
export async function selectVillagePerson(db: Db, countyId: string, personId: string, villagePath: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.countyId, countyId), eq(people.id, personId), inSubtrees(people.orgPath, [villagePath])));
  return row;
}

/** Villages (by code) the caller may write, for imports. */
export function selectVillagesByCode(db: Db, countyId: string, paths: readonly string[], codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select({ id: orgUnits.id, code: orgUnits.code, path: orgUnits.path, level: orgUnits.level })
    .from(orgUnits)
    .where(and(eq(orgUnits.countyId, countyId), inArray(orgUnits.code, codes), inSubtrees(orgUnits.path, paths)));
}
