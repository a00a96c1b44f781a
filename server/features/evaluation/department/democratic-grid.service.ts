// 民主评价 as a grid: the panel's villages × the four vote counts, saved as one block (all or
// nothing) and as an .xlsx. Each village goes through the democratic save's own write (access,
// window, the democratic.save audit row before and after); the department reads the grid.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { ImportReport } from '../../../../shared/contracts/common.js';
import type { DemocraticGrid, DemocraticGridSave, GridCellError } from '../../../../shared/contracts/department-grids.js';
import { voteKeys, type VoteCounts } from '../../../../shared/vote-cell.js';
import { democraticLabels } from '../../../../shared/contracts/evaluation-stages.js';
import { readTable, refuseIfErrors, writeTable } from '../../../spreadsheets/xlsx-table.js';
import { recordAudit } from '../../audit/audit.service.js';
import { sheetLockReason } from '../../campaigns/campaigns.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import { lockCampaignRow } from '../../campaigns/campaigns.queries.js';
import { openStageVillagesForWrite, stageVillages } from '../stages/stages.access.service.js';
import { selectDemocraticVotes } from './democratic.queries.js';
import { votesOf, writeDemocratic } from './democratic.service.js';
import { democraticSheet, democraticSheetRows, planDemocraticImport } from './department-grids.sheet.js';
import { duplicateCells, voteRowCells } from './department-grids.js';

export async function getDemocraticGrid(ctx: Ctx, campaignId: string): Promise<DemocraticGrid> {
  const campaign = await findCampaign(ctx, campaignId);
  const villages = await stageVillages(ctx, campaign, 'department');
  const stored = new Map((await selectDemocraticVotes(ctx.db, ctx.principal.countyId, campaignId, villages.map((v) => v.village.id))).map((r) => [r.villageId, r]));
  const rows = villages.map(({ village, access }) => {
    const s = stored.get(village.id);
    return {
      villageId: village.id, name: village.name, code: village.code, townName: village.parentName ?? '', canEdit: access === 'write',
      votes: s ? votesOf(s) : null, enteredBy: s?.enteredBy ?? null,
    };
  });
  // The judge's own villages first: the work before what is only read.
  rows.sort((a, b) => Number(b.canEdit) - Number(a.canEdit));
  return {
    campaignId,
    campaignName: campaign.name,
    lockReason: sheetLockReason(campaign.status, 'department', campaign.windows, chinaDate(ctx.now())),
    window: campaign.windows.department,
    rows,
  };
}

type BlockRow = { villageId: string; based?: VoteCounts | null } & Record<keyof VoteCounts, unknown>;

const sameVotes = (a: VoteCounts | null, b: VoteCounts | null) => (a === null || b === null ? a === b : voteKeys.every((k) => a[k] === b[k]));

/** Villages whose stored counts are no longer what the caller loaded (and not what they now send). */
async function conflictCells(tx: Ctx, campaignId: string, rows: readonly BlockRow[]): Promise<GridCellError[]> {
  const checked = rows.filter((r) => r.based !== undefined);
  if (checked.length === 0) return [];
  const stored = new Map((await selectDemocraticVotes(tx.db, tx.principal.countyId, campaignId, checked.map((r) => r.villageId))).map((s) => [s.villageId, votesOf(s)]));
  return checked.flatMap((r) => {
    const now = stored.get(r.villageId) ?? null;
    if (sameVotes(now, r.based ?? null) || sameVotes(now, r as unknown as VoteCounts)) return [];
    const reason = now ? `已被他人改为 ${voteKeys.map((k) => `${democraticLabels[k]} ${now[k]}`).join('、')}，请核对后再保存` : '他人保存的票数已撤回，请核对后再保存';
    return [{ villageId: r.villageId, column: 'total', code: 'democratic.conflict', reason }];
  });
}

async function storeBlock(tx: Ctx, campaignId: string, rows: readonly BlockRow[]): Promise<number> {
  const opened = await openStageVillagesForWrite(tx, campaignId, 'department', rows.map((r) => r.villageId));
  // Blocks of one campaign one at a time, so two judges' saves cannot both pass the check below.
  await lockCampaignRow(tx.db, tx.principal.countyId, campaignId);
  const conflicts = await conflictCells(tx, campaignId, rows);
  if (conflicts.length > 0) throw new AppError('democratic.conflict', { cells: conflicts });
  const cells: GridCellError[] = [...duplicateCells(rows, 'democratic.batch_invalid'), ...rows.flatMap(voteRowCells)];
  if (cells.length > 0) throw new AppError('democratic.batch_invalid', { cells });
  let changed = 0;
  for (const [i, r] of rows.entries()) if (await writeDemocratic(tx, opened[i] as (typeof opened)[number], votesOf(r as unknown as VoteCounts))) changed += 1;
  return changed;
}

export async function saveDemocraticGrid(ctx: Ctx, campaignId: string, body: DemocraticGridSave): Promise<DemocraticGrid> {
  await inTransaction(ctx, (tx) => storeBlock(tx, campaignId, body.rows));
  return getDemocraticGrid(ctx, campaignId);
}

export async function democraticWorkbook(ctx: Ctx, campaignId: string): Promise<{ fileName: string; data: Buffer }> {
  const grid = await getDemocraticGrid(ctx, campaignId);
  const data = await writeTable(democraticSheet, democraticSheetRows(grid.rows.filter((r) => r.canEdit)), { withNotes: true });
  return { fileName: `${grid.campaignName}-民主评价票数表.xlsx`, data };
}

/** The whole file or nothing: every row's village, counts and rule checked before one is stored. */
export async function importDemocraticGrid(ctx: Ctx, campaignId: string, file: Buffer): Promise<ImportReport> {
  const grid = await getDemocraticGrid(ctx, campaignId);
  if (grid.lockReason) throw new AppError('stage_work.locked', { reason: grid.lockReason });
  const { planned, errors } = planDemocraticImport(await readTable(democraticSheet, file), grid.rows.filter((r) => r.canEdit));
  refuseIfErrors(errors);
  await inTransaction(ctx, async (tx) => {
    const changed = await storeBlock(tx, campaignId, planned.map((p) => ({ villageId: p.villageId, ...p.votes })));
    await recordAudit(tx, { event: 'democratic.import', objectType: 'campaign', objectId: campaignId, after: { villages: planned.length, changed } });
  });
  return { imported: planned.length, errors: [] };
}
