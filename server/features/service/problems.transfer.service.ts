// The problem list to and from Excel: cadres keep lists in spreadsheets before and after visits.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { readTable, refuseIfErrors, writeTable, writeTemplate } from '../../spreadsheets/xlsx-table.js';
import type { ImportReport } from '../../../shared/contracts/common.js';
import type { ProblemListQuery } from '../../../shared/contracts/fieldwork-service.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectAllOrgUnits } from '../orgs/orgs.queries.js';
import { fieldScope, filterPathOf, todayOf } from '../pairing/field-scope.service.js';
import { insertEvents } from './events.queries.js';
import { insertProblems, selectProblemsForExport } from './problems.queries.js';
import { problemEvent, presentProblem } from './problems.service.js';
import { planProblemImport, problemExportRow, problemExportSheet, problemSheet, problemTemplateExample, type VillageRef } from './problems.sheet.js';

export const problemExportLimit = 20_000;

export function problemImportTemplate(): Promise<Buffer> {
  return writeTemplate(problemSheet, problemTemplateExample);
}

export async function importProblems(ctx: Ctx, file: Buffer): Promise<ImportReport> {
  const rows = await readTable(problemSheet, file);
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const scope = await fieldScope(tx, 'service:write');
    const villages = (await selectAllOrgUnits(tx.db, countyId, scope.paths)).filter((u) => u.level === 'village' && u.active);
    const byCode = new Map(villages.map((u) => [u.code, u]));
    const lookup = (text: string): VillageRef | null | 'ambiguous' => {
      const hit = byCode.get(text);
      if (hit) return hit;
      const named = villages.filter((u) => u.name === text);
      return named.length > 1 ? 'ambiguous' : (named[0] ?? null);
    };
    const { problems, errors } = planProblemImport(rows, lookup, todayOf(ctx));
    refuseIfErrors(errors);
    const inserts = problems.map((p) => ({
      id: randomUUID(),
      countyId,
      villageId: p.village.id,
      orgPath: p.village.path,
      year: p.year,
      title: p.title,
      description: p.description,
      household: p.household,
      category: p.category,
      source: p.source,
      reportedDate: p.reportedDate,
      dueDate: p.dueDate,
      status: 'open' as const,
      createdBy: ctx.principal.userId,
    }));
    await insertProblems(tx.db, inserts);
    await insertEvents(tx.db, inserts.map((r) => problemEvent(tx, ctx.principal.displayName, r, 'import', null, 'open')));
    await recordAudit(tx, { event: 'problem.import', objectType: 'problem', after: { count: inserts.length, ids: inserts.map((r) => r.id) } });
    return { imported: inserts.length, errors: [] };
  });
}

export async function exportProblems(ctx: Ctx, q: Omit<ProblemListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const today = todayOf(ctx);
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const filter = { year: q.year, underPath, status: q.status, category: q.category, source: q.source, overdueOn: q.overdue ? today : undefined, claimedBy: q.mine ? ctx.principal.userId : undefined, q: q.q };
  const rows = await selectProblemsForExport(ctx.db, ctx.principal.countyId, scope.paths, filter, problemExportLimit);
  await recordAudit(ctx, { event: 'export', objectType: 'problem', after: { rows: rows.length, filters: q } });
  return writeTable(problemExportSheet, rows.map((r) => problemExportRow(presentProblem(r, ctx, today))));
}
