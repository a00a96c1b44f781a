import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf, pageQuerySchema } from '../../../../shared/contracts/common.js';
import { correctionCreateSchema, correctionSchema } from '../../../../shared/contracts/evaluation-results.js';
import { ctxOf } from '../../../http/request-context.js';
import { correctStars, listCorrections } from './corrections.service.js';

const tags = ['evaluation'];

export const correctionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/corrections',
    { config: { access: 'campaign:read' }, schema: { tags, params: z.strictObject({ id: z.uuid() }), querystring: pageQuerySchema, response: { 200: pageOf(correctionSchema) } } },
    async (req) => listCorrections(ctxOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/campaigns/:id/results/:villageId/correct',
    {
      config: { access: 'campaign:manage', reauth: true },
      schema: { tags, params: z.strictObject({ id: z.uuid(), villageId: z.uuid() }), body: correctionCreateSchema, response: { 200: correctionSchema } },
    },
    async (req) => correctStars(ctxOf(req), req.params.id, req.params.villageId, req.body),
  );
};
