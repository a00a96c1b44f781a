import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, importReportSchema, pageOf } from '../../../../shared/contracts/common.js';
import {
  violationCreateSchema,
  violationDecideSchema,
  violationDetailSchema,
  violationListQuerySchema,
  violationSchema,
  violationUpdateSchema,
} from '../../../../shared/contracts/evaluation-results.js';
import { ctxOf } from '../../../http/request-context.js';
import { assertXlsx, sendXlsx } from '../../../http/xlsx.js';
import {
  createViolation,
  decideViolation,
  getViolation,
  importViolations,
  listViolations,
  updateViolationRecord,
  violationImportTemplate,
} from './violations.service.js';

const tags = ['violations'];
const read = { access: 'violation:read' } as const;
const write = { access: 'violation:write' } as const;

export const violationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/violations', { config: read, schema: { tags, querystring: violationListQuerySchema, response: { 200: pageOf(violationSchema) } } }, async (req) =>
    listViolations(ctxOf(req), req.query),
  );
  app.get('/api/violations/import-template.xlsx', { config: write, schema: { tags } }, async (_req, reply) =>
    sendXlsx(reply, '违纪违法核查导入模板.xlsx', await violationImportTemplate()),
  );
  app.post('/api/violations/import', { config: write, schema: { tags, response: { 200: importReportSchema } } }, async (req) =>
    importViolations(ctxOf(req), assertXlsx(req.body)),
  );
  app.get('/api/violations/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: violationDetailSchema } } }, async (req) =>
    getViolation(ctxOf(req), req.params.id),
  );
  app.post('/api/violations', { config: write, schema: { tags, body: violationCreateSchema, response: { 200: violationSchema } } }, async (req) =>
    createViolation(ctxOf(req), req.body),
  );
  app.patch(
    '/api/violations/:id',
    { config: write, schema: { tags, params: idParamsSchema, body: violationUpdateSchema, response: { 200: violationSchema } } },
    async (req) => updateViolationRecord(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/violations/:id/decide',
    { config: write, schema: { tags, params: idParamsSchema, body: violationDecideSchema, response: { 200: violationSchema } } },
    async (req) => decideViolation(ctxOf(req), req.params.id, req.body),
  );
};
