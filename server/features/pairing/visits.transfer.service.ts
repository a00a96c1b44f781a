// Visit logs to Excel, for the department's own summaries.
import type { Ctx } from '../../context.js';
import { writeTable } from '../../spreadsheets/xlsx-table.js';
import type { VisitListQuery } from '../../../shared/contracts/fieldwork-pairing.js';
import { recordAudit } from '../audit/audit.service.js';
import { fieldScope, filterPathOf } from './field-scope.service.js';
import { selectPhotoIds, selectVisitsForExport } from './visits.queries.js';
import { visitExportRow, visitExportSheet } from './visits.sheet.js';

export const visitExportLimit = 20_000;

export async function exportVisits(ctx: Ctx, q: Omit<VisitListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const rows = await selectVisitsForExport(ctx.db, ctx.principal.countyId, scope, { year: q.year, leaderId: q.leaderId, underPath, kind: q.kind }, visitExportLimit);
  const photos = await selectPhotoIds(ctx.db, ctx.principal.countyId, rows.map((r) => r.id));
  await recordAudit(ctx, { event: 'export', objectType: 'leader_visit', after: { rows: rows.length, filters: q } });
  return writeTable(
    visitExportSheet,
    rows.map((r) => visitExportRow({ ...r, townName: r.townName ?? '', kind: r.kind as never, photoIds: photos.get(r.id) ?? [] })),
  );
}
