import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common.js';
import {
  publicCommitmentsQuerySchema,
  publicCommitmentsSchema,
  publicConfirmSchema,
  publicProblemSchema,
  tokenParamsSchema,
} from '../../../shared/contracts/fieldwork-service.js';
import { answerConfirmation, getProblemToConfirm, getPublicCommitments } from './public.service.js';

const tags = ['public'];
// Villagers open these from a QR code: no account, a per-address limit instead.
const reading = { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } } as const;
const answering = { access: 'public', rateLimit: { max: 10, timeWindow: 60_000 } } as const;

export const publicServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/public/villages/:id/commitments',
    { config: reading, schema: { tags, params: idParamsSchema, querystring: publicCommitmentsQuerySchema, response: { 200: publicCommitmentsSchema } } },
    async (req) => getPublicCommitments(req.server.services, req.params.id, req.query.year),
  );
  app.get(
    '/api/public/problem-confirmations/:token',
    { config: reading, schema: { tags, params: tokenParamsSchema, response: { 200: publicProblemSchema } } },
    async (req) => getProblemToConfirm(req.server.services, req.params.token),
  );
  app.post(
    '/api/public/problem-confirmations/:token',
    { config: answering, schema: { tags, params: tokenParamsSchema, body: publicConfirmSchema, response: { 200: z.object({ status: z.string() }) } } },
    async (req) => answerConfirmation(req.server.services, req.params.token, req.body, { ip: req.ip, requestId: req.id }),
  );
};
