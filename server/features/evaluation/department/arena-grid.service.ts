// 擂台比武 as a grid: a judge's panel villages × their own score, saved as one block (all or
// nothing) and as an .xlsx. Each village goes through the arena's own write (access, window,
// range, result, seals and the arena.score audit row), so a typed, pasted and uploaded score are alike.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { ImportReport } from '../../../../shared/contracts/common.js';
import type { ArenaGrid, ArenaGridSave, GridCellError } from '../../../../shared/contracts/department-grids.js';
import { readTable, refuseIfErrors, writeTable } from '../../../spreadsheets/xlsx-table.js';
import { recordAudit } from '../../audit/audit.service.js';
import { sheetLockReason } from '../../campaigns/campaigns.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import { openStageVillagesForWrite, stageVillages } from '../stages/stages.access.service.js';
import { arenaPointsRefusal, requireIndicator, writeArenaScore } from './arena.service.js';
import { selectCampaignArenaScores } from './arena.queries.js';
import { arenaSheet, arenaSheetRows, planArenaImport, type PlannedArenaRow } from './department-grids.sheet.js';
import { duplicateCells } from './department-grids.js';

export async function getArenaGrid(ctx: Ctx, campaignId: string): Promise<ArenaGrid> {
  const campaign = await findCampaign(ctx, campaignId);
  const indicator = await requireIndicator(ctx, campaign);
  // Only the panels' judges score the arena: the department reads the results on the work page.
  const villages = (await stageVillages(ctx, campaign, 'department')).filter((v) => v.access === 'write');
  const scores = await selectCampaignArenaScores(ctx.db, ctx.principal.countyId, campaignId);
  const mine = new Map(scores.filter((s) => s.judgeUserId === ctx.principal.userId).map((s) => [s.villageId, s.points]));
  return {
    campaignId,
    campaignName: campaign.name,
    lockReason: sheetLockReason(campaign.status, 'department', campaign.windows, chinaDate(ctx.now())),
    window: campaign.windows.department,
    indicator,
    rows: villages.map(({ village }) => ({
      villageId: village.id, name: village.name, code: village.code, townName: village.parentName ?? '', canEdit: true, points: mine.get(village.id) ?? null,
    })),
  };
}

/** Opens every village for writing, then checks every cell, then stores: one refusal stops all. */
async function storeBlock(tx: Ctx, campaignId: string, rows: readonly PlannedArenaRow[] | ArenaGridSave['rows']): Promise<number> {
  const opened = await openStageVillagesForWrite(tx, campaignId, 'department', rows.map((r) => r.villageId));
  const first = opened[0];
  if (!first) return 0;
  const indicator = await requireIndicator(tx, first.campaign);
  const cells: GridCellError[] = duplicateCells(rows, 'arena.batch_invalid');
  rows.forEach((r) => {
    const refusal = arenaPointsRefusal(indicator, r.points);
    if (refusal) cells.push({ villageId: r.villageId, column: 'points', code: 'arena.points_out_of_range', reason: refusal.text });
  });
  if (cells.length > 0) throw new AppError('arena.batch_invalid', { cells, maxPoints: indicator.maxPoints });
  let changed = 0;
  for (const [i, r] of rows.entries()) if (await writeArenaScore(tx, opened[i] as (typeof opened)[number], indicator, r.points as number | null)) changed += 1;
  return changed;
}

export async function saveArenaGrid(ctx: Ctx, campaignId: string, body: ArenaGridSave): Promise<ArenaGrid> {
  await inTransaction(ctx, (tx) => storeBlock(tx, campaignId, body.rows));
  return getArenaGrid(ctx, campaignId);
}

export async function arenaWorkbook(ctx: Ctx, campaignId: string): Promise<{ fileName: string; data: Buffer }> {
  const grid = await getArenaGrid(ctx, campaignId);
  const data = await writeTable(arenaSheet(grid.indicator), arenaSheetRows(grid.rows), { withNotes: true });
  return { fileName: `${grid.campaignName}-擂台比武评分表.xlsx`, data };
}

/** The whole file or nothing: every row's village and cell checked before one is stored. */
export async function importArenaGrid(ctx: Ctx, campaignId: string, file: Buffer): Promise<ImportReport> {
  const grid = await getArenaGrid(ctx, campaignId);
  if (grid.lockReason) throw new AppError('stage_work.locked', { reason: grid.lockReason });
  const { planned, errors } = planArenaImport(await readTable(arenaSheet(grid.indicator), file), grid.indicator, grid.rows);
  refuseIfErrors(errors);
  await inTransaction(ctx, async (tx) => {
    const changed = await storeBlock(tx, campaignId, planned);
    await recordAudit(tx, { event: 'arena.import', objectType: 'campaign', objectId: campaignId, after: { villages: planned.length, changed } });
  });
  return { imported: planned.length, errors: [] };
}
