import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../../shared/contracts/common.js';
import { starHistorySchema, townResultsSchema, villageEvaluationSchema } from '../../../../shared/contracts/evaluation-results.js';
import { ctxOf } from '../../../http/request-context.js';
import { getStarHistory, getTownResults, getVillageEvaluation } from './history.service.js';

const tags = ['evaluation'];
const read = { access: 'campaign:read' } as const;

export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/villages/:villageId/evaluation',
    { config: read, schema: { tags, params: z.strictObject({ id: z.uuid(), villageId: z.uuid() }), response: { 200: villageEvaluationSchema } } },
    async (req) => getVillageEvaluation(ctxOf(req), req.params.id, req.params.villageId),
  );
  app.get('/api/villages/:id/star-history', { config: read, schema: { tags, params: idParamsSchema, response: { 200: starHistorySchema } } }, async (req) =>
    getStarHistory(ctxOf(req), req.params.id),
  );
  app.get('/api/campaigns/:id/town-results', { config: read, schema: { tags, params: idParamsSchema, response: { 200: townResultsSchema } } }, async (req) =>
    getTownResults(ctxOf(req), req.params.id),
  );
};
