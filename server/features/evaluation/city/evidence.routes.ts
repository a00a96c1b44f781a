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
import { xlsxMime } from '../../../http/xlsx.js';
import { getEvidenceFile, listEvidence, removeEvidence, uploadEvidence } from './evidence.service.js';

const tags = ['evaluation'];
const read = { access: 'campaign:read' } as const;
const write = { access: 'score:city' } as const;
const villageParams = z.strictObject({ id: z.uuid(), villageId: z.uuid() });

export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  // Evidence arrives as the raw file body whatever type the browser declares: the service decides
  // the type from the bytes. Only this plugin's routes take such bodies, up to 10 MB (.xlsx too).
  app.removeContentTypeParser(xlsxMime);
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxEvidenceBytes }, (_req, body, done) => done(null, body));

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
    // An attachment with the type its bytes showed, never sniffed or rendered in place.
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.data);
  });
  app.delete('/api/evidence/:id', { config: write, schema: { tags, params: idParamsSchema, response: { 200: okSchema } } }, async (req) => {
    await removeEvidence(ctxOf(req), req.params.id);
    return { ok: true as const };
  });
};
