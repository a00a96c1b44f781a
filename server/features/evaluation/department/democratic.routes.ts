import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignVillageParamsSchema, democraticVotesSaveSchema, villageDemocraticSchema } from '../../../../shared/contracts/evaluation-stages.js';
import { ctxOf } from '../../../http/request-context.js';
import { getDemocratic, saveDemocratic } from './democratic.service.js';

const tags = ['evaluation-stage-2'];
// The village's panel writes, the department reads: decided per village in the service.
const read = { access: 'campaign:read' } as const;

export const democraticRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/villages/:villageId/democratic',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, response: { 200: villageDemocraticSchema } } },
    async (req) => getDemocratic(ctxOf(req), req.params.id, req.params.villageId),
  );
  app.put(
    '/api/campaigns/:id/villages/:villageId/democratic',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, body: democraticVotesSaveSchema, response: { 200: villageDemocraticSchema } } },
    async (req) => saveDemocratic(ctxOf(req), req.params.id, req.params.villageId, req.body),
  );
};
