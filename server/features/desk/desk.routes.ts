import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deskSchema } from '../../../shared/contracts/desk.js';
import { ctxOf } from '../../http/request-context.js';
import { getDesk } from './desk.service.js';

// Every signed-in account has a desk; what is on it follows from its roles and scopes.
export const deskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/desk', { config: { access: 'authenticated' }, schema: { tags: ['desk'], response: { 200: deskSchema } } }, async (req) => getDesk(ctxOf(req)));
};
