import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { onUniqueViolation } from '../../db/errors.js';
import type { ErrorCode } from '../../../shared/errors.js';
import { jobFiles, jobs } from '../../db/schema/jobs.js';

export type JobRow = typeof jobs.$inferSelect;

/** `conflictCode`: thrown when a job of the kind is already queued or running on the subject (jobs_one_active_idx). */
export async function insertJob(db: Db, row: typeof jobs.$inferInsert, conflictCode?: ErrorCode): Promise<void> {
  const insert = db.insert(jobs).values(row);
  await (conflictCode ? onUniqueViolation(Promise.resolve(insert), conflictCode) : insert);
}

export async function updateJob(db: Db, countyId: string, id: string, set: Partial<typeof jobs.$inferInsert>): Promise<void> {
  await db.update(jobs).set(set).where(and(eq(jobs.countyId, countyId), eq(jobs.id, id)));
}

export async function selectJob(db: Db, countyId: string, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(and(eq(jobs.countyId, countyId), eq(jobs.id, id)));
  return row;
}

/** Jobs a stopped process left queued or running, in every county: they will never finish. */
export async function failUnfinishedJobs(db: Db, errorCode: string, at: Date): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', errorCode, updatedAt: at, finishedAt: at })
    .where(inArray(jobs.status, ['queued', 'running']))
    .returning({ id: jobs.id });
  return rows.length;
}

export type JobFileRow = typeof jobFiles.$inferSelect;

export async function insertJobFile(db: Db, row: JobFileRow): Promise<void> {
  await db.insert(jobFiles).values(row);
}

export async function selectJobFile(db: Db, countyId: string, jobId: string): Promise<JobFileRow | undefined> {
  const [row] = await db.select().from(jobFiles).where(and(eq(jobFiles.countyId, countyId), eq(jobFiles.jobId, jobId)));
  return row;
}

/** Files past their time, in every county: nobody may fetch them any more. */
export async function deleteExpiredJobFiles(db: Db, at: Date): Promise<void> {
  await db.delete(jobFiles).where(lte(jobFiles.expiresAt, at));
}
