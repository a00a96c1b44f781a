import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/contracts/common.js';
import {
  findingCloseSchema,
  findingInputSchema,
  findingListQuerySchema,
  findingReopenSchema,
  findingSchema,
  supervisionListQuerySchema,
  supervisionRecordCreateSchema,
  supervisionRecordDetailSchema,
  supervisionRecordSchema,
} from '../../../shared/contracts/fieldwork-supervision.js';
import { ctxOf } from '../../http/request-context.js';
import { addFinding, getSupervisionRecord, listSupervision, listTrackedFindings, moveFinding, recordSupervision } from './supervision.service.js';

const tags = ['supervision'];
const read = { access: 'fieldwork:read' } as const;
const write = { access: 'supervision:write' } as const;
const params = idParamsSchema;
const detail = { 200: supervisionRecordDetailSchema };

export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/supervision/records',
    { config: read, schema: { tags, querystring: supervisionListQuerySchema, response: { 200: pageOf(supervisionRecordSchema) } } },
    async (req) => listSupervision(ctxOf(req), req.query),
  );
  app.get('/api/supervision/records/:id', { config: read, schema: { tags, params, response: detail } }, async (req) =>
    getSupervisionRecord(ctxOf(req), req.params.id),
  );
  app.post('/api/supervision/records', { config: write, schema: { tags, body: supervisionRecordCreateSchema, response: detail } }, async (req) =>
    recordSupervision(ctxOf(req), req.body),
  );
  app.post('/api/supervision/records/:id/findings', { config: write, schema: { tags, params, body: findingInputSchema, response: detail } }, async (req) =>
    addFinding(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/supervision/findings',
    { config: read, schema: { tags, querystring: findingListQuerySchema, response: { 200: pageOf(findingSchema) } } },
    async (req) => listTrackedFindings(ctxOf(req), req.query),
  );
  app.post('/api/supervision/findings/:id/close', { config: write, schema: { tags, params, body: findingCloseSchema, response: { 200: findingSchema } } }, async (req) =>
    moveFinding(ctxOf(req), req.params.id, 'close', req.body.actionTaken),
  );
  app.post('/api/supervision/findings/:id/reopen', { config: write, schema: { tags, params, body: findingReopenSchema, response: { 200: findingSchema } } }, async (req) =>
    moveFinding(ctxOf(req), req.params.id, 'reopen', req.body.reason),
  );
};
