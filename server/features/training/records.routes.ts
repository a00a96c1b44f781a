import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/contracts/common.js';
import {
  coverageQuerySchema,
  coverageSchema,
  overviewQuerySchema,
  overviewSchema,
  personRecordQuerySchema,
  personRecordSchema,
  recordListQuerySchema,
  recordRowSchema,
} from '../../../shared/contracts/training.js';
import { ctxOf } from '../../http/request-context.js';
import { sendXlsx } from '../../http/xlsx.js';
import { getCoverage, getOverview, getPersonRecord, listTrainingRecords } from './records.service.js';
import { exportCoverage, exportRecords } from './records.transfer.service.js';

const tags = ['training'];
const read = { access: 'training:read' } as const;

export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/training/records',
    { config: read, schema: { tags, querystring: recordListQuerySchema, response: { 200: pageOf(recordRowSchema) } } },
    async (req) => {
      const { items, total } = await listTrainingRecords(ctxOf(req), req.query);
      return { items: items.map(({ orgUnitCode: _c, ...r }) => r), total };
    },
  );
  app.get(
    '/api/training/records/export.xlsx',
    { config: read, schema: { tags, querystring: recordListQuerySchema.omit({ page: true, pageSize: true }) } },
    async (req, reply) => sendXlsx(reply, '干部培训档案.xlsx', await exportRecords(ctxOf(req), req.query)),
  );
  app.get(
    '/api/training/people/:id',
    { config: read, schema: { tags, params: idParamsSchema, querystring: personRecordQuerySchema, response: { 200: personRecordSchema } } },
    async (req) => getPersonRecord(ctxOf(req), req.params.id, req.query.year),
  );
  app.get('/api/training/coverage', { config: read, schema: { tags, querystring: coverageQuerySchema, response: { 200: coverageSchema } } }, async (req) =>
    getCoverage(ctxOf(req), req.query),
  );
  app.get('/api/training/coverage/export.xlsx', { config: read, schema: { tags, querystring: coverageQuerySchema } }, async (req, reply) =>
    sendXlsx(reply, '干部培训覆盖情况.xlsx', await exportCoverage(ctxOf(req), req.query)),
  );
  app.get('/api/training/overview', { config: read, schema: { tags, querystring: overviewQuerySchema, response: { 200: overviewSchema } } }, async (req) =>
    getOverview(ctxOf(req), req.query.year),
  );
};
