import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../../shared/contracts/common.js';
import { campaignRatersSchema } from '../../../../shared/contracts/raters.js';
import { ctxOf } from '../../../http/request-context.js';
import { sendXlsx } from '../../../http/xlsx.js';
import { exportCampaignRaters, getCampaignRaters } from './raters.service.js';

const tags = ['evaluation'];
// Judging the raters is the department's work: towns and judges do not see each other's flags.
const manage = { access: 'campaign:manage' } as const;

export const raterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/campaigns/:id/raters', { config: manage, schema: { tags, params: idParamsSchema, response: { 200: campaignRatersSchema } } }, async (req) =>
    getCampaignRaters(ctxOf(req), req.params.id),
  );
  app.get('/api/campaigns/:id/exports/raters.xlsx', { config: manage, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const file = await exportCampaignRaters(ctxOf(req), req.params.id);
    return sendXlsx(reply, file.fileName, file.data);
  });
};
