// 生成定星建议 as a background job: what the web's button starts, since at province size the
// compute takes seconds to minutes. The job runs computeResults itself, so it does and refuses
// exactly what the synchronous route does (a campaign not in city assessment fails the job
// with results.not_editable).
import type { Ctx } from '../../../context.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import { presentJob } from '../../jobs/jobs.service.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import { computeResults } from './compute.service.js';

export const computeJobKind = 'results.compute';

export async function startComputeJob(jobs: JobRunner, ctx: Ctx, campaignId: string) {
  await findCampaign(ctx, campaignId); // another county's or a missing campaign: 404 now, not a failed job
  const job = await jobs.start(
    { countyId: ctx.principal.countyId, kind: computeJobKind, subjectId: campaignId, startedBy: ctx.principal.userId, conflictCode: 'jobs.already_running' },
    (progress) => computeResults(ctx, campaignId, progress),
  );
  return presentJob(job);
}
