import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits, people } from '../../db/schema/core.js';
import { keyTasks } from '../../db/schema/fieldwork.js';
import { inSubtrees, keyJoin } from '../../db/scope.js';
import { town } from './pairing.queries.js';

export type KeyTaskRow = typeof keyTasks.$inferSelect & { villageName: string; townName: string | null; ownerName: string | null };

const selectTasks = (db: Db) =>
  db
    .select({ task: keyTasks, villageName: orgUnits.name, townName: town.name, ownerName: people.name })
    .from(keyTasks)
    .innerJoin(orgUnits, keyJoin(orgUnits, keyTasks.countyId, keyTasks.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId))
    .leftJoin(people, keyJoin(people, keyTasks.countyId, keyTasks.ownerId));

const flatten = (r: { task: typeof keyTasks.$inferSelect; villageName: string; townName: string | null; ownerName: string | null }): KeyTaskRow => ({
  ...r.task,
  villageName: r.villageName,
  townName: r.townName,
  ownerName: r.ownerName,
});

export type KeyTaskFilter = { year?: number; underPath?: string; category?: string; status?: string };

function taskFilters(countyId: string, paths: readonly string[], f: KeyTaskFilter): SQL | undefined {
  return and(
    eq(keyTasks.countyId, countyId),
    inSubtrees(keyTasks.orgPath, paths),
    f.year ? eq(keyTasks.year, f.year) : undefined,
    f.underPath ? inSubtrees(keyTasks.orgPath, [f.underPath]) : undefined,
    f.category ? eq(keyTasks.category, f.category) : undefined,
    f.status ? eq(keyTasks.status, f.status as KeyTaskRow['status']) : undefined,
  );
}

export async function listKeyTasks(db: Db, countyId: string, paths: readonly string[], f: KeyTaskFilter, page: { page: number; pageSize: number }) {
  const where = taskFilters(countyId, paths, f);
  const [items, [total]] = await Promise.all([
    selectTasks(db)
      .where(where)
      .orderBy(asc(orgUnits.code), asc(keyTasks.category), asc(keyTasks.title), asc(keyTasks.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(keyTasks).where(where),
  ]);
  return { items: items.map(flatten), total: Number(total?.n ?? 0) };
}

export async function selectKeyTask(db: Db, countyId: string, paths: readonly string[], id: string): Promise<KeyTaskRow | undefined> {
  const [row] = await selectTasks(db).where(and(eq(keyTasks.countyId, countyId), eq(keyTasks.id, id), inSubtrees(keyTasks.orgPath, paths)));
  return row ? flatten(row) : undefined;
}

export async function insertKeyTasks(db: Db, rows: (typeof keyTasks.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(keyTasks).values(rows.slice(i, i + 500));
}

export async function updateKeyTask(db: Db, countyId: string, id: string, set: Partial<typeof keyTasks.$inferInsert>): Promise<void> {
  await db.update(keyTasks).set(set).where(and(eq(keyTasks.countyId, countyId), eq(keyTasks.id, id)));
}
