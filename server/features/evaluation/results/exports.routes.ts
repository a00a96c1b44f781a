import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../../shared/contracts/common.js';
import { ctxOf } from '../../../http/request-context.js';
import { sendXlsx } from '../../../http/xlsx.js';
import { exportRankings, exportTownStars } from './exports.service.js';

const tags = ['evaluation'];
const read = { access: 'campaign:read' } as const;

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/campaigns/:id/exports/rankings.xlsx', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const file = await exportRankings(ctxOf(req), req.params.id);
    return sendXlsx(reply, file.fileName, file.data);
  });
  app.get('/api/campaigns/:id/exports/town-stars.xlsx', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const file = await exportTownStars(ctxOf(req), req.params.id);
    return sendXlsx(reply, file.fileName, file.data);
  });
};
