// The score grid: every village a scorer (team, panel or the city) scores in a stage, on one page
// and in one .xlsx. Saves go row by row through the score sheet's own save (same access, window,
// range checks and audit row) and move the sheet's version: a save made from an older version is
// refused with the values now stored, so two scorers on one sheet never overwrite each other.
import type { Ctx } from '../../../../context.js';
import { inTransaction } from '../../../../db/transaction.js';
import { AppError } from '../../../../../shared/errors.js';
import { chinaDate } from '../../../../../shared/dates.js';
import type { EvaluationStage } from '../../../../../shared/contracts/campaigns.js';
import type { ImportReport } from '../../../../../shared/contracts/common.js';
import type { GridIndicator, GridRow, GridRowSave, ScoreGrid } from '../../../../../shared/contracts/score-grid.js';
import { readTable, refuseIfErrors, writeTable } from '../../../../spreadsheets/xlsx-table.js';
import { recordAudit } from '../../../audit/audit.service.js';
import type { ReportProgress } from '../../../jobs/job-runner.js';
import { scopePaths } from '../../../auth/principal.js';
import { selectAllOrgUnits } from '../../../orgs/orgs.queries.js';
import { sheetLockReason } from '../../../campaigns/campaigns.js';
import { campaignStandard, findCampaign } from '../../../campaigns/campaigns.service.js';
import { campaignArenaIndicator } from '../../department/arena.service.js';
import { isOwnUnit } from '../../evaluation.policy.js';
import { stageIndicators } from '../sheets.js';
import { saveSheet } from '../sheets.service.js';
import { assignedVillages } from '../../stages/stages.access.service.js';
import { claimSheetVersion, selectSheetVersions, selectStageEntries } from './grid.queries.js';
import { gridSheet, gridSheetRows, planGridImport } from './grid.sheet.js';

// Villages read and shaped per statement: a province's 10,000 × 56 entries read and mapped in one
// go held the event loop for two seconds (docs/benchmarks.md, "Province files").
const gridChunk = 200;

/** `onlyVillageId`: that one row; `chunk`: villages per statement (tests cross chunk borders with 1). */
type GridOptions = { onlyVillageId?: string; chunk?: number };
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function getGrid(ctx: Ctx, campaignId: string, stage: EvaluationStage, { onlyVillageId, chunk: perChunk = gridChunk }: GridOptions = {}): Promise<ScoreGrid> {
  const campaign = await findCampaign(ctx, campaignId);
  const standard = await campaignStandard(ctx, campaign);
  const arena = stage === 'department' ? await campaignArenaIndicator(ctx, campaign, standard) : null;
  const indicators: GridIndicator[] = stageIndicators(standard, stage).map((i) => ({
    id: i.id, name: i.name, dimensionName: i.dimensionName, maxPoints: i.maxPoints, computedFrom: i.id === arena?.id ? 'arena' : null,
  }));
  const countyId = ctx.principal.countyId;
  // Who sees which row: the assigned team or panel (and the city team in stage 3) writes, the
  // department reads; nobody writes their own town or village.
  const assigned = await assignedVillages(ctx, campaign, stage);
  const cityScope = stage === 'city' ? scopePaths(ctx.principal, 'score:city') : [];
  const manageScope = scopePaths(ctx.principal, 'campaign:manage');
  const readScope = [...cityScope, ...manageScope];
  const villages = (await selectAllOrgUnits(ctx.db, countyId, ['/'])).filter(
    (u) => u.level === 'village' && u.active && (!onlyVillageId || u.id === onlyVillageId) && (assigned.has(u.id) || readScope.some((p) => u.path.startsWith(p))),
  );
  const rows: GridRow[] = [];
  for (let i = 0; i < villages.length; i += perChunk) {
    if (i > 0) await yieldToLoop();
    const chunk = villages.slice(i, i + perChunk);
    const ids = chunk.map((u) => u.id);
    // Versions before points: a save landing between the two reads shows its new points under the
    // old version, and an upload made from that is refused (sheet.version_conflict); the other
    // order would hand out the new version over old points and let an upload overwrite the save.
    const versions = new Map((await selectSheetVersions(ctx.db, countyId, campaignId, stage, ids)).map((v) => [v.villageId, v]));
    const points = new Map<string, Record<string, number | null>>();
    for (const e of await selectStageEntries(ctx.db, countyId, campaignId, stage, ids)) {
      let stored = points.get(e.villageId);
      if (!stored) points.set(e.villageId, (stored = {}));
      stored[e.indicatorId] = e.points;
    }
    for (const u of chunk) {
      const v = versions.get(u.id);
      const writes = (assigned.has(u.id) || cityScope.some((p) => u.path.startsWith(p))) && !isOwnUnit(ctx.principal, u.path);
      const stored = points.get(u.id) ?? {};
      rows.push({
        villageId: u.id, name: u.name, code: u.code, townName: u.parentName ?? '', canScore: writes,
        version: v?.version ?? 0, updatedBy: v?.updatedBy ?? null, updatedAt: v?.updatedAt.toISOString() ?? null,
        points: Object.fromEntries(indicators.map((ind) => [ind.id, stored[ind.id] ?? null])),
      });
    }
  }
  // The caller's own rows first, in org order: the work before what is only read.
  rows.sort((a, b) => Number(b.canScore) - Number(a.canScore));
  return {
    campaignId, campaignName: campaign.name, stage,
    lockReason: sheetLockReason(campaign.status, stage, campaign.windows, chinaDate(ctx.now())),
    window: campaign.windows[stage], indicators, rows,
  };
}

async function currentRow(ctx: Ctx, campaignId: string, stage: EvaluationStage, villageId: string): Promise<GridRow> {
  const row = (await getGrid(ctx, campaignId, stage, { onlyVillageId: villageId })).rows[0];
  if (!row) throw new AppError('sheet.not_assigned');
  return row;
}

/** One village's row; refused with `sheet.version_conflict` (and the stored row) when out of date. */
async function saveRowIn(tx: Ctx, campaignId: string, stage: EvaluationStage, villageId: string, input: GridRowSave): Promise<void> {
  const key = { countyId: tx.principal.countyId, campaignId, stage, villageId };
  const version = await claimSheetVersion(tx.db, key, input.version, tx.principal.userId, tx.now());
  if (version === null) {
    throw new AppError('sheet.version_conflict', { villageId, yourVersion: input.version, current: await currentRow(tx, campaignId, stage, villageId) });
  }
  // Access, the window, the range of each value, the seals and the score.change audit row: the
  // sheet's own save, so a typed row, a grid row and an imported row are stored alike.
  await saveSheet(tx, campaignId, stage, villageId, input.scores);
}

export async function saveGridRow(ctx: Ctx, campaignId: string, stage: EvaluationStage, villageId: string, input: GridRowSave): Promise<GridRow> {
  await inTransaction(ctx, (tx) => saveRowIn(tx, campaignId, stage, villageId, input));
  return currentRow(ctx, campaignId, stage, villageId);
}

/** `progress`: where an export job is (the synchronous route passes none). */
export async function gridWorkbook(ctx: Ctx, campaignId: string, stage: EvaluationStage, progress: ReportProgress = () => {}): Promise<{ fileName: string; data: Buffer }> {
  progress({ step: '读取评分', done: 0, total: 0 });
  const grid = await getGrid(ctx, campaignId, stage);
  const mine = grid.rows.filter((r) => r.canScore);
  const data = await writeTable(gridSheet(grid.indicators), gridSheetRows(grid.indicators, mine), { withNotes: true, onRows: (done, total) => progress({ step: '写入工作簿', done, total }) });
  return { fileName: `${grid.campaignName}-${stageFileLabel[stage]}评分表.xlsx`, data };
}

const stageFileLabel: Record<EvaluationStage, string> = { mutual: '摸底互评', department: '部门点评', city: '市级考评' };

/**
 * The whole file or nothing: every cell and every row's version checked before one is saved.
 * `progress`: where an import job is (the synchronous route passes none).
 */
export async function importGrid(ctx: Ctx, campaignId: string, stage: EvaluationStage, file: Buffer, progress: ReportProgress = () => {}): Promise<ImportReport> {
  progress({ step: '读取评分表', done: 0, total: 0 });
  const grid = await getGrid(ctx, campaignId, stage);
  if (grid.lockReason) throw new AppError('sheet.locked', { reason: grid.lockReason });
  const read = await readTable(gridSheet(grid.indicators), file);
  progress({ step: '检查', done: 0, total: read.length });
  const { planned, errors } = planGridImport(read, grid.indicators, grid.rows.filter((r) => r.canScore));
  refuseIfErrors(errors);
  await inTransaction(ctx, async (tx) => {
    let saved = 0;
    for (const p of planned) {
      await saveRowIn(tx, campaignId, stage, p.villageId, { version: p.version, scores: p.scores });
      progress({ step: '保存评分', done: ++saved, total: planned.length });
    }
    await recordAudit(tx, { event: 'score.import', objectType: 'score_sheet', objectId: `${campaignId}/${stage}`, after: { villages: planned.length } });
  });
  return { imported: planned.length, errors: [] };
}
