// Excel import and export of the org tree.
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { refuseIfErrors, readTable, writeTable, writeTemplate } from '../../spreadsheets/xlsx-table.js';
import type { ImportReport } from '../../../shared/contracts/common.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ReportProgress } from '../jobs/job-runner.js';
import { orgReadScope, orgWriteScope } from './orgs.policy.js';
import { insertOrgUnits, selectAllOrgUnits, selectCountyCodes } from './orgs.queries.js';
import { orgExportRow, orgExportSheet, orgSheet, orgTemplateExample, planOrgImport } from './orgs.sheet.js';

export function orgImportTemplate(): Promise<Buffer> {
  return writeTemplate(orgSheet, orgTemplateExample);
}

/**
 * All rows or none: any bad row refuses the file with every problem listed by row number.
 * `progress`: where an import job is (the synchronous route passes none).
 */
export async function importOrgTree(ctx: Ctx, file: Buffer, progress: ReportProgress = () => {}): Promise<ImportReport> {
  progress({ step: '读取文件', done: 0, total: 3 });
  const rows = await readTable(orgSheet, file);
  progress({ step: '检查并写入', done: 1, total: 3 });
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const inScope = await selectAllOrgUnits(tx.db, countyId, orgWriteScope(ctx.principal));
    const parents = new Map(inScope.map((u) => [u.code, u]));
    const { units, errors } = planOrgImport(rows, parents, await selectCountyCodes(tx.db, countyId));
    refuseIfErrors(errors);
    await insertOrgUnits(tx.db, units.map((u) => ({ ...u, countyId, active: true })));
    await recordAudit(tx, {
      event: 'org.import',
      objectType: 'org_unit',
      after: { count: units.length, codes: units.map((u) => u.code) },
    });
    return { imported: units.length, errors: [] };
  });
}

export async function exportOrgTree(ctx: Ctx, progress: ReportProgress = () => {}): Promise<Buffer> {
  progress({ step: '读取组织架构', done: 0, total: 0 });
  const rows = await selectAllOrgUnits(ctx.db, ctx.principal.countyId, orgReadScope(ctx.principal));
  const codeById = new Map(rows.map((r) => [r.id, r.code]));
  await recordAudit(ctx, { event: 'export', objectType: 'org_unit', after: { rows: rows.length } });
  return writeTable(orgExportSheet, rows.map((r) => orgExportRow(r, codeById)), { onRows: (done, total) => progress({ step: '写入工作簿', done, total }) });
}
