import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '../../../shared/contracts/common.js';
import { maxEvidenceBytes } from '../../../shared/contracts/evaluation-results.js';
import {
  selfEvaluationFileQuerySchema,
  selfEvaluationFileSchema,
  selfEvaluationListQuerySchema,
  selfEvaluationListSchema,
  selfEvaluationReasonSchema,
  selfEvaluationSaveSchema,
  selfEvaluationSchema,
} from '../../../shared/contracts/self-evaluation.js';
import { ctxOf } from '../../http/request-context.js';
import { acceptRawUploads, sendFileDownload } from '../../http/file-download.js';
import {
  getSelfEvaluation,
  getSelfEvaluationFile,
  listSelfEvaluations,
  moveSelfEvaluation,
  removeSelfEvaluationFile,
  saveSelfEvaluation,
  uploadSelfEvaluationFile,
} from './self-evaluation.service.js';

const tags = ['self-evaluation'];
const read = { access: 'campaign:read' } as const;
// Each step declares the one permission that may take it; the service checks the village is in its subtree.
const submit = { access: 'selfeval:submit' } as const;
const review = { access: 'selfeval:review' } as const;
const unapprove = { access: 'selfeval:unapprove' } as const;
const params = z.strictObject({ id: z.uuid(), villageId: z.uuid() });
const one = { 200: selfEvaluationSchema };
const empty = z.strictObject({});

export const selfEvaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptRawUploads(app, maxEvidenceBytes);

  const base = '/api/campaigns/:id/villages/:villageId/self-evaluation';
  app.get('/api/campaigns/:id/self-evaluations', { config: read, schema: { tags, params: idParamsSchema, querystring: selfEvaluationListQuerySchema, response: { 200: selfEvaluationListSchema } } }, async (req) =>
    listSelfEvaluations(ctxOf(req), req.params.id, req.query),
  );
  app.get(base, { config: read, schema: { tags, params, response: one } }, async (req) => getSelfEvaluation(ctxOf(req), req.params.id, req.params.villageId));
  app.put(base, { config: submit, schema: { tags, params, body: selfEvaluationSaveSchema, response: one } }, async (req) =>
    saveSelfEvaluation(ctxOf(req), req.params.id, req.params.villageId, req.body),
  );
  app.post(`${base}/submit`, { config: submit, schema: { tags, params, body: empty, response: one } }, async (req) =>
    moveSelfEvaluation(ctxOf(req), req.params.id, req.params.villageId, 'submit'),
  );
  app.post(`${base}/approve`, { config: review, schema: { tags, params, body: empty, response: one } }, async (req) =>
    moveSelfEvaluation(ctxOf(req), req.params.id, req.params.villageId, 'approve'),
  );
  app.post(`${base}/return`, { config: review, schema: { tags, params, body: selfEvaluationReasonSchema, response: one } }, async (req) =>
    moveSelfEvaluation(ctxOf(req), req.params.id, req.params.villageId, 'return', req.body.reason),
  );
  app.post(`${base}/unapprove`, { config: unapprove, schema: { tags, params, body: selfEvaluationReasonSchema, response: one } }, async (req) =>
    moveSelfEvaluation(ctxOf(req), req.params.id, req.params.villageId, 'unapprove', req.body.reason),
  );
  app.post(`${base}/files`, { config: submit, bodyLimit: maxEvidenceBytes, schema: { tags, params, querystring: selfEvaluationFileQuerySchema, response: { 200: selfEvaluationFileSchema } } }, async (req) =>
    uploadSelfEvaluationFile(ctxOf(req), req.params.id, req.params.villageId, req.query, req.body),
  );
  app.get('/api/self-evaluation-files/:id/file', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const file = await getSelfEvaluationFile(ctxOf(req), req.params.id);
    return sendFileDownload(reply, file);
  });
  app.delete('/api/self-evaluation-files/:id', { config: submit, schema: { tags, params: idParamsSchema, response: { 200: okSchema } } }, async (req) => {
    await removeSelfEvaluationFile(ctxOf(req), req.params.id);
    return { ok: true as const };
  });
};
