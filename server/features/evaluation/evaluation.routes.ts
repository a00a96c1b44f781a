import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema, scoreInputSchema } from '../../../shared/contracts/common.js';
import {
  campaignResultsQuerySchema,
  campaignResultsSchema,
  evaluationStageSchema,
  overrideSchema,
  panelCreateSchema,
  panelSchema,
  scoreSheetParamsSchema,
  scoreSheetSaveSchema,
  scoreSheetSchema,
  sheetListItemSchema,
  teamSchema,
  teamsSaveSchema,
} from '../../../shared/contracts/campaigns.js';
import { ctxOf } from '../../http/request-context.js';
import { createPanel, listEvaluators, listPanels, listTeams, proposeTeams, removePanel, saveTeams, updatePanel } from './assignments/assignments.service.js';
import { confirmResults, overrideStars, setTownScore } from './results/results.service.js';
import { computeResults } from './results/compute.service.js';
import { listResults } from './results/results-list.service.js';
import { startComputeJob } from './results/compute-job.js';
import { prefersAsync } from '../jobs/jobs.js';
import { sendJob } from '../../http/job-reply.js';
import { getSheet, listSheets, saveSheet } from './sheets/sheets.service.js';

const tags = ['evaluation'];
const read = { access: 'campaign:read' } as const;
const manage = { access: 'campaign:manage' } as const;
const villageParams = z.strictObject({ id: z.uuid(), villageId: z.uuid() });

const evaluatorSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.object({ role: z.string(), orgUnitId: z.uuid(), orgUnitName: z.string() })),
});

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/evaluators',
    { config: manage, schema: { tags, response: { 200: z.object({ items: z.array(evaluatorSchema), total: z.number().int() }) } } },
    async (req) => listEvaluators(ctxOf(req)),
  );
  app.get('/api/campaigns/:id/teams', { config: read, schema: { tags, params: idParamsSchema, response: { 200: z.array(teamSchema) } } }, async (req) =>
    listTeams(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/campaigns/:id/teams/propose',
    { config: manage, schema: { tags, params: idParamsSchema, response: { 200: z.array(z.object({ evaluatorTownId: z.uuid(), targetTownId: z.uuid() })) } } },
    async (req) => proposeTeams(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/campaigns/:id/teams',
    { config: manage, schema: { tags, params: idParamsSchema, body: teamsSaveSchema, response: { 200: z.array(teamSchema) } } },
    async (req) => saveTeams(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/campaigns/:id/panels', { config: read, schema: { tags, params: idParamsSchema, response: { 200: z.array(panelSchema) } } }, async (req) =>
    listPanels(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/campaigns/:id/panels',
    { config: manage, schema: { tags, params: idParamsSchema, body: panelCreateSchema, response: { 200: panelSchema } } },
    async (req) => createPanel(ctxOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/campaigns/:id/panels/:panelId',
    { config: manage, schema: { tags, params: z.strictObject({ id: z.uuid(), panelId: z.uuid() }), body: panelCreateSchema, response: { 200: panelSchema } } },
    async (req) => updatePanel(ctxOf(req), req.params.id, req.params.panelId, req.body),
  );
  app.delete(
    '/api/campaigns/:id/panels/:panelId',
    { config: manage, schema: { tags, params: z.strictObject({ id: z.uuid(), panelId: z.uuid() }), response: { 200: okSchema } } },
    async (req) => {
      await removePanel(ctxOf(req), req.params.id, req.params.panelId);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/campaigns/:id/sheets/:stage',
    { config: read, schema: { tags, params: z.strictObject({ id: z.uuid(), stage: evaluationStageSchema }), response: { 200: z.array(sheetListItemSchema) } } },
    async (req) => listSheets(ctxOf(req), req.params.id, req.params.stage),
  );
  app.get(
    '/api/campaigns/:id/sheets/:stage/:villageId',
    { config: read, schema: { tags, params: scoreSheetParamsSchema, response: { 200: scoreSheetSchema } } },
    async (req) => getSheet(ctxOf(req), req.params.id, req.params.stage, req.params.villageId),
  );
  app.put(
    '/api/campaigns/:id/sheets/:stage/:villageId',
    { config: read, schema: { tags, params: scoreSheetParamsSchema, body: scoreSheetSaveSchema, response: { 200: scoreSheetSchema } } },
    async (req) => saveSheet(ctxOf(req), req.params.id, req.params.stage, req.params.villageId, req.body.scores),
  );
  app.get(
    '/api/campaigns/:id/results',
    { config: read, schema: { tags, params: idParamsSchema, querystring: campaignResultsQuerySchema, response: { 200: campaignResultsSchema } } },
    async (req) => listResults(ctxOf(req), req.params.id, req.query),
  );
  // With `Prefer: respond-async` the compute runs as a job: 202 with the job, polled at /api/jobs/:id.
  app.post('/api/campaigns/:id/results/compute', { config: manage, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    if (!prefersAsync(req.headers.prefer)) return computeResults(ctxOf(req), req.params.id);
    return sendJob(reply, await startComputeJob(app.jobs, ctxOf(req), req.params.id));
  });
  app.post(
    '/api/campaigns/:id/results/confirm',
    { config: { ...manage, reauth: true }, schema: { tags, params: idParamsSchema, response: { 200: z.object({ confirmed: z.number().int() }) } } },
    async (req) => confirmResults(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/campaigns/:id/towns/:townId/score',
    {
      config: manage,
      schema: { tags, params: z.strictObject({ id: z.uuid(), townId: z.uuid() }), body: z.strictObject({ score: scoreInputSchema }), response: { 200: okSchema } },
    },
    async (req) => {
      await setTownScore(ctxOf(req), req.params.id, req.params.townId, req.body.score);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/campaigns/:id/results/:villageId/override',
    { config: { ...manage, reauth: true }, schema: { tags, params: villageParams, body: overrideSchema, response: { 200: okSchema } } },
    async (req) => {
      await overrideStars(ctxOf(req), req.params.id, req.params.villageId, req.body.stars, req.body.reason);
      return { ok: true as const };
    },
  );
};
