import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okSchema, pageOf } from '../../../../shared/contracts/common.js';
import {
  campaignVillageParamsSchema,
  mutualVisitCreateSchema,
  mutualVisitListQuerySchema,
  mutualVisitSchema,
  mutualVisitUpdateSchema,
  visitParamsSchema,
} from '../../../../shared/contracts/evaluation-stages.js';
import { ctxOf } from '../../../http/request-context.js';
import { deleteVisit, getVisit, listVisits, recordVisit, updateVisit } from './visits.service.js';

const tags = ['evaluation-stage-1'];
// Campaign readers reach the routes; the service lets the evaluating team write and the department read.
const read = { access: 'campaign:read' } as const;

export const mutualVisitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/visits',
    { config: read, schema: { tags, params: campaignVillageParamsSchema.pick({ id: true }), querystring: mutualVisitListQuerySchema, response: { 200: pageOf(mutualVisitSchema) } } },
    async (req) => listVisits(ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/campaigns/:id/visits/:visitId',
    { config: read, schema: { tags, params: visitParamsSchema, response: { 200: mutualVisitSchema } } },
    async (req) => getVisit(ctxOf(req), req.params.id, req.params.visitId),
  );
  app.post(
    '/api/campaigns/:id/villages/:villageId/visits',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, body: mutualVisitCreateSchema, response: { 200: mutualVisitSchema } } },
    async (req) => recordVisit(ctxOf(req), req.params.id, req.params.villageId, req.body),
  );
  app.patch(
    '/api/campaigns/:id/visits/:visitId',
    { config: read, schema: { tags, params: visitParamsSchema, body: mutualVisitUpdateSchema, response: { 200: mutualVisitSchema } } },
    async (req) => updateVisit(ctxOf(req), req.params.id, req.params.visitId, req.body),
  );
  app.delete(
    '/api/campaigns/:id/visits/:visitId',
    { config: read, schema: { tags, params: visitParamsSchema, response: { 200: okSchema } } },
    async (req) => {
      await deleteVisit(ctxOf(req), req.params.id, req.params.visitId);
      return { ok: true as const };
    },
  );
};
