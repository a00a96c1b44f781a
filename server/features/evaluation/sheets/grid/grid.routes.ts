import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importReportSchema } from '../../../../../shared/contracts/common.js';
import { gridParamsSchema, gridRowParamsSchema, gridRowSaveSchema, gridRowSchema, scoreGridSchema } from '../../../../../shared/contracts/score-grid.js';
import { ctxOf } from '../../../../http/request-context.js';
import { assertXlsx, sendXlsx } from '../../../../http/xlsx.js';
import { getGrid, gridWorkbook, importGrid, saveGridRow } from './grid.service.js';

const tags = ['evaluation'];
// Reading the campaign is the door; who may write which row is the stage's assignment (service).
const read = { access: 'campaign:read' } as const;

export const scoreGridRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/campaigns/:id/grid/:stage', { config: read, schema: { tags, params: gridParamsSchema, response: { 200: scoreGridSchema } } }, async (req) =>
    getGrid(ctxOf(req), req.params.id, req.params.stage),
  );
  app.put(
    '/api/campaigns/:id/grid/:stage/:villageId',
    { config: read, schema: { tags, params: gridRowParamsSchema, body: gridRowSaveSchema, response: { 200: gridRowSchema } } },
    async (req) => saveGridRow(ctxOf(req), req.params.id, req.params.stage, req.params.villageId, req.body),
  );
  app.get('/api/campaigns/:id/grid/:stage/sheet.xlsx', { config: read, schema: { tags, params: gridParamsSchema } }, async (req, reply) => {
    const { fileName, data } = await gridWorkbook(ctxOf(req), req.params.id, req.params.stage);
    return sendXlsx(reply, fileName, data);
  });
  app.post(
    '/api/campaigns/:id/grid/:stage/sheet.xlsx',
    { config: read, schema: { tags, params: gridParamsSchema, response: { 200: importReportSchema } } },
    async (req) => importGrid(ctxOf(req), req.params.id, req.params.stage, assertXlsx(req.body)),
  );
};
