import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../shared/contracts/common.js';
import { auditEntrySchema, auditListQuerySchema, auditVerifySchema } from '../../../shared/contracts/audit.js';
import { auditEventLabel, auditObjectLabel } from '../../../shared/audit-labels.js';
import { ctxOf } from '../../http/request-context.js';
import { sendXlsx } from '../../http/xlsx.js';
import { writeTable } from '../../spreadsheets/xlsx-table.js';
import { exportAudit, listAudit, verifyAuditChain } from './audit.service.js';
import { auditSheet, presentAuditRow } from './audit.present.js';

const tags = ['audit'];
const access = { access: 'audit:read' } as const;

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    { config: access, schema: { tags, querystring: auditListQuerySchema, response: { 200: pageOf(auditEntrySchema) } } },
    async (req) => {
      const page = await listAudit(ctxOf(req), req.query);
      return { items: page.items.map(presentAuditRow), total: page.total };
    },
  );
  app.get(
    '/api/audit/export.xlsx',
    { config: access, schema: { tags, querystring: auditListQuerySchema.omit({ page: true, pageSize: true }) } },
    async (req, reply) => {
      const rows = await exportAudit(ctxOf(req), req.query);
      const data = await writeTable(
        auditSheet,
        rows.map(presentAuditRow).map((r) => ({
          ...r,
          event: auditEventLabel(r.event),
          objectType: auditObjectLabel(r.objectType),
          before: r.before === null ? '' : JSON.stringify(r.before),
          after: r.after === null ? '' : JSON.stringify(r.after),
        })),
      );
      return sendXlsx(reply, '审计日志.xlsx', data);
    },
  );
  app.get('/api/audit/verify', { config: access, schema: { tags, response: { 200: auditVerifySchema } } }, async (req) =>
    verifyAuditChain(app.services, ctxOf(req).principal.countyId),
  );
};
