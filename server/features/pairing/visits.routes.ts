import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/contracts/common.js';
import { visitCreateSchema, visitListQuerySchema, visitSchema } from '../../../shared/contracts/fieldwork-pairing.js';
import { ctxOf } from '../../http/request-context.js';
import { sendXlsx } from '../../http/xlsx.js';
import { addVisitPhoto, getLeaderVisit, getVisitPhoto, listLeaderVisits, maxPhotoBytes, recordLeaderVisit } from './visits.service.js';
import { exportVisits } from './visits.transfer.service.js';

const tags = ['pairing'];
const read = { access: 'fieldwork:read' } as const;
const write = { access: 'visit:write' } as const;

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  // Photos arrive as the raw image body (no multipart), only on this plugin's routes.
  app.addContentTypeParser(['image/jpeg', 'image/png'], { parseAs: 'buffer', bodyLimit: maxPhotoBytes }, (_req, body, done) => done(null, body));

  app.get(
    '/api/visits',
    { config: read, schema: { tags, querystring: visitListQuerySchema, response: { 200: pageOf(visitSchema) } } },
    async (req) => listLeaderVisits(ctxOf(req), req.query),
  );
  app.get(
    '/api/visits/export.xlsx',
    { config: read, schema: { tags, querystring: visitListQuerySchema.omit({ page: true, pageSize: true }) } },
    async (req, reply) => sendXlsx(reply, '领导走访记录.xlsx', await exportVisits(ctxOf(req), req.query)),
  );
  app.get('/api/visits/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: visitSchema } } }, async (req) =>
    getLeaderVisit(ctxOf(req), req.params.id),
  );
  app.post('/api/visits', { config: write, schema: { tags, body: visitCreateSchema, response: { 200: visitSchema } } }, async (req) =>
    recordLeaderVisit(ctxOf(req), req.body),
  );
  app.post(
    '/api/visits/:id/photos',
    { config: write, schema: { tags, params: idParamsSchema, response: { 200: visitSchema } } },
    async (req) => addVisitPhoto(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/visit-photos/:id', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const photo = await getVisitPhoto(ctxOf(req), req.params.id);
    // Served as an attachment with its checked type, never sniffed into something else.
    return reply
      .header('content-type', photo.contentType)
      .header('content-disposition', `attachment; filename="${req.params.id}.${photo.contentType === 'image/png' ? 'png' : 'jpg'}"`)
      .header('cache-control', 'private, no-store')
      .send(photo.data);
  });
};
