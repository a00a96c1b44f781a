import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cockpitSchema } from '../../../shared/contracts/cockpit.js';
import { ctxOf } from '../../http/request-context.js';
import { getCockpit } from './cockpit.service.js';

export const cockpitRoutes: FastifyPluginAsyncZod = async (app) => {
  // Whoever reads the campaign sees the cockpit of their own scope (a town leader: the town).
  app.get('/api/cockpit', { config: { access: 'campaign:read' }, schema: { tags: ['cockpit'], response: { 200: cockpitSchema } } }, async (req) => getCockpit(ctxOf(req)));
};
