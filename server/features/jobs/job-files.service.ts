// Exports and imports as jobs: the same use case the synchronous route calls runs in the job, with
// the caller's context (the same scope and refusals); an export leaves its workbook in job_files
// for the user who started it, for jobFileLifetimeMs; an import's report is the job's result and
// its bad rows the failed job's error details.
import type { Ctx } from '../../context.js';
import { AppError } from '../../../shared/errors.js';
import type { Job, JobFile } from '../../../shared/contracts/jobs.js';
import type { Permission } from '../../../shared/roles.js';
import { hasPermission } from '../auth/principal.js';
import type { JobRunner, ReportProgress } from './job-runner.js';
import { deleteExpiredJobFiles, insertJobFile, selectJob, selectJobFile } from './jobs.queries.js';
import { presentJob } from './jobs.service.js';
import { jobFileLifetimeMs, jobFileUrl } from './jobs.js';

export type ExportFile = { fileName: string; data: Buffer; contentType?: string };

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One job of a kind at a time per user (a second click while the first runs is 409 jobs.busy);
 * two users may export or import at the same time, as they may synchronously.
 */
async function startUserJob(jobs: JobRunner, ctx: Ctx, kind: string, work: (progress: ReportProgress, job: { id: string }) => Promise<unknown>): Promise<Job> {
  const { countyId, userId } = ctx.principal;
  return presentJob(await jobs.start({ countyId, kind, subjectId: userId, startedBy: userId, conflictCode: 'jobs.busy' }, work));
}

/** `permission`: what the synchronous route asks for, asked again when the file is fetched. */
export function startExportJob(jobs: JobRunner, ctx: Ctx, spec: { kind: string; permission: Permission }, work: (progress: ReportProgress) => Promise<ExportFile>): Promise<Job> {
  return startUserJob(jobs, ctx, spec.kind, async (progress, { id }) => {
    const file = await work(progress);
    const at = ctx.now();
    const expiresAt = new Date(at.getTime() + jobFileLifetimeMs);
    await deleteExpiredJobFiles(ctx.db, at);
    await insertJobFile(ctx.db, {
      countyId: ctx.principal.countyId, jobId: id, startedBy: ctx.principal.userId, permission: spec.permission,
      fileName: file.fileName, contentType: file.contentType ?? xlsxMime, data: file.data, createdAt: at, expiresAt,
    });
    const out: JobFile = { name: file.fileName, bytes: file.data.length, url: jobFileUrl(id), expiresAt: expiresAt.toISOString() };
    return { file: out };
  });
}

/** The import's own report is the job's result; a refused file fails the job with its rows. */
export function startImportJob(jobs: JobRunner, ctx: Ctx, kind: string, work: (progress: ReportProgress) => Promise<unknown>): Promise<Job> {
  return startUserJob(jobs, ctx, kind, (progress) => work(progress));
}

/**
 * The file of a finished export: only to whoever started it (anyone else, another county, an
 * unknown id: 404 jobs.not_found, as for a job they may not see), while they still hold the
 * permission the export asked for (403), and until it expires (410 jobs.file_gone).
 */
export async function getJobFile(ctx: Ctx, jobId: string): Promise<ExportFile & { contentType: string }> {
  const { countyId, userId } = ctx.principal;
  const job = await selectJob(ctx.db, countyId, jobId);
  if (!job || job.startedBy !== userId) throw new AppError('jobs.not_found');
  const file = await selectJobFile(ctx.db, countyId, jobId);
  if (!file || file.expiresAt <= ctx.now()) throw new AppError('jobs.file_gone');
  if (!hasPermission(ctx.principal, file.permission as Permission)) throw new AppError('auth.forbidden');
  return { fileName: file.fileName, data: file.data, contentType: file.contentType };
}
