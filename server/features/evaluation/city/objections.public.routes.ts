import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../../shared/contracts/common.js';
import {
  objectionLodgeSchema,
  objectionReceiptSchema,
  publicNoticeSchema,
  publicObjectionSchema,
  receiptParamsSchema,
} from '../../../../shared/contracts/evaluation-results.js';
import { getPublicNotice, getPublicObjection, lodgeObjection } from './objections.public.service.js';

const tags = ['public'];
// Villagers open the notice from a QR code or a link: no account, a per-address limit instead.
const reading = { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } } as const;
const lodging = { access: 'public', rateLimit: { max: 5, timeWindow: 10 * 60_000 } } as const;

export const publicNoticeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/public/campaigns/:id/notice',
    { config: reading, schema: { tags, params: idParamsSchema, response: { 200: publicNoticeSchema } } },
    async (req) => getPublicNotice(req.server.services, req.params.id),
  );
  app.post(
    '/api/public/campaigns/:id/objections',
    { config: lodging, schema: { tags, params: idParamsSchema, body: objectionLodgeSchema, response: { 200: objectionReceiptSchema } } },
    async (req) => lodgeObjection(req.server.services, req.params.id, req.body, { ip: req.ip, requestId: req.id }),
  );
  app.get(
    '/api/public/objections/:receiptNo',
    { config: reading, schema: { tags, params: receiptParamsSchema, response: { 200: publicObjectionSchema } } },
    async (req) => getPublicObjection(req.server.services, req.params.receiptNo),
  );
};
