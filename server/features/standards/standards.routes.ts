import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/contracts/common.js';
import {
  standardCloneSchema,
  standardDetailSchema,
  standardListQuerySchema,
  standardSummarySchema,
  standardValidationSchema,
  standardWriteSchema,
} from '../../../shared/contracts/standards.js';
import { ctxOf } from '../../http/request-context.js';
import { assertXlsx, sendXlsx } from '../../http/xlsx.js';
import { checkStandard, cloneStandard, createStandard, exportStandardJson, getStandard, listStandards, updateStandard } from './standards.service.js';
import { exportIndicatorTable, importIndicatorTable } from './standards.transfer.service.js';

const tags = ['standards'];
const read = { access: 'standard:read' } as const;
const write = { access: 'standard:write' } as const;
const one = { 200: standardDetailSchema };

export const standardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/standards',
    { config: read, schema: { tags, querystring: standardListQuerySchema, response: { 200: pageOf(standardSummarySchema) } } },
    async (req) => listStandards(ctxOf(req), req.query),
  );
  app.post(
    '/api/standards/validate',
    { config: write, schema: { tags, body: standardWriteSchema, response: { 200: standardValidationSchema } } },
    async (req) => checkStandard(req.body.document),
  );
  app.get('/api/standards/:id', { config: read, schema: { tags, params: idParamsSchema, response: one } }, async (req) =>
    getStandard(ctxOf(req), req.params.id),
  );
  app.post('/api/standards', { config: write, schema: { tags, body: standardWriteSchema, response: one } }, async (req) =>
    createStandard(ctxOf(req), req.body.document),
  );
  app.put(
    '/api/standards/:id',
    { config: write, schema: { tags, params: idParamsSchema, body: standardWriteSchema, response: one } },
    async (req) => updateStandard(ctxOf(req), req.params.id, req.body.document),
  );
  app.post(
    '/api/standards/:id/clone',
    { config: write, schema: { tags, params: idParamsSchema, body: standardCloneSchema, response: one } },
    async (req) => cloneStandard(ctxOf(req), req.params.id, req.body.version),
  );
  app.get('/api/standards/:id/export.json', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const { fileName, json } = await exportStandardJson(ctxOf(req), req.params.id);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(json);
  });
  app.get('/api/standards/:id/indicators.xlsx', { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) => {
    const { fileName, data } = await exportIndicatorTable(ctxOf(req), req.params.id);
    return sendXlsx(reply, fileName, data);
  });
  app.post(
    '/api/standards/:id/indicators',
    { config: write, schema: { tags, params: idParamsSchema, response: one } },
    async (req) => (await importIndicatorTable(ctxOf(req), req.params.id, assertXlsx(req.body))).standard,
  );
};
