import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { integrityReportSchema } from '../../../../shared/contracts/integrity.js';
import { ctxOf } from '../../../http/request-context.js';
import { verifyAllCampaigns } from './integrity.service.js';

// The auditor checks, the department is checked: only audit:read may run it.
export const integrityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/integrity', { config: { access: 'audit:read' }, schema: { tags: ['audit'], response: { 200: integrityReportSchema } } }, async (req) => verifyAllCampaigns(ctxOf(req)));
};
