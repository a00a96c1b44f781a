import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { whatIfSchema } from '../../../../shared/contracts/self-evaluation.js';
import { ctxOf } from '../../../http/request-context.js';
import { villageWhatIf } from './what-if.service.js';

const villageParams = z.strictObject({ id: z.uuid(), villageId: z.uuid() });

export const whatIfRoutes: FastifyPluginAsyncZod = async (app) => {
  // Anyone who may read the campaign for the village; the service keeps unpublished stages out.
  app.get(
    '/api/campaigns/:id/villages/:villageId/what-if',
    { config: { access: 'campaign:read' }, schema: { tags: ['evaluation'], params: villageParams, response: { 200: whatIfSchema } } },
    async (req) => villageWhatIf(ctxOf(req), req.params.id, req.params.villageId),
  );
};
