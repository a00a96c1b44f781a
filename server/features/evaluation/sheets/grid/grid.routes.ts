import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importReportSchema } from '../../../../../shared/contracts/common.js';
import { gridParamsSchema, gridRowParamsSchema, gridRowSaveSchema, gridRowSchema, scoreGridSchema } from '../../../../../shared/contracts/score-grid.js';
import { ctxOf } from '../../../../http/request-context.js';
import { sendJob } from '../../../../http/job-reply.js';
import { prefersAsync } from '../../../jobs/jobs.js';
import { startExportJob, startImportJob } from '../../../jobs/job-files.service.js';
import { findCampaign } from '../../../campaigns/campaigns.service.js';
import { assertXlsx, sendXlsx } from '../../../../http/xlsx.js';
import { getGrid, gridWorkbook, importGrid, saveGridRow } from './grid.service.js';

const tags = ['evaluation'];
// Reading the campaign is the door; who may write which row is the stage's assignment (service).
const read = { access: 'campaign:read' } as const;

export const scoreGridRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/campaigns/:id/grid/:stage', { config: read, schema: { tags, params: gridParamsSchema, response: { 200: scoreGridSchema } } }, async (req) =>
    getGrid(ctxOf(req), req.params.id, req.params.stage),
  );
  app.put(
    '/api/campaigns/:id/grid/:stage/:villageId',
    { config: read, schema: { tags, params: gridRowParamsSchema, body: gridRowSaveSchema, response: { 200: gridRowSchema } } },
    async (req) => saveGridRow(ctxOf(req), req.params.id, req.params.stage, req.params.villageId, req.body),
  );
  // With `Prefer: respond-async`: 202 and the job (a province's grid is 10,000 rows × the
  // indicators); the file at /api/jobs/:id/file.
  app.get('/api/campaigns/:id/grid/:stage/sheet.xlsx', { config: read, schema: { tags, params: gridParamsSchema } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const { id, stage } = req.params;
    if (prefersAsync(req.headers.prefer)) {
      await findCampaign(ctx, id); // a missing or another county's campaign: 404 now, not a failed job
      return sendJob(reply, await startExportJob(app.jobs, ctx, { kind: 'export.score_grid', permission: read.access }, (progress) => gridWorkbook(ctx, id, stage, progress)));
    }
    const { fileName, data } = await gridWorkbook(ctx, id, stage);
    return sendXlsx(reply, fileName, data);
  });
  // With `Prefer: respond-async`: 202 and the job; its result is the import's report, a refused
  // file fails it with the bad cells (as the 422 lists them).
  app.post('/api/campaigns/:id/grid/:stage/sheet.xlsx', { config: read, schema: { tags, params: gridParamsSchema, response: { 200: importReportSchema } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const { id, stage } = req.params;
    const file = assertXlsx(req.body);
    if (!prefersAsync(req.headers.prefer)) return importGrid(ctx, id, stage, file);
    await findCampaign(ctx, id); // a missing or another county's campaign: 404 now, not a failed job
    return sendJob(reply, await startImportJob(app.jobs, ctx, 'import.score_grid', (progress) => importGrid(ctx, id, stage, file, progress)));
  });
};
