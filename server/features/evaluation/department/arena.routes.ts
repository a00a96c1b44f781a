import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../../shared/contracts/common.js';
import {
  arenaListItemSchema,
  arenaListQuerySchema,
  arenaScoreSaveSchema,
  arenaSettingsSaveSchema,
  arenaSettingsSchema,
  arenaVillageSchema,
  campaignVillageParamsSchema,
} from '../../../../shared/contracts/evaluation-stages.js';
import { ctxOf } from '../../../http/request-context.js';
import { getArenaSettings, getArenaVillage, listArena, saveArenaScore, saveArenaSettings } from './arena.service.js';

const tags = ['evaluation-stage-2'];
const read = { access: 'campaign:read' } as const;
const manage = { access: 'campaign:manage' } as const;
// Judges score only their panel's villages (checked per village in the service).
const judge = { access: 'score:department' } as const;

export const arenaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/campaigns/:id/arena/settings', { config: read, schema: { tags, params: idParamsSchema, response: { 200: arenaSettingsSchema } } }, async (req) =>
    getArenaSettings(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/campaigns/:id/arena/settings',
    { config: manage, schema: { tags, params: idParamsSchema, body: arenaSettingsSaveSchema, response: { 200: arenaSettingsSchema } } },
    async (req) => saveArenaSettings(ctxOf(req), req.params.id, req.body.indicatorId),
  );
  app.get(
    '/api/campaigns/:id/arena',
    { config: read, schema: { tags, params: idParamsSchema, querystring: arenaListQuerySchema, response: { 200: pageOf(arenaListItemSchema) } } },
    async (req) => listArena(ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/campaigns/:id/villages/:villageId/arena',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, response: { 200: arenaVillageSchema } } },
    async (req) => getArenaVillage(ctxOf(req), req.params.id, req.params.villageId),
  );
  app.put(
    '/api/campaigns/:id/villages/:villageId/arena',
    { config: judge, schema: { tags, params: campaignVillageParamsSchema, body: arenaScoreSaveSchema, response: { 200: arenaVillageSchema } } },
    async (req) => saveArenaScore(ctxOf(req), req.params.id, req.params.villageId, req.body.points),
  );
};
