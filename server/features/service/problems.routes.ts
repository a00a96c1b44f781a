import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, importReportSchema, pageOf } from '../../../shared/contracts/common.js';
import {
  householdVisitCreateSchema,
  householdVisitListQuerySchema,
  householdVisitSchema,
  problemClaimSchema,
  problemConfirmSchema,
  problemCreateSchema,
  problemDetailSchema,
  problemListQuerySchema,
  problemReopenSchema,
  problemResolvedSchema,
  problemResolveSchema,
  problemSchema,
  problemUpdateSchema,
} from '../../../shared/contracts/fieldwork-service.js';
import { ctxOf } from '../../http/request-context.js';
import { assertXlsx, sendXlsx } from '../../http/xlsx.js';
import { getHouseholdVisit, listVisitsToHouseholds, recordHouseholdVisit } from './household-visits.service.js';
import { createProblem, getProblem, listProblemList, moveProblem, updateProblemDetails } from './problems.service.js';
import { exportProblems, importProblems, problemImportTemplate } from './problems.transfer.service.js';

const tags = ['service'];
const read = { access: 'fieldwork:read' } as const;
const write = { access: 'service:write' } as const;
const approve = { access: 'service:approve' } as const;
const one = { 200: problemSchema };
const empty = z.strictObject({});
const params = idParamsSchema;

export const problemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/household-visits',
    { config: read, schema: { tags, querystring: householdVisitListQuerySchema, response: { 200: pageOf(householdVisitSchema) } } },
    async (req) => listVisitsToHouseholds(ctxOf(req), req.query),
  );
  app.get('/api/household-visits/:id', { config: read, schema: { tags, params, response: { 200: householdVisitSchema } } }, async (req) =>
    getHouseholdVisit(ctxOf(req), req.params.id),
  );
  app.post('/api/household-visits', { config: write, schema: { tags, body: householdVisitCreateSchema, response: { 200: householdVisitSchema } } }, async (req) =>
    recordHouseholdVisit(ctxOf(req), req.body),
  );

  app.get(
    '/api/problems',
    { config: read, schema: { tags, querystring: problemListQuerySchema, response: { 200: pageOf(problemSchema) } } },
    async (req) => listProblemList(ctxOf(req), req.query),
  );
  app.get('/api/problems/import-template.xlsx', { config: write, schema: { tags } }, async (_req, reply) =>
    sendXlsx(reply, '问题清单导入模板.xlsx', await problemImportTemplate()),
  );
  app.get(
    '/api/problems/export.xlsx',
    { config: read, schema: { tags, querystring: problemListQuerySchema.omit({ page: true, pageSize: true }) } },
    async (req, reply) => sendXlsx(reply, '问题清单.xlsx', await exportProblems(ctxOf(req), req.query)),
  );
  app.post('/api/problems/import', { config: write, schema: { tags, response: { 200: importReportSchema } } }, async (req) =>
    importProblems(ctxOf(req), assertXlsx(req.body)),
  );
  app.get('/api/problems/:id', { config: read, schema: { tags, params, response: { 200: problemDetailSchema } } }, async (req) =>
    getProblem(ctxOf(req), req.params.id),
  );
  app.post('/api/problems', { config: write, schema: { tags, body: problemCreateSchema, response: one } }, async (req) =>
    createProblem(ctxOf(req), req.body),
  );
  app.patch('/api/problems/:id', { config: write, schema: { tags, params, body: problemUpdateSchema, response: one } }, async (req) =>
    updateProblemDetails(ctxOf(req), req.params.id, req.body),
  );
  const step = async (p: Promise<{ problem: z.infer<typeof problemSchema> }>) => (await p).problem;
  app.post('/api/problems/:id/claim', { config: write, schema: { tags, params, body: problemClaimSchema, response: one } }, async (req) =>
    step(moveProblem(ctxOf(req), req.params.id, 'claim', { assigneeId: req.body.assigneeId })),
  );
  app.post('/api/problems/:id/release', { config: write, schema: { tags, params, body: empty, response: one } }, async (req) =>
    step(moveProblem(ctxOf(req), req.params.id, 'release')),
  );
  app.post('/api/problems/:id/start', { config: write, schema: { tags, params, body: empty, response: one } }, async (req) =>
    step(moveProblem(ctxOf(req), req.params.id, 'start')),
  );
  app.post(
    '/api/problems/:id/resolve',
    { config: write, schema: { tags, params, body: problemResolveSchema, response: { 200: problemResolvedSchema } } },
    async (req) => moveProblem(ctxOf(req), req.params.id, 'resolve', { resolution: req.body.resolution }),
  );
  app.post('/api/problems/:id/confirm', { config: approve, schema: { tags, params, body: problemConfirmSchema, response: one } }, async (req) =>
    step(moveProblem(ctxOf(req), req.params.id, 'confirm', { note: req.body.note })),
  );
  app.post('/api/problems/:id/reopen', { config: approve, schema: { tags, params, body: problemReopenSchema, response: one } }, async (req) =>
    step(moveProblem(ctxOf(req), req.params.id, 'reopen', { reason: req.body.reason })),
  );
};
