import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fieldworkOverviewSchema, overviewQuerySchema } from '../../../shared/contracts/fieldwork-overview.js';
import { ctxOf } from '../../http/request-context.js';
import { getFieldworkOverview } from './overview.service.js';

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/fieldwork/overview',
    { config: { access: 'fieldwork:read' }, schema: { tags: ['pairing'], querystring: overviewQuerySchema, response: { 200: fieldworkOverviewSchema } } },
    async (req) => getFieldworkOverview(ctxOf(req), req.query.year),
  );
};
