import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../../shared/contracts/common.js';
import {
  campaignTownParamsSchema,
  mutualOverviewSchema,
  mutualReportListItemSchema,
  mutualReportSaveSchema,
  mutualReportSchema,
  mutualSummarySchema,
} from '../../../../shared/contracts/evaluation-stages.js';
import { ctxOf } from '../../../http/request-context.js';
import { sendXlsx } from '../../../http/xlsx.js';
import { getMutualReport, listMutualReports, saveMutualReport, submitMutualReport } from './mutual-report.service.js';
import { exportMutualSummary, getMutualOverview, getMutualSummary } from './mutual-report.summary.service.js';

const tags = ['evaluation-stage-1'];
// The team writes its target town's report; the department reads every town's: decided in the service.
const read = { access: 'campaign:read' } as const;

export const mutualReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/campaigns/:id/mutual/villages', { config: read, schema: { tags, params: idParamsSchema, response: { 200: mutualOverviewSchema } } }, async (req) =>
    getMutualOverview(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/campaigns/:id/mutual-reports',
    { config: read, schema: { tags, params: idParamsSchema, response: { 200: z.array(mutualReportListItemSchema) } } },
    async (req) => listMutualReports(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/campaigns/:id/towns/:townId/mutual-report',
    { config: read, schema: { tags, params: campaignTownParamsSchema, response: { 200: mutualReportSchema } } },
    async (req) => getMutualReport(ctxOf(req), req.params.id, req.params.townId),
  );
  app.put(
    '/api/campaigns/:id/towns/:townId/mutual-report',
    { config: read, schema: { tags, params: campaignTownParamsSchema, body: mutualReportSaveSchema, response: { 200: mutualReportSchema } } },
    async (req) => saveMutualReport(ctxOf(req), req.params.id, req.params.townId, req.body),
  );
  app.post(
    '/api/campaigns/:id/towns/:townId/mutual-report/submit',
    { config: read, schema: { tags, params: campaignTownParamsSchema, response: { 200: mutualReportSchema } } },
    async (req) => submitMutualReport(ctxOf(req), req.params.id, req.params.townId),
  );
  app.get(
    '/api/campaigns/:id/towns/:townId/mutual-summary',
    { config: read, schema: { tags, params: campaignTownParamsSchema, response: { 200: mutualSummarySchema } } },
    async (req) => getMutualSummary(ctxOf(req), req.params.id, req.params.townId),
  );
  app.get('/api/campaigns/:id/towns/:townId/mutual-summary.xlsx', { config: read, schema: { tags, params: campaignTownParamsSchema } }, async (req, reply) => {
    const file = await exportMutualSummary(ctxOf(req), req.params.id, req.params.townId);
    return sendXlsx(reply, file.fileName, file.data);
  });
};
