import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/contracts/common.js';
import {
  campaignAdvanceSchema,
  campaignCreateSchema,
  campaignListQuerySchema,
  campaignReadinessSchema,
  campaignSchema,
  campaignUpdateSchema,
} from '../../../shared/contracts/campaigns.js';
import { ctxOf } from '../../http/request-context.js';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns.service.js';
import { advanceCampaign } from './campaigns.advance.service.js';
import { getReadiness } from './campaigns.readiness.service.js';

const tags = ['campaigns'];
const read = { access: 'campaign:read' } as const;
const manage = { access: 'campaign:manage' } as const;
const one = { 200: campaignSchema };

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns',
    { config: read, schema: { tags, querystring: campaignListQuerySchema, response: { 200: pageOf(campaignSchema) } } },
    async (req) => listCampaigns(ctxOf(req), req.query),
  );
  app.get('/api/campaigns/:id', { config: read, schema: { tags, params: idParamsSchema, response: one } }, async (req) =>
    getCampaign(ctxOf(req), req.params.id),
  );
  app.post('/api/campaigns', { config: manage, schema: { tags, body: campaignCreateSchema, response: one } }, async (req) =>
    createCampaign(ctxOf(req), req.body),
  );
  app.patch(
    '/api/campaigns/:id',
    { config: manage, schema: { tags, params: idParamsSchema, body: campaignUpdateSchema, response: one } },
    async (req) => updateCampaign(ctxOf(req), req.params.id, req.body),
  );
  // What the next step still waits for, shown before the click.
  app.get(
    '/api/campaigns/:id/readiness',
    { config: manage, schema: { tags, params: idParamsSchema, response: { 200: campaignReadinessSchema } } },
    async (req) => getReadiness(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/campaigns/:id/advance',
    // Advancing (finalizing included) moves every village's stars along: re-authenticate first.
    { config: { ...manage, reauth: true }, schema: { tags, params: idParamsSchema, body: campaignAdvanceSchema, response: one } },
    async (req) => advanceCampaign(ctxOf(req), req.params.id, req.body),
  );
};
