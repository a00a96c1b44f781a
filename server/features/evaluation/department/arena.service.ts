// 擂台比武 in stage 2: the campaign names the indicator, every judge of the village's panel scores
// the secretary's presentation once, and the trimmed mean becomes the department-stage points of
// that indicator (the score sheet shows it as computed and refuses typed points).
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import type { ArenaSettings, ArenaVillage } from '../../../../shared/contracts/evaluation-stages.js';
import type { ScoreInput } from '../../../../shared/contracts/common.js';
import { allowedRangeText, pointsProblem, pointsRefusalText } from '../../../../shared/score-cell.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { recordAudit } from '../../audit/audit.service.js';
import { isInScope, scopePaths } from '../../auth/principal.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { selectPanels } from '../assignments/assignments.queries.js';
import { arenaCandidates, arenaTrimmedMean, resolveArenaIndicator, type ArenaIndicator, type ArenaOutcome } from './arena.js';
import { deleteArenaScore, selectArenaSetting, selectCampaignArenaScores, selectVillageArenaScores, upsertArenaScore, upsertArenaSetting } from './arena.queries.js';
import { deleteSheetEntries, upsertSheetEntries } from '../sheets/sheets.queries.js';
import { openStageVillage, openStageVillageForWrite, stageVillages, type StageVillage } from '../stages/stages.access.service.js';
import { pageOfList } from '../stages/stages.js';
import { sealRows } from '../seals/seals.service.js';

/** The department-stage indicator the campaign's arena fills, or null when it has none. */
export async function campaignArenaIndicator(ctx: Ctx, campaign: CampaignRow, standard?: Standard): Promise<ArenaIndicator | null> {
  const setting = await selectArenaSetting(ctx.db, ctx.principal.countyId, campaign.id);
  return resolveArenaIndicator(standard ?? (await campaignStandard(ctx, campaign)), setting).indicator;
}

// The indicator may change only before any judge could have scored it.
const settingsLock = (campaign: CampaignRow) => (campaign.status === 'draft' || campaign.status === 'mutual' ? null : '部门点评已开始，擂台比武计分指标不能再更改');

export async function getArenaSettings(ctx: Ctx, campaignId: string): Promise<ArenaSettings> {
  const campaign = await findCampaign(ctx, campaignId);
  const standard = await campaignStandard(ctx, campaign);
  const { indicator, source } = resolveArenaIndicator(standard, await selectArenaSetting(ctx.db, ctx.principal.countyId, campaignId));
  const manager = scopePaths(ctx.principal, 'campaign:manage').length > 0;
  const lockReason = settingsLock(campaign) ?? (manager ? null : '擂台比武计分指标由组织部设置');
  return {
    indicatorId: indicator?.id ?? null,
    indicatorName: indicator?.name ?? null,
    maxPoints: indicator?.maxPoints ?? null,
    source,
    candidates: arenaCandidates(standard),
    canEdit: lockReason === null,
    lockReason,
  };
}

export async function saveArenaSettings(ctx: Ctx, campaignId: string, indicatorId: string | null): Promise<ArenaSettings> {
  await inTransaction(ctx, async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    const lock = settingsLock(campaign);
    if (lock) throw new AppError('arena.settings_locked', { reason: lock });
    const standard = await campaignStandard(tx, campaign);
    if (indicatorId !== null && !arenaCandidates(standard).some((c) => c.id === indicatorId)) throw new AppError('arena.invalid_indicator', { indicatorId });
    const before = resolveArenaIndicator(standard, await selectArenaSetting(tx.db, ctx.principal.countyId, campaignId)).indicator?.id ?? null;
    await upsertArenaSetting(tx.db, { campaignId, countyId: ctx.principal.countyId, indicatorId, updatedBy: ctx.principal.userId, updatedAt: ctx.now() });
    await recordAudit(tx, { event: 'arena.settings', objectType: 'campaign', objectId: campaignId, before: { indicatorId: before }, after: { indicatorId } });
  });
  return getArenaSettings(ctx, campaignId);
}

/** The judges of every panel that reviews the village (a village may sit in more than one). */
export async function panelJudgesByVillage(ctx: Ctx, campaignId: string): Promise<Map<string, Set<string>>> {
  const byVillage = new Map<string, Set<string>>();
  for (const panel of await selectPanels(ctx.db, ctx.principal.countyId, campaignId)) {
    for (const villageId of panel.villageIds) {
      const judges = byVillage.get(villageId) ?? new Set<string>();
      for (const m of panel.memberIds) judges.add(m);
      byVillage.set(villageId, judges);
    }
  }
  return byVillage;
}

const pts = (h: number) => h / 100;
const toH = (points: number) => Math.round(points * 100);

function presentResult(outcome: ArenaOutcome | null, scored: number) {
  return {
    points: outcome ? pts(outcome.meanH) : null,
    judgesScored: scored,
    trimmed: outcome?.trimmed ?? false,
    dropped: outcome?.dropped ? { highest: pts(outcome.dropped.highestH), lowest: pts(outcome.dropped.lowestH) } : null,
  };
}

export async function requireIndicator(ctx: Ctx, campaign: CampaignRow) {
  const indicator = await campaignArenaIndicator(ctx, campaign);
  if (!indicator) throw new AppError('arena.not_configured');
  return indicator;
}

export async function getArenaVillage(ctx: Ctx, campaignId: string, villageId: string): Promise<ArenaVillage> {
  const { campaign, village, access, lockReason } = await openStageVillage(ctx, campaignId, 'department', villageId);
  const indicator = await requireIndicator(ctx, campaign);
  const scores = await selectVillageArenaScores(ctx.db, ctx.principal.countyId, campaignId, villageId);
  const judges = (await panelJudgesByVillage(ctx, campaignId)).get(villageId) ?? new Set();
  // Judges see only their own score, so that nobody anchors on the others before scoring.
  const seesAll = isInScope(scopePaths(ctx.principal, 'campaign:manage'), village.path);
  return {
    villageId,
    villageName: village.name,
    townName: village.parentName ?? '',
    indicator,
    panelJudges: judges.size,
    myPoints: scores.find((s) => s.judgeUserId === ctx.principal.userId)?.points ?? null,
    scores: seesAll ? scores.map((s) => ({ ...s, enteredAt: s.enteredAt.toISOString() })) : null,
    result: seesAll ? presentResult(arenaTrimmedMean(scores.map((s) => toH(s.points))), scores.length) : null,
    canEdit: access === 'write' && lockReason === null,
    lockReason,
  };
}

/** Why a judge's score may not be stored (the refusal's details), or null when it may. */
export function arenaPointsRefusal(indicator: ArenaIndicator, input: ScoreInput | null) {
  const problem = input === null ? null : pointsProblem(input, indicator.maxPoints);
  if (!problem) return null;
  return { maxPoints: indicator.maxPoints, problem, allowed: allowedRangeText(indicator.maxPoints), text: pointsRefusalText(indicator.name, input, indicator.maxPoints, problem) };
}

/**
 * Stores a judge's checked score (null withdraws it) inside the caller's transaction: the
 * village's arena points follow, rows are sealed and one audit row holds the score and the result
 * before and after. False when the score was already the same (nothing written, no row).
 */
export async function writeArenaScore(tx: Ctx, opened: Pick<StageVillage, 'campaign' | 'village'>, indicator: ArenaIndicator, points: number | null): Promise<boolean> {
  const { campaign, village } = opened;
  const campaignId = campaign.id;
  const villageId = village.id;
  const countyId = tx.principal.countyId;
  const judge = tx.principal.userId;
  const before = await selectVillageArenaScores(tx.db, countyId, campaignId, villageId);
  const mine = before.find((s) => s.judgeUserId === judge)?.points ?? null;
  if (mine === points) return false;
  const now = tx.now();
  if (points === null) await deleteArenaScore(tx.db, countyId, campaignId, villageId, judge);
  else await upsertArenaScore(tx.db, { countyId, campaignId, villageId, orgPath: village.path, judgeUserId: judge, points, enteredAt: now });
  const beforeOutcome = arenaTrimmedMean(before.map((s) => toH(s.points)));
  const after = await selectVillageArenaScores(tx.db, countyId, campaignId, villageId);
  const outcome = arenaTrimmedMean(after.map((s) => toH(s.points)));
  if (outcome) {
    await upsertSheetEntries(tx.db, [
      { countyId, campaignId, stage: 'department', villageId, orgPath: village.path, indicatorId: indicator.id, points: pts(outcome.meanH), enteredBy: judge, enteredAt: now },
    ]);
  } else {
    await deleteSheetEntries(tx.db, countyId, campaignId, 'department', villageId, [indicator.id]);
  }
  await sealRows(tx, campaignId, 'arena', [`arena/${villageId}/${judge}`], { villageIds: [villageId] });
  await sealRows(tx, campaignId, 'score', [`score/department/${villageId}/${indicator.id}`], { villageIds: [villageId] });
  // One row for the judge's score and the sheet points it moved.
  await recordAudit(tx, {
    event: 'arena.score',
    objectType: 'arena_score',
    objectId: `${campaignId}/${villageId}`,
    before: { points: mine, indicatorId: indicator.id, result: beforeOutcome ? pts(beforeOutcome.meanH) : null, judges: before.length },
    after: { points, indicatorId: indicator.id, result: outcome ? pts(outcome.meanH) : null, judges: after.length },
  });
  return true;
}

/** A judge's own score (null withdraws it); the village's arena points follow in the same transaction. */
export async function saveArenaScore(ctx: Ctx, campaignId: string, villageId: string, input: ScoreInput | null): Promise<ArenaVillage> {
  await inTransaction(ctx, async (tx) => {
    const opened = await openStageVillageForWrite(tx, campaignId, 'department', villageId);
    const indicator = await requireIndicator(tx, opened.campaign);
    const refusal = arenaPointsRefusal(indicator, input);
    if (refusal) throw new AppError('arena.points_out_of_range', refusal);
    await writeArenaScore(tx, opened, indicator, input as number | null);
  });
  return getArenaVillage(ctx, campaignId, villageId);
}

/** The stage-2 villages the caller may open, with how many panel judges scored the arena. */
export async function listArena(ctx: Ctx, campaignId: string, page: { page: number; pageSize: number }) {
  const campaign = await findCampaign(ctx, campaignId);
  await requireIndicator(ctx, campaign);
  const villages = await stageVillages(ctx, campaign, 'department');
  const judges = await panelJudgesByVillage(ctx, campaignId);
  const scores = await selectCampaignArenaScores(ctx.db, ctx.principal.countyId, campaignId);
  const manageScope = scopePaths(ctx.principal, 'campaign:manage');
  const items = villages.map(({ village }) => {
    const mine = scores.filter((s) => s.villageId === village.id);
    const seesAll = isInScope(manageScope, village.path);
    const outcome = seesAll ? arenaTrimmedMean(mine.map((s) => toH(s.points))) : null;
    return {
      villageId: village.id,
      villageName: village.name,
      townName: village.parentName ?? '',
      panelJudges: judges.get(village.id)?.size ?? 0,
      judgesScored: mine.length,
      myPoints: mine.find((s) => s.judgeUserId === ctx.principal.userId)?.points ?? null,
      points: outcome ? pts(outcome.meanH) : null,
    };
  });
  return pageOfList(items, page);
}
