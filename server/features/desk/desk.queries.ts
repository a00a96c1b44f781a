// Counts of work waiting, each within the caller's subtrees: the only SQL of the 待办 list.
import { and, count, eq, inArray, lt, min, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inSubtrees } from '../../db/scope.js';
import { campaigns } from '../../db/schema/evaluation.js';
import { commitments, problems } from '../../db/schema/fieldwork.js';
import { rectificationTasks } from '../../db/schema/evaluation-stages.js';
import { resultObjections, violationRecords } from '../../db/schema/evaluation-city.js';

export type Waiting = { count: number; overdue: number; earliest: string | null };

const none: Waiting = { count: 0, overdue: 0, earliest: null };

/** Campaigns still running (not draft, not final), newest first. */
export function selectRunningCampaigns(db: Db, countyId: string) {
  return db
    .select({ id: campaigns.id, name: campaigns.name, status: campaigns.status, windows: campaigns.windows })
    .from(campaigns)
    .where(and(eq(campaigns.countyId, countyId), ne(campaigns.status, 'draft'), ne(campaigns.status, 'final')));
}

export async function countProblems(db: Db, countyId: string, paths: readonly string[], status: 'open' | 'resolved', today: string): Promise<Waiting> {
  const where = and(eq(problems.countyId, countyId), inSubtrees(problems.orgPath, paths), eq(problems.status, status));
  const [all] = await db.select({ n: count(), earliest: min(problems.dueDate) }).from(problems).where(where);
  const [late] = await db.select({ n: count() }).from(problems).where(and(where, lt(problems.dueDate, today)));
  return all ? { count: Number(all.n), overdue: Number(late?.n ?? 0), earliest: all.earliest ?? null } : none;
}

export async function countCommitments(db: Db, countyId: string, paths: readonly string[], status: 'submitted'): Promise<Waiting> {
  const [row] = await db
    .select({ n: count() })
    .from(commitments)
    .where(and(eq(commitments.countyId, countyId), inSubtrees(commitments.orgPath, paths), eq(commitments.status, status)));
  return { ...none, count: Number(row?.n ?? 0) };
}

/** Rectification tasks in a state, either within subtrees or for a set of villages (a panel's). */
export async function countRectifications(
  db: Db,
  countyId: string,
  where: { paths: readonly string[] } | { villageIds: readonly string[] },
  statuses: ('open' | 'submitted' | 'returned')[],
  today: string,
): Promise<Waiting> {
  if ('villageIds' in where && where.villageIds.length === 0) return none;
  const place = 'paths' in where ? inSubtrees(rectificationTasks.orgPath, where.paths) : inArray(rectificationTasks.villageId, [...where.villageIds]);
  const cond = and(eq(rectificationTasks.countyId, countyId), place, inArray(rectificationTasks.status, statuses));
  const [all] = await db.select({ n: count(), earliest: min(rectificationTasks.deadline) }).from(rectificationTasks).where(cond);
  const [late] = await db.select({ n: count() }).from(rectificationTasks).where(and(cond, lt(rectificationTasks.deadline, today)));
  return { count: Number(all?.n ?? 0), overdue: Number(late?.n ?? 0), earliest: all?.earliest ?? null };
}

export async function countObjections(db: Db, countyId: string, paths: readonly string[]): Promise<Waiting> {
  const [row] = await db
    .select({ n: count() })
    .from(resultObjections)
    .where(and(eq(resultObjections.countyId, countyId), inSubtrees(resultObjections.orgPath, paths), ne(resultObjections.status, 'answered')));
  return { ...none, count: Number(row?.n ?? 0) };
}

export async function countViolations(db: Db, countyId: string, paths: readonly string[]): Promise<Waiting> {
  const [row] = await db
    .select({ n: count() })
    .from(violationRecords)
    .where(and(eq(violationRecords.countyId, countyId), inSubtrees(violationRecords.orgPath, paths), eq(violationRecords.status, 'reported')));
  return { ...none, count: Number(row?.n ?? 0) };
}
