import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '../../../../shared/contracts/common.js';
import {
  evidenceListQuerySchema,
  evidenceListSchema,
  evidenceSchema,
  evidenceUploadQuerySchema,
  maxEvidenceBytes,
} from '../../../../shared/contracts/evaluation-results.js';
import { ctxOf } from '../../../http/request-context.js';
import { acceptRawUploads, sendFileDownload } from '../../../http/file-download.js';
import { getEvidenceFile, listEvidence, removeEvidence, uploadEvidence } from './evidence.service.js';

const tags = ['evaluation'];
const read = { access: 'campaign:read' } as const;
const write = { access: 'score:city' } as const;
const villageParams = z.strictObject({ id: z.uuid(), villageId: z.uuid() });

export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this plugin's routes take raw bodies, up to 10 MB (.xlsx too).
  acceptRawUploads(app, maxEvidenceBytes);

  app.get(
    '/api/campaigns/:id/villages/:villageId/evidence',
    { config: read, schema: { tags, params: villageParams, querystring: evidenceListQuerySchema, response: { 200: evidenceListSchema } } },
    async (req) => listEvidence(ctxOf(req), req.params.id, req.params.villageId, req.query.indicatorId),
  );
  app.post(
    '/api/campaigns/:id/villages/:villageId/evidence',
    { config: write, bodyLimit: maxEvidenceBytes, schema: { tags, params: villageParams, querystring: evidenceUploadQuerySchema, response: { 200: evidenceSchema } } },
    async (req) => uploadEvidence(ctxOf(req), req.params.id, req.params.villageId, req.query, req.body),
  );
  app.get('/api/evidence/:id/file', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const file = await getEvidenceFile(ctxOf(req), req.params.id);
    return sendFileDownload(reply, file);
  });
  app.delete('/api/evidence/:id', { config: write, schema: { tags, params: idParamsSchema, response: { 200: okSchema } } }, async (req) => {
    await removeEvidence(ctxOf(req), req.params.id);
    return { ok: true as const };
  });
};
