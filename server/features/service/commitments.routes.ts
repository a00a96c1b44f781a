import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/contracts/common.js';
import {
  commitmentCreateSchema,
  commitmentDetailSchema,
  commitmentListQuerySchema,
  commitmentNoteSchema,
  commitmentPublishAllSchema,
  commitmentReasonSchema,
  commitmentSchema,
  commitmentSettleSchema,
  commitmentUpdateSchema,
} from '../../../shared/contracts/fieldwork-service.js';
import { ctxOf } from '../../http/request-context.js';
import {
  createCommitment,
  getCommitment,
  listVillageCommitments,
  moveCommitment,
  noteCommitmentProgress,
  publishVillageYear,
  updateCommitmentDetails,
} from './commitments.service.js';

const tags = ['service'];
const read = { access: 'fieldwork:read' } as const;
const write = { access: 'service:write' } as const;
const approve = { access: 'service:approve' } as const;
const one = { 200: commitmentSchema };
const empty = z.strictObject({});
const params = idParamsSchema;

export const commitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/commitments',
    { config: read, schema: { tags, querystring: commitmentListQuerySchema, response: { 200: pageOf(commitmentSchema) } } },
    async (req) => listVillageCommitments(ctxOf(req), req.query),
  );
  app.get('/api/commitments/:id', { config: read, schema: { tags, params, response: { 200: commitmentDetailSchema } } }, async (req) =>
    getCommitment(ctxOf(req), req.params.id),
  );
  app.post('/api/commitments', { config: write, schema: { tags, body: commitmentCreateSchema, response: one } }, async (req) =>
    createCommitment(ctxOf(req), req.body),
  );
  app.patch('/api/commitments/:id', { config: write, schema: { tags, params, body: commitmentUpdateSchema, response: one } }, async (req) =>
    updateCommitmentDetails(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/commitments/:id/submit', { config: write, schema: { tags, params, body: empty, response: one } }, async (req) =>
    moveCommitment(ctxOf(req), req.params.id, 'submit'),
  );
  app.post('/api/commitments/:id/approve', { config: approve, schema: { tags, params, body: empty, response: one } }, async (req) =>
    moveCommitment(ctxOf(req), req.params.id, 'approve'),
  );
  app.post('/api/commitments/:id/return', { config: approve, schema: { tags, params, body: commitmentReasonSchema, response: one } }, async (req) =>
    moveCommitment(ctxOf(req), req.params.id, 'return', { reason: req.body.reason }),
  );
  app.post('/api/commitments/:id/start', { config: write, schema: { tags, params, body: empty, response: one } }, async (req) =>
    moveCommitment(ctxOf(req), req.params.id, 'start'),
  );
  app.post('/api/commitments/:id/progress', { config: write, schema: { tags, params, body: commitmentNoteSchema, response: one } }, async (req) =>
    noteCommitmentProgress(ctxOf(req), req.params.id, req.body.note),
  );
  app.post('/api/commitments/:id/settle', { config: write, schema: { tags, params, body: commitmentSettleSchema, response: one } }, async (req) =>
    moveCommitment(ctxOf(req), req.params.id, 'settle', { settle: req.body }),
  );
  app.post('/api/commitments/:id/publish', { config: write, schema: { tags, params, body: empty, response: one } }, async (req) =>
    moveCommitment(ctxOf(req), req.params.id, 'publish'),
  );
  app.post(
    '/api/commitments/publish-all',
    { config: write, schema: { tags, body: commitmentPublishAllSchema, response: { 200: z.object({ published: z.number().int() }) } } },
    async (req) => publishVillageYear(ctxOf(req), req.body.villageId, req.body.year),
  );
};
