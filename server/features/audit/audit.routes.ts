import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../shared/contracts/common.js';
import { auditEntrySchema, auditListQuerySchema, auditVerifySchema } from '../../../shared/contracts/audit.js';
import { auditEventLabel, auditObjectLabel } from '../../../shared/audit-labels.js';
import { ctxOf } from '../../http/request-context.js';
import { sendXlsx } from '../../http/xlsx.js';
import { writeTable } from '../../spreadsheets/xlsx-table.js';
import ExcelJS from 'exceljs';
import { exportAudit, listAudit, verifyAuditChains } from './audit.service.js';
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
      const { rows, head } = await exportAudit(ctxOf(req), req.query);
      const table = await writeTable(
        auditSheet,
        rows.map(presentAuditRow).map((r) => ({
          ...r,
          event: auditEventLabel(r.event),
          objectType: auditObjectLabel(r.objectType),
          before: r.before === null ? '' : JSON.stringify(r.before),
          after: r.after === null ? '' : JSON.stringify(r.after),
        })),
      );
      const data = await withHeadSheet(table, head);
      if (head) void reply.header('x-audit-head', `${head.seq} ${head.hash}`);
      return sendXlsx(reply, '审计日志.xlsx', data);
    },
  );
  app.get('/api/audit/verify', { config: access, schema: { tags, response: { 200: auditVerifySchema } } }, async (req) =>
    verifyAuditChains(app.services, ctxOf(req).principal.countyId),
  );
};

/** A second sheet with the chain head at export time: compare it with a later verification. */
async function withHeadSheet(table: Buffer, head: { seq: number; hash: string } | null): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(table as unknown as ArrayBuffer);
  const sheet = book.addWorksheet('链头');
  sheet.addRow(['审计链头序号', '审计链头摘要']);
  sheet.addRow([head?.seq ?? 0, head?.hash ?? '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}
