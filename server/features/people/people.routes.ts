import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, importReportSchema, openPageOf } from '../../../shared/contracts/common.js';
import {
  personCreateSchema,
  personListQuerySchema,
  personSchema,
  personSensitiveSchema,
  personUpdateSchema,
} from '../../../shared/contracts/people.js';
import { ctxOf } from '../../http/request-context.js';
import { sendJob } from '../../http/job-reply.js';
import { prefersAsync } from '../jobs/jobs.js';
import { startExportJob, startImportJob } from '../jobs/job-files.service.js';
import { assertXlsx, sendXlsx } from '../../http/xlsx.js';
import { createPerson, getPerson, listPersons, revealPerson, updatePersonDetails } from './people.service.js';
import { exportPeople, importPeople, peopleImportTemplate } from './people.transfer.service.js';

const tags = ['people'];
const read = { access: 'people:read' } as const;
const write = { access: 'people:write' } as const;

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/people',
    { config: read, schema: { tags, querystring: personListQuerySchema, response: { 200: openPageOf(personSchema) } } },
    async (req) => listPersons(ctxOf(req), req.query),
  );
  app.get('/api/people/import-template.xlsx', { config: write, schema: { tags } }, async (_req, reply) =>
    sendXlsx(reply, '人员导入模板.xlsx', await peopleImportTemplate()),
  );
  app.get(
    '/api/people/export.xlsx',
    { config: read, schema: { tags, querystring: personListQuerySchema.omit({ page: true, pageSize: true, count: true }) } },
    // With `Prefer: respond-async`: 202 and the job; the file at /api/jobs/:id/file.
    async (req, reply) => {
      const ctx = ctxOf(req);
      if (!prefersAsync(req.headers.prefer)) return sendXlsx(reply, '人员名册.xlsx', await exportPeople(ctx, req.query));
      const job = await startExportJob(app.jobs, ctx, { kind: 'export.people', permission: read.access }, async (progress) => ({ fileName: '人员名册.xlsx', data: await exportPeople(ctx, req.query, progress) }));
      return sendJob(reply, job);
    },
  );
  // With `Prefer: respond-async`: 202 and the job; its result is the report, a refused file fails it with the rows.
  app.post('/api/people/import', { config: write, schema: { tags, response: { 200: importReportSchema } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const file = assertXlsx(req.body);
    if (!prefersAsync(req.headers.prefer)) return importPeople(ctx, file);
    return sendJob(reply, await startImportJob(app.jobs, ctx, 'import.people', (progress) => importPeople(ctx, file, progress)));
  });
  app.get(
    '/api/people/:id',
    { config: read, schema: { tags, params: idParamsSchema, response: { 200: personSchema } } },
    async (req) => getPerson(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/people',
    { config: write, schema: { tags, body: personCreateSchema, response: { 200: personSchema } } },
    async (req) => createPerson(ctxOf(req), req.body),
  );
  app.patch(
    '/api/people/:id',
    { config: write, schema: { tags, params: idParamsSchema, body: personUpdateSchema, response: { 200: personSchema } } },
    async (req) => updatePersonDetails(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/people/:id/reveal',
    { config: write, schema: { tags, params: idParamsSchema, response: { 200: personSensitiveSchema } } },
    async (req) => revealPerson(ctxOf(req), req.params.id),
  );
};
