import type { Ctx } from '../../context.js';
import { AppError, messageFor } from '../../../shared/errors.js';
import type { Job } from '../../../shared/contracts/jobs.js';
import { hasPermission } from '../auth/principal.js';
import type { JobRunner, JobView } from './job-runner.js';

export function presentJob(j: JobView): Job {
  return {
    id: j.id,
    kind: j.kind,
    subjectId: j.subjectId,
    status: j.status,
    step: j.step,
    done: j.done,
    total: j.total,
    // A failed job keeps its refusal's details where a done one keeps its answer.
    result: j.status === 'failed' ? null : (j.result ?? null),
    error: j.errorCode ? { code: j.errorCode, message: messageFor(j.errorCode), ...(j.result != null ? { details: j.result } : {}) } : null,
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
  };
}

/** Who started it, or whoever may manage campaigns (the only jobs so far); else 404, as for another county's. */
export async function getJob(jobs: JobRunner, ctx: Ctx, id: string): Promise<Job> {
  const job = await jobs.find(ctx.principal.countyId, id);
  if (!job || (job.startedBy !== ctx.principal.userId && !hasPermission(ctx.principal, 'campaign:manage'))) throw new AppError('jobs.not_found');
  return presentJob(job);
}
