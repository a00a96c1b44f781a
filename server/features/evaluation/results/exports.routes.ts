import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../../shared/contracts/common.js';
import { ctxOf } from '../../../http/request-context.js';
import { sendJob } from '../../../http/job-reply.js';
import { sendXlsx } from '../../../http/xlsx.js';
import { prefersAsync } from '../../jobs/jobs.js';
import { startExportJob } from '../../jobs/job-files.service.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import { exportRankings, exportTownStars } from './exports.service.js';

const tags = ['evaluation'];
const read = { access: 'campaign:read' } as const;

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  // With `Prefer: respond-async`: 202 and the job (at 10,000 villages the workbook takes seconds);
  // the finished job offers the file at /api/jobs/:id/file.
  app.get('/api/campaigns/:id/exports/rankings.xlsx', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const campaignId = req.params.id;
    if (prefersAsync(req.headers.prefer)) {
      await findCampaign(ctx, campaignId); // a missing or another county's campaign: 404 now, not a failed job
      return sendJob(reply, await startExportJob(app.jobs, ctx, { kind: 'export.rankings', permission: read.access }, (progress) => exportRankings(ctx, campaignId, progress)));
    }
    const file = await exportRankings(ctx, campaignId);
    return sendXlsx(reply, file.fileName, file.data);
  });
  app.get('/api/campaigns/:id/exports/town-stars.xlsx', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const file = await exportTownStars(ctxOf(req), req.params.id);
    return sendXlsx(reply, file.fileName, file.data);
  });
};
