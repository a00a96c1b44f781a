import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../../shared/contracts/common.js';
import {
  campaignVillageParamsSchema,
  rectificationCreateSchema,
  rectificationListQuerySchema,
  rectificationParamsSchema,
  rectificationReturnSchema,
  rectificationSubmitSchema,
  rectificationTaskSchema,
  rectificationUpdateSchema,
  rectificationVerifySchema,
} from '../../../../shared/contracts/evaluation-stages.js';
import { ctxOf } from '../../../http/request-context.js';
import { createRectification, getRectification, listRectifications, moveRectification, updateRectificationTask } from './rectification.service.js';

const tags = ['evaluation-stage-2'];
// Reading, setting, verifying and returning: the service decides per village (panel, department, own town).
const read = { access: 'campaign:read' } as const;
// Only the village submits what it did.
const village = { access: 'rectification:submit' } as const;
const one = { 200: rectificationTaskSchema };

export const rectificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/rectifications',
    { config: read, schema: { tags, params: idParamsSchema, querystring: rectificationListQuerySchema, response: { 200: pageOf(rectificationTaskSchema) } } },
    async (req) => listRectifications(ctxOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/campaigns/:id/villages/:villageId/rectifications',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, body: rectificationCreateSchema, response: one } },
    async (req) => createRectification(ctxOf(req), req.params.id, req.params.villageId, req.body),
  );
  app.get('/api/campaigns/:id/rectifications/:taskId', { config: read, schema: { tags, params: rectificationParamsSchema, response: one } }, async (req) =>
    getRectification(ctxOf(req), req.params.id, req.params.taskId),
  );
  app.patch(
    '/api/campaigns/:id/rectifications/:taskId',
    { config: read, schema: { tags, params: rectificationParamsSchema, body: rectificationUpdateSchema, response: one } },
    async (req) => updateRectificationTask(ctxOf(req), req.params.id, req.params.taskId, req.body),
  );
  app.post(
    '/api/campaigns/:id/rectifications/:taskId/submit',
    { config: village, schema: { tags, params: rectificationParamsSchema, body: rectificationSubmitSchema, response: one } },
    async (req) => moveRectification(ctxOf(req), req.params.id, req.params.taskId, { move: 'submit', evidence: req.body.evidence }),
  );
  app.post(
    '/api/campaigns/:id/rectifications/:taskId/verify',
    { config: read, schema: { tags, params: rectificationParamsSchema, body: rectificationVerifySchema, response: one } },
    async (req) => moveRectification(ctxOf(req), req.params.id, req.params.taskId, { move: 'verify', note: req.body.note }),
  );
  app.post(
    '/api/campaigns/:id/rectifications/:taskId/return',
    { config: read, schema: { tags, params: rectificationParamsSchema, body: rectificationReturnSchema, response: one } },
    async (req) => moveRectification(ctxOf(req), req.params.id, req.params.taskId, { move: 'return', reason: req.body.reason }),
  );
};
