// 销号材料: files on a problem, sent as raw bodies (this plugin only).
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '../../../shared/contracts/common.js';
import { attachmentSchema, attachmentUploadQuerySchema } from '../../../shared/contracts/attachments.js';
import { maxEvidenceBytes } from '../../../shared/contracts/evaluation-results.js';
import { ctxOf } from '../../http/request-context.js';
import { acceptRawUploads, sendFileDownload } from '../../http/file-download.js';
import { problemFile, removeProblemFile, uploadProblemFile } from './problem-files.service.js';

const tags = ['service'];
// Whoever may read the problem may download its files (the service checks the scope).
const read = { access: 'fieldwork:read' } as const;
// Adding and removing is for whoever may close it (the service checks the claimer and the status).
const write = { access: 'service:write' } as const;
const fileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

export const problemFileRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptRawUploads(app, maxEvidenceBytes);
  const base = '/api/problems/:id/files';
  app.post(
    base,
    { config: write, bodyLimit: maxEvidenceBytes, schema: { tags, params: idParamsSchema, querystring: attachmentUploadQuerySchema, response: { 200: attachmentSchema } } },
    async (req) => uploadProblemFile(ctxOf(req), req.params.id, req.query.fileName, req.body),
  );
  app.get(`${base}/:fileId`, { config: read, schema: { tags, params: fileParams } }, async (req, reply) =>
    sendFileDownload(reply, await problemFile(ctxOf(req), req.params.id, req.params.fileId)),
  );
  app.delete(`${base}/:fileId`, { config: write, schema: { tags, params: fileParams, response: { 200: okSchema } } }, async (req) => {
    await removeProblemFile(ctxOf(req), req.params.id, req.params.fileId);
    return { ok: true as const };
  });
};
