import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/contracts/common.js';
import {
  keyTaskCreateSchema,
  keyTaskListQuerySchema,
  keyTaskSchema,
  keyTaskTransitionSchema,
  keyTaskUpdateSchema,
} from '../../../shared/contracts/fieldwork-pairing.js';
import { ctxOf } from '../../http/request-context.js';
import { createTask, getTask, listTasks, moveTask, updateTask } from './key-tasks.service.js';

const tags = ['pairing'];
const read = { access: 'fieldwork:read' } as const;
const write = { access: 'keytask:write' } as const;
const one = { 200: keyTaskSchema };

export const keyTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/key-tasks',
    { config: read, schema: { tags, querystring: keyTaskListQuerySchema, response: { 200: pageOf(keyTaskSchema) } } },
    async (req) => listTasks(ctxOf(req), req.query),
  );
  app.get('/api/key-tasks/:id', { config: read, schema: { tags, params: idParamsSchema, response: one } }, async (req) =>
    getTask(ctxOf(req), req.params.id),
  );
  app.post('/api/key-tasks', { config: write, schema: { tags, body: keyTaskCreateSchema, response: one } }, async (req) =>
    createTask(ctxOf(req), req.body),
  );
  app.patch(
    '/api/key-tasks/:id',
    { config: write, schema: { tags, params: idParamsSchema, body: keyTaskUpdateSchema, response: one } },
    async (req) => updateTask(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/key-tasks/:id/transition',
    { config: write, schema: { tags, params: idParamsSchema, body: keyTaskTransitionSchema, response: one } },
    async (req) => moveTask(ctxOf(req), req.params.id, req.body.action, req.body.note),
  );
};
