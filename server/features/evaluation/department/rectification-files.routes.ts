// 整改材料: the village's files on a rectification task, sent as raw bodies (this plugin only).
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okSchema } from '../../../../shared/contracts/common.js';
import { attachmentSchema, attachmentUploadQuerySchema } from '../../../../shared/contracts/attachments.js';
import { maxEvidenceBytes } from '../../../../shared/contracts/evaluation-results.js';
import { rectificationParamsSchema } from '../../../../shared/contracts/evaluation-stages.js';
import { ctxOf } from '../../../http/request-context.js';
import { acceptRawUploads, sendFileDownload } from '../../../http/file-download.js';
import { rectificationFile, removeRectificationFile, uploadRectificationFile } from './rectification.service.js';

const tags = ['evaluation-stage-2'];
// Whoever may read the task may download its files (the service checks the village).
const read = { access: 'campaign:read' } as const;
// Only the village adds or removes them.
const village = { access: 'rectification:submit' } as const;
const fileParams = z.strictObject({ id: z.uuid(), taskId: z.uuid(), fileId: z.uuid() });

export const rectificationFileRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptRawUploads(app, maxEvidenceBytes);
  const base = '/api/campaigns/:id/rectifications/:taskId/files';
  app.post(
    base,
    { config: village, bodyLimit: maxEvidenceBytes, schema: { tags, params: rectificationParamsSchema, querystring: attachmentUploadQuerySchema, response: { 200: attachmentSchema } } },
    async (req) => uploadRectificationFile(ctxOf(req), req.params.id, req.params.taskId, req.query.fileName, req.body),
  );
  app.get(`${base}/:fileId`, { config: read, schema: { tags, params: fileParams } }, async (req, reply) =>
    sendFileDownload(reply, await rectificationFile(ctxOf(req), req.params.id, req.params.taskId, req.params.fileId)),
  );
  app.delete(`${base}/:fileId`, { config: village, schema: { tags, params: fileParams, response: { 200: okSchema } } }, async (req) => {
    await removeRectificationFile(ctxOf(req), req.params.id, req.params.taskId, req.params.fileId);
    return { ok: true as const };
  });
};
