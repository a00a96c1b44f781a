// Records and coverage as Excel, opened by the department in place of its old spreadsheets.
import type { Ctx } from '../../context.js';
import type { CoverageQuery } from '../../../shared/contracts/training.js';
import { writeTable } from '../../spreadsheets/xlsx-table.js';
import { recordAudit } from '../audit/audit.service.js';
import { coverageExportRow, coverageExportSheet, recordExportRow, recordsExportSheet } from './records.sheet.js';
import { getCoverage, listTrainingRecords, type RecordFilterInput } from './records.service.js';

export const recordsExportLimit = 20_000;

export async function exportRecords(ctx: Ctx, query: RecordFilterInput): Promise<Buffer> {
  const { items, year } = await listTrainingRecords(ctx, { ...query, page: 1, pageSize: 100 }, recordsExportLimit);
  await recordAudit(ctx, { event: 'export', objectType: 'training_record', after: { rows: items.length, year, filters: query } });
  return writeTable(recordsExportSheet, items.map((r) => recordExportRow(r, year)));
}

/** Each town's villages, then the town's total row. */
export async function exportCoverage(ctx: Ctx, query: CoverageQuery): Promise<Buffer> {
  const coverage = await getCoverage(ctx, query);
  const rows = coverage.towns.flatMap((t) => [
    ...coverage.villages.filter((v) => v.parentName === t.name).map((v) => coverageExportRow(v, t.name)),
    coverageExportRow(t, null),
  ]);
  await recordAudit(ctx, { event: 'export', objectType: 'training_coverage', after: { rows: rows.length, year: coverage.year } });
  return writeTable(coverageExportSheet, rows);
}
