import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/contracts/common.js';
import { expertCreateSchema, expertListQuerySchema, expertSchema, expertUpdateSchema } from '../../../shared/contracts/training.js';
import { ctxOf } from '../../http/request-context.js';
import { createLocalExpert, getLocalExpert, listLocalExperts, updateLocalExpert } from './experts.service.js';

const tags = ['training'];
const read = { access: 'training:read' } as const;
const write = { access: 'training:write' } as const;
const one = { 200: expertSchema };

export const expertRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/training/experts', { config: read, schema: { tags, querystring: expertListQuerySchema, response: { 200: pageOf(expertSchema) } } }, async (req) =>
    listLocalExperts(ctxOf(req), req.query),
  );
  app.post('/api/training/experts', { config: write, schema: { tags, body: expertCreateSchema, response: one } }, async (req) => createLocalExpert(ctxOf(req), req.body));
  app.get('/api/training/experts/:id', { config: read, schema: { tags, params: idParamsSchema, response: one } }, async (req) => getLocalExpert(ctxOf(req), req.params.id));
  app.patch('/api/training/experts/:id', { config: write, schema: { tags, params: idParamsSchema, body: expertUpdateSchema, response: one } }, async (req) =>
    updateLocalExpert(ctxOf(req), req.params.id, req.body),
  );
};
