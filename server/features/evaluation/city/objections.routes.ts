import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../../shared/contracts/common.js';
import {
  objectionAnswerSchema,
  objectionDetailSchema,
  objectionHandleSchema,
  objectionListQuerySchema,
  objectionSchema,
} from '../../../../shared/contracts/evaluation-results.js';
import { ctxOf } from '../../../http/request-context.js';
import { answerObjection, getObjection, handleObjection, listObjections } from './objections.service.js';

const tags = ['evaluation'];
const manage = { access: 'campaign:manage' } as const;
const campaignParams = z.strictObject({ id: z.uuid() });
const objectionParams = z.strictObject({ id: z.uuid(), objectionId: z.uuid() });

export const objectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/objections',
    { config: manage, schema: { tags, params: campaignParams, querystring: objectionListQuerySchema, response: { 200: pageOf(objectionSchema) } } },
    async (req) => listObjections(ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/campaigns/:id/objections/:objectionId',
    { config: manage, schema: { tags, params: objectionParams, response: { 200: objectionDetailSchema } } },
    async (req) => getObjection(ctxOf(req), req.params.id, req.params.objectionId),
  );
  app.post(
    '/api/campaigns/:id/objections/:objectionId/handle',
    { config: manage, schema: { tags, params: objectionParams, body: objectionHandleSchema, response: { 200: objectionSchema } } },
    async (req) => handleObjection(ctxOf(req), req.params.id, req.params.objectionId, req.body),
  );
  app.post(
    '/api/campaigns/:id/objections/:objectionId/answer',
    { config: manage, schema: { tags, params: objectionParams, body: objectionAnswerSchema, response: { 200: objectionSchema } } },
    async (req) => answerObjection(ctxOf(req), req.params.id, req.params.objectionId, req.body.answer),
  );
};
