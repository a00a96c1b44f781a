// Excel export and import of a standard's indicator table.
import type { Ctx } from '../../context.js';
import { readTable, refuseIfErrors, writeTable } from '../../spreadsheets/xlsx-table.js';
import { recordAudit } from '../audit/audit.service.js';
import { validateStandard } from './engine/standard-validate.js';
import { applyIndicatorRows, indicatorRows, indicatorSheet, rowOfPath } from './standards.sheet.js';
import { getStandard, getStandardDocument, updateStandard } from './standards.service.js';

export async function exportIndicatorTable(ctx: Ctx, id: string) {
  const standard = await getStandardDocument(ctx, id);
  await recordAudit(ctx, { event: 'export', objectType: 'standard', objectId: id, after: { table: 'indicators' } });
  return { fileName: `${standard.id}-${standard.version}-指标表.xlsx`, data: await writeTable(indicatorSheet, indicatorRows(standard), { withNotes: true }) };
}

/** Replaces the dimensions and indicators from the sheet; the rest of the standard is kept. */
export async function importIndicatorTable(ctx: Ctx, id: string, file: Buffer) {
  const current = await getStandard(ctx, id);
  const rows = await readTable(indicatorSheet, file);
  const { document, rowOf, errors } = applyIndicatorRows(await getStandardDocument(ctx, id), rows);
  refuseIfErrors(errors);
  const checked = validateStandard(document);
  if (!checked.ok) {
    refuseIfErrors(checked.errors.map((e) => ({ row: rowOfPath(e.path, rowOf), field: e.path, reason: e.message })));
  }
  const updated = await updateStandard(ctx, current.id, document);
  return { imported: rows.length, errors: [], standard: updated };
}
