import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, importReportSchema, openPageOf } from '../../../shared/contracts/common.js';
import {
  orgChildrenQuerySchema,
  orgLazyNodeSchema,
  orgTreeNodeSchema,
  orgTreeSearchQuerySchema,
  orgTreeSearchSchema,
  orgUnitCreateSchema,
  orgUnitListQuerySchema,
  orgUnitMoveSchema,
  orgUnitSchema,
  orgUnitUpdateSchema,
} from '../../../shared/contracts/org-units.js';
import { ctxOf } from '../../http/request-context.js';
import { sendJob } from '../../http/job-reply.js';
import { prefersAsync } from '../jobs/jobs.js';
import { startExportJob, startImportJob } from '../jobs/job-files.service.js';
import { assertXlsx, sendXlsx } from '../../http/xlsx.js';
import { createUnit, getOrgTree, getUnit, listUnits, moveVillage, setUnitActive, updateUnit } from './orgs.service.js';
import { getTreeChildren, searchOrgTree } from './org-tree.service.js';
import { exportOrgTree, importOrgTree, orgImportTemplate } from './orgs.transfer.service.js';

const tags = ['org-units'];
const read = { access: 'org:read' } as const;
const write = { access: 'org:write' } as const;
const one = { 200: orgUnitSchema };

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/org-units',
    { config: read, schema: { tags, querystring: orgUnitListQuerySchema, response: { 200: openPageOf(orgUnitSchema) } } },
    async (req) => listUnits(ctxOf(req), req.query),
  );
  app.get(
    '/api/org-units/tree',
    { config: read, schema: { tags, response: { 200: z.array(orgTreeNodeSchema) } } },
    async (req) => getOrgTree(ctxOf(req)),
  );
  app.get(
    '/api/org-units/tree/children',
    { config: read, schema: { tags, querystring: orgChildrenQuerySchema, response: { 200: z.array(orgLazyNodeSchema) } } },
    async (req) => getTreeChildren(ctxOf(req), req.query.parentId),
  );
  app.get(
    '/api/org-units/tree/search',
    { config: read, schema: { tags, querystring: orgTreeSearchQuerySchema, response: { 200: orgTreeSearchSchema } } },
    async (req) => searchOrgTree(ctxOf(req), req.query.q),
  );
  app.get('/api/org-units/import-template.xlsx', { config: write, schema: { tags } }, async (_req, reply) =>
    sendXlsx(reply, '组织架构导入模板.xlsx', await orgImportTemplate()),
  );
  // Both with `Prefer: respond-async`: 202 and the job (a province's 10,000 villages take seconds);
  // the export's file at /api/jobs/:id/file, the import's report as the job's result.
  app.get('/api/org-units/export.xlsx', { config: read, schema: { tags } }, async (req, reply) => {
    const ctx = ctxOf(req);
    if (!prefersAsync(req.headers.prefer)) return sendXlsx(reply, '组织架构.xlsx', await exportOrgTree(ctx));
    const job = await startExportJob(app.jobs, ctx, { kind: 'export.org_units', permission: read.access }, async (progress) => ({ fileName: '组织架构.xlsx', data: await exportOrgTree(ctx, progress) }));
    return sendJob(reply, job);
  });
  app.post('/api/org-units/import', { config: write, schema: { tags, response: { 200: importReportSchema } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const file = assertXlsx(req.body);
    if (!prefersAsync(req.headers.prefer)) return importOrgTree(ctx, file);
    return sendJob(reply, await startImportJob(app.jobs, ctx, 'import.org_units', (progress) => importOrgTree(ctx, file, progress)));
  });
  app.get(
    '/api/org-units/:id',
    { config: read, schema: { tags, params: idParamsSchema, response: one } },
    async (req) => getUnit(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/org-units',
    { config: write, schema: { tags, body: orgUnitCreateSchema, response: one } },
    async (req) => createUnit(ctxOf(req), req.body),
  );
  app.patch(
    '/api/org-units/:id',
    { config: write, schema: { tags, params: idParamsSchema, body: orgUnitUpdateSchema, response: one } },
    async (req) => updateUnit(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/org-units/:id/move',
    { config: write, schema: { tags, params: idParamsSchema, body: orgUnitMoveSchema, response: one } },
    async (req) => moveVillage(ctxOf(req), req.params.id, req.body.parentId),
  );
  app.post(
    '/api/org-units/:id/deactivate',
    { config: write, schema: { tags, params: idParamsSchema, response: one } },
    async (req) => setUnitActive(ctxOf(req), req.params.id, false),
  );
  app.post(
    '/api/org-units/:id/activate',
    { config: write, schema: { tags, params: idParamsSchema, response: one } },
    async (req) => setUnitActive(ctxOf(req), req.params.id, true),
  );
};
