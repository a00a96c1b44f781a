import { and, asc, count, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { orgUnits, users } from '../../../db/schema/core.js';
import { rectificationTasks } from '../../../db/schema/evaluation-stages.js';
import { inSubtrees, keyJoin } from '../../../db/scope.js';
import type { RectificationStatus } from '../../../../shared/contracts/evaluation-stages.js';

const town = alias(orgUnits, 'town');
const creator = alias(users, 'creator');
const submitter = alias(users, 'submitter');
const verifier = alias(users, 'verifier');

const selectTasks = (db: Db) =>
  db
    .select({
      id: rectificationTasks.id,
      campaignId: rectificationTasks.campaignId,
      villageId: rectificationTasks.villageId,
      villageName: orgUnits.name,
      townName: sql<string>`coalesce(${town.name}, '')`,
      orgPath: rectificationTasks.orgPath,
      title: rectificationTasks.title,
      requirement: rectificationTasks.requirement,
      ownerText: rectificationTasks.ownerText,
      deadline: rectificationTasks.deadline,
      status: rectificationTasks.status,
      evidence: rectificationTasks.evidence,
      submittedBy: submitter.displayName,
      submittedAt: rectificationTasks.submittedAt,
      verifiedBy: verifier.displayName,
      verifiedAt: rectificationTasks.verifiedAt,
      verifyNote: rectificationTasks.verifyNote,
      returnReason: rectificationTasks.returnReason,
      createdBy: creator.displayName,
      createdAt: rectificationTasks.createdAt,
    })
    .from(rectificationTasks)
    .innerJoin(orgUnits, keyJoin(orgUnits, rectificationTasks.countyId, rectificationTasks.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId))
    .innerJoin(creator, keyJoin(creator, rectificationTasks.countyId, rectificationTasks.createdBy))
    .leftJoin(submitter, keyJoin(submitter, rectificationTasks.countyId, rectificationTasks.submittedBy))
    .leftJoin(verifier, keyJoin(verifier, rectificationTasks.countyId, rectificationTasks.verifiedBy));

export type RectificationRow = NonNullable<Awaited<ReturnType<typeof selectRectification>>>;

/** Which tasks a caller sees: villages under some paths, plus single villages (a judge's panel). */
export type TaskVisibility = { paths: readonly string[]; villageIds: readonly string[] };

function visible(v: TaskVisibility): SQL {
  const byVillage = v.villageIds.length ? inArray(rectificationTasks.villageId, [...v.villageIds]) : sql`false`;
  return or(inSubtrees(rectificationTasks.orgPath, v.paths), byVillage) as SQL;
}

export type TaskFilter = { villageId?: string; status?: RectificationStatus; overdueOn?: { today: string; overdue: boolean } };

function filters(countyId: string, campaignId: string, v: TaskVisibility, f: TaskFilter): SQL | undefined {
  const waiting = inArray(rectificationTasks.status, ['open', 'returned']);
  const late = and(waiting, lt(rectificationTasks.deadline, f.overdueOn?.today ?? ''));
  return and(
    eq(rectificationTasks.countyId, countyId),
    eq(rectificationTasks.campaignId, campaignId),
    visible(v),
    f.villageId ? eq(rectificationTasks.villageId, f.villageId) : undefined,
    f.status ? eq(rectificationTasks.status, f.status) : undefined,
    f.overdueOn ? (f.overdueOn.overdue ? late : sql`NOT (${late})`) : undefined,
  );
}

export async function listRectifications(db: Db, countyId: string, campaignId: string, v: TaskVisibility, f: TaskFilter, page: { page: number; pageSize: number }) {
  const where = filters(countyId, campaignId, v, f);
  const [items, [total]] = await Promise.all([
    selectTasks(db)
      .where(where)
      .orderBy(asc(rectificationTasks.deadline), asc(orgUnits.name), asc(rectificationTasks.createdAt), asc(rectificationTasks.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(rectificationTasks).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function selectRectification(db: Db, countyId: string, campaignId: string, id: string) {
  const [row] = await selectTasks(db).where(and(eq(rectificationTasks.countyId, countyId), eq(rectificationTasks.campaignId, campaignId), eq(rectificationTasks.id, id)));
  return row;
}

/** Titles and deadlines of a village's tasks, for the public notice (no people). */
export function selectVillageTaskTitles(db: Db, countyId: string, campaignId: string, villageId: string) {
  return db
    .select({ title: rectificationTasks.title, deadline: rectificationTasks.deadline })
    .from(rectificationTasks)
    .where(and(eq(rectificationTasks.countyId, countyId), eq(rectificationTasks.campaignId, campaignId), eq(rectificationTasks.villageId, villageId)))
    .orderBy(asc(rectificationTasks.deadline), asc(rectificationTasks.createdAt));
}

export async function insertRectification(db: Db, row: typeof rectificationTasks.$inferInsert) {
  await db.insert(rectificationTasks).values(row);
}

/** Updates only while the task is still in `fromStatus`: a concurrent move cannot be overwritten. */
export async function updateRectification(db: Db, countyId: string, id: string, fromStatus: RectificationStatus, set: Partial<typeof rectificationTasks.$inferInsert>) {
  const rows = await db
    .update(rectificationTasks)
    .set(set)
    .where(and(eq(rectificationTasks.countyId, countyId), eq(rectificationTasks.id, id), eq(rectificationTasks.status, fromStatus)))
    .returning({ id: rectificationTasks.id });
  return rows.length;
}
