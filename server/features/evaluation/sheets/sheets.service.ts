// Score sheets: who may open which village's sheet in which stage, and saving it with one audit
// row holding every changed score before and after.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import { stageLabels, type EvaluationStage, type ScoreSheet } from '../../../../shared/contracts/campaigns.js';
import type { ScoreInput } from '../../../../shared/contracts/common.js';
import { recordAudit } from '../../audit/audit.service.js';
import { scopePaths } from '../../auth/principal.js';
import { selectAllOrgUnits, selectOrgUnit } from '../../orgs/orgs.queries.js';
import { sheetLockReason } from '../../campaigns/campaigns.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { campaignArenaIndicator } from '../department/arena.service.js';
import { assignedVillages, stageAccess } from '../stages/stages.access.service.js';
import { sheetChanges, sheetProblems, stageIndicators } from './sheets.js';
import { countEntriesByVillage, deleteSheetEntries, selectSheetEntries, upsertSheetEntries } from './sheets.queries.js';
import { sealRows } from '../seals/seals.service.js';

async function openSheet(ctx: Ctx, campaignId: string, stage: EvaluationStage, villageId: string) {
  const campaign = await findCampaign(ctx, campaignId);
  const village = await selectOrgUnit(ctx.db, ctx.principal.countyId, ['/'], villageId);
  if (!village || village.level !== 'village') throw new AppError('sheet.not_assigned');
  const access = await stageAccess(ctx, campaign, stage, village);
  if (!access) throw new AppError('sheet.not_assigned');
  const standard = await campaignStandard(ctx, campaign);
  const lock = sheetLockReason(campaign.status, stage, campaign.windows, chinaDate(ctx.now()));
  const lockReason = lock ?? (access === 'read' ? `您可以查看${stageLabels[stage]}评分，但不是本村的评分人` : null);
  // The arena indicator's department-stage points come from the judges' arena scores only.
  const arena = stage === 'department' ? await campaignArenaIndicator(ctx, campaign, standard) : null;
  return { campaign, village, standard, lockReason, indicators: stageIndicators(standard, stage), arenaIndicatorId: arena?.id ?? null };
}

export async function getSheet(ctx: Ctx, campaignId: string, stage: EvaluationStage, villageId: string): Promise<ScoreSheet> {
  const sheet = await openSheet(ctx, campaignId, stage, villageId);
  const entries = new Map((await selectSheetEntries(ctx.db, ctx.principal.countyId, campaignId, stage, villageId)).map((e) => [e.indicatorId, e]));
  const indicators = sheet.indicators.map((i) => {
    const e = entries.get(i.id);
    const computedFrom = i.id === sheet.arenaIndicatorId ? ('arena' as const) : null;
    return { ...i, points: e?.points ?? null, enteredBy: e?.enteredBy ?? null, enteredAt: e?.enteredAt.toISOString() ?? null, computedFrom };
  });
  return {
    campaignId,
    stage,
    village: { id: sheet.village.id, name: sheet.village.name, townName: sheet.village.parentName ?? '' },
    lockReason: sheet.lockReason,
    indicators,
    total: Math.round(indicators.reduce((n, i) => n + (i.points ?? 0) * 100, 0)) / 100,
    maxTotal: Math.round(indicators.reduce((n, i) => n + i.maxPoints * 100, 0)) / 100,
  };
}

export async function saveSheet(ctx: Ctx, campaignId: string, stage: EvaluationStage, villageId: string, input: Record<string, ScoreInput | null>) {
  await inTransaction(ctx, async (tx) => {
    const sheet = await openSheet(tx, campaignId, stage, villageId);
    if (sheet.lockReason) throw new AppError('sheet.locked', { reason: sheet.lockReason });
    const problems = sheetProblems(sheet.indicators, input);
    if (problems.some((p) => p.reason === 'unknown')) throw new AppError('sheet.unknown_indicator', { problems });
    if (problems.length > 0) {
      const text = problems.map((p) => (p.reason === 'out_of_range' ? p.text : '')).join('；');
      throw new AppError('sheet.points_out_of_range', { problems, text });
    }
    // Every value is now a number in range, or null to clear it.
    const scores = input as Record<string, number | null>;
    if (sheet.arenaIndicatorId && sheet.arenaIndicatorId in input) throw new AppError('sheet.computed_indicator', { indicatorId: sheet.arenaIndicatorId });
    const countyId = ctx.principal.countyId;
    const before = new Map((await selectSheetEntries(tx.db, countyId, campaignId, stage, villageId)).map((e) => [e.indicatorId, e.points]));
    const changes = sheetChanges(before, scores);
    const ids = Object.keys(changes);
    if (ids.length === 0) return;
    const now = ctx.now();
    await upsertSheetEntries(
      tx.db,
      ids.filter((id) => changes[id]?.after !== null).map((indicatorId) => ({
        countyId, campaignId, stage, villageId, orgPath: sheet.village.path, indicatorId, points: changes[indicatorId]?.after as number, enteredBy: ctx.principal.userId, enteredAt: now,
      })),
    );
    await deleteSheetEntries(tx.db, countyId, campaignId, stage, villageId, ids.filter((id) => changes[id]?.after === null));
    await sealRows(tx, campaignId, 'score', ids.map((id) => `score/${stage}/${villageId}/${id}`), { villageIds: [villageId] });
    await recordAudit(tx, {
      event: 'score.change',
      objectType: 'score_sheet',
      objectId: `${campaignId}/${stage}/${villageId}`,
      before: Object.fromEntries(ids.map((id) => [id, changes[id]?.before])),
      after: Object.fromEntries(ids.map((id) => [id, changes[id]?.after])),
    });
  });
  return getSheet(ctx, campaignId, stage, villageId);
}

/** The villages whose sheets the caller may open in a stage, with how far each is filled. */
export async function listSheets(ctx: Ctx, campaignId: string, stage: EvaluationStage) {
  const campaign = await findCampaign(ctx, campaignId);
  const standard = await campaignStandard(ctx, campaign);
  const indicatorCount = stageIndicators(standard, stage).length;
  const assigned = await assignedVillages(ctx, campaign, stage);
  const cityScope = stage === 'city' ? scopePaths(ctx.principal, 'score:city') : [];
  const manageScope = scopePaths(ctx.principal, 'campaign:manage');
  const villages = (await selectAllOrgUnits(ctx.db, ctx.principal.countyId, ['/'])).filter(
    (u) => u.level === 'village' && u.active && (assigned.has(u.id) || cityScope.some((p) => u.path.startsWith(p)) || manageScope.some((p) => u.path.startsWith(p))),
  );
  const counts = await countEntriesByVillage(ctx.db, ctx.principal.countyId, campaignId, stage);
  return villages.map((v) => ({ villageId: v.id, name: v.name, townName: v.parentName ?? '', entered: counts.get(v.id) ?? 0, total: indicatorCount, canScore: assigned.has(v.id) || cityScope.some((p) => v.path.startsWith(p)) }));
}
