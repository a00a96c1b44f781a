import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, importReportSchema } from '../../../../shared/contracts/common.js';
import { arenaGridSaveSchema, arenaGridSchema, democraticGridSaveSchema, democraticGridSchema } from '../../../../shared/contracts/department-grids.js';
import { ctxOf } from '../../../http/request-context.js';
import { assertXlsx, sendXlsx } from '../../../http/xlsx.js';
import { arenaWorkbook, getArenaGrid, importArenaGrid, saveArenaGrid } from './arena-grid.service.js';
import { democraticWorkbook, getDemocraticGrid, importDemocraticGrid, saveDemocraticGrid } from './democratic-grid.service.js';

const tags = ['evaluation-stage-2'];
// Reading the campaign is the door; which villages the caller writes is their panel (service).
const read = { access: 'campaign:read' } as const;
// Only judges score the arena, as on the per-village save.
const judge = { access: 'score:department' } as const;

export const departmentGridRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/campaigns/:id/arena/grid', { config: read, schema: { tags, params: idParamsSchema, response: { 200: arenaGridSchema } } }, async (req) =>
    getArenaGrid(ctxOf(req), req.params.id),
  );
  app.put('/api/campaigns/:id/arena/grid', { config: judge, schema: { tags, params: idParamsSchema, body: arenaGridSaveSchema, response: { 200: arenaGridSchema } } }, async (req) =>
    saveArenaGrid(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/campaigns/:id/arena/grid.xlsx', { config: judge, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const { fileName, data } = await arenaWorkbook(ctxOf(req), req.params.id);
    return sendXlsx(reply, fileName, data);
  });
  app.post('/api/campaigns/:id/arena/grid.xlsx', { config: judge, schema: { tags, params: idParamsSchema, response: { 200: importReportSchema } } }, async (req) =>
    importArenaGrid(ctxOf(req), req.params.id, assertXlsx(req.body)),
  );

  app.get('/api/campaigns/:id/democratic/grid', { config: read, schema: { tags, params: idParamsSchema, response: { 200: democraticGridSchema } } }, async (req) =>
    getDemocraticGrid(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/campaigns/:id/democratic/grid',
    { config: read, schema: { tags, params: idParamsSchema, body: democraticGridSaveSchema, response: { 200: democraticGridSchema } } },
    async (req) => saveDemocraticGrid(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/campaigns/:id/democratic/grid.xlsx', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const { fileName, data } = await democraticWorkbook(ctxOf(req), req.params.id);
    return sendXlsx(reply, fileName, data);
  });
  app.post('/api/campaigns/:id/democratic/grid.xlsx', { config: read, schema: { tags, params: idParamsSchema, response: { 200: importReportSchema } } }, async (req) =>
    importDemocraticGrid(ctxOf(req), req.params.id, assertXlsx(req.body)),
  );
};
