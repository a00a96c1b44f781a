// What a village's stars rest on: its evaluation page in one campaign (the three stages and the
// self-evaluation side by side, evidence, violations, the engine's steps, who confirmed,
// corrections) and its stars across campaigns; and the town committees' stars with the engine's steps.
import type { Ctx } from '../../../context.js';
import { AppError } from '../../../../shared/errors.js';
import type { StarHistory, TownResults, VillageEvaluation } from '../../../../shared/contracts/evaluation-results.js';
import { isInScope, scopePaths } from '../../auth/principal.js';
import { selectAllOrgUnits, selectOrgUnit } from '../../orgs/orgs.queries.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { campaignReadScope } from '../evaluation.policy.js';
import { selectResults, selectTownResults } from '../results/results.queries.js';
import { villageEvidence } from '../city/evidence.service.js';
import { villageCorrections } from './corrections.service.js';
import { selectVillageViolations } from '../city/violations.queries.js';
import { selectSurveys } from '../mutual/surveys.queries.js';
import { casesInSteps, sideBySide, violationSummary, visibleStages } from './history.js';
import { selectResultWithConfirmer, selectVillageEntries, selectVillageHistory } from './history.queries.js';
import { selectSelfEvaluation } from '../../self-evaluation/self-evaluation.queries.js';
import { selfStageView } from '../../self-evaluation/self-evaluation.js';

type StoredExplanation = {
  steps?: { rule: string; text: string; reasons?: unknown }[];
  stageScores?: Record<string, number>;
  dimensionScores?: Record<string, number>;
  satisfactionRate?: number | null;
  levelFromScore?: number | null;
};

async function readableVillage(ctx: Ctx, villageId: string) {
  const village = await selectOrgUnit(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), villageId);
  if (!village || village.level !== 'village') throw new AppError('org.not_found');
  return village;
}

async function villageSurvey(ctx: Ctx, campaignId: string, villageId: string): Promise<VillageEvaluation['survey']> {
  const [s] = await selectSurveys(ctx.db, ctx.principal.countyId, campaignId, [villageId]);
  if (!s) return null;
  return { sampleSize: s.sampleSize, satisfied: s.satisfied, basicallySatisfied: s.basicallySatisfied, unsatisfied: s.unsatisfied, surveyDate: s.surveyDate ?? null, enteredByName: s.enteredBy };
}

export async function getVillageEvaluation(ctx: Ctx, campaignId: string, villageId: string): Promise<VillageEvaluation> {
  const countyId = ctx.principal.countyId;
  const campaign = await findCampaign(ctx, campaignId);
  const village = await readableVillage(ctx, villageId);
  const standard = await campaignStandard(ctx, campaign);
  const department = isInScope(scopePaths(ctx.principal, 'campaign:manage'), village.path);
  const officer = isInScope(scopePaths(ctx.principal, 'violation:read'), village.path);
  const visible = visibleStages(campaign.status, department);
  const evidence = await villageEvidence(ctx, campaign, villageId);
  const evidenceCount = new Map<string, number>();
  for (const e of evidence) evidenceCount.set(e.indicatorId, (evidenceCount.get(e.indicatorId) ?? 0) + 1);
  const { indicators, stageTotals } = sideBySide(standard, await selectVillageEntries(ctx.db, countyId, campaignId, villageId), visible, evidenceCount);
  const stored = await selectResultWithConfirmer(ctx.db, countyId, campaignId, villageId);
  const r = stored?.result;
  const e = (r?.explanation ?? {}) as StoredExplanation;
  return {
    campaign: { id: campaign.id, year: campaign.year, name: campaign.name, status: campaign.status },
    village: { id: village.id, name: village.name, townName: village.parentName ?? '' },
    visibleStages: visible,
    indicators,
    stageTotals,
    // Readable by whoever reads the village, like the self-evaluation itself: never hidden by stage.
    selfStage: selfStageView(standard, await selectSelfEvaluation(ctx.db, countyId, campaignId, villageId)),
    survey: visible.includes('mutual') ? await villageSurvey(ctx, campaignId, villageId) : null,
    evidence,
    violations: violationSummary(await selectVillageViolations(ctx.db, countyId, villageId, campaign.year), officer, casesInSteps(e.steps ?? [])),
    result: r
      ? {
          status: campaign.status === 'final' ? 'final' : 'proposed',
          score: r.score,
          stars: r.stars,
          engineStars: r.engineStars,
          vetoed: r.vetoed,
          namedStars: r.namedStars,
          rankInTown: r.rankInTown,
          rankInCity: r.rankInCity,
          notes: r.notes,
          stageScores: e.stageScores ?? {},
          dimensionScores: e.dimensionScores ?? {},
          satisfactionRate: e.satisfactionRate ?? null,
          levelFromScore: e.levelFromScore ?? null,
          steps: e.steps ?? [],
          overrideReason: r.overrideReason,
          confirmedByName: stored.confirmedByName,
          confirmedAt: r.confirmedAt?.toISOString() ?? null,
          computedAt: r.computedAt.toISOString(),
        }
      : null,
    corrections: await villageCorrections(ctx, villageId, campaignId),
  };
}

export async function getStarHistory(ctx: Ctx, villageId: string): Promise<StarHistory> {
  const village = await readableVillage(ctx, villageId);
  const rows = await selectVillageHistory(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), villageId);
  return {
    village: { id: village.id, name: village.name, townName: village.parentName ?? '' },
    items: rows.map((h) => ({
      campaignId: h.campaignId,
      year: h.year,
      campaignName: h.campaignName,
      status: h.campaignStatus === 'final' ? 'final' : 'proposed',
      score: h.score,
      stars: h.stars,
      engineStars: h.engineStars,
      rankInTown: h.rankInTown,
      rankInCity: h.rankInCity,
      vetoed: h.vetoed,
      overridden: h.overrideReason !== null,
      corrected: Number(h.corrections) > 0,
    })),
  };
}

/** Town results whose town holds or lies in the caller's scope, in the org tree's order (sort order, then code). */
export async function townResultsInScope(ctx: Ctx, campaignId: string) {
  const scope = campaignReadScope(ctx.principal);
  const order = (await selectAllOrgUnits(ctx.db, ctx.principal.countyId, ['/'])).filter((u) => u.level === 'town').map((u) => u.id);
  return (await selectTownResults(ctx.db, ctx.principal.countyId, campaignId))
    .filter((t) => scope.some((p) => t.path.startsWith(p) || p.startsWith(t.path)))
    .sort((a, b) => order.indexOf(a.townId) - order.indexOf(b.townId));
}

/** The town committees' stars in the caller's scope, each with the engine's steps. */
export async function getTownResults(ctx: Ctx, campaignId: string): Promise<TownResults> {
  const campaign = await findCampaign(ctx, campaignId);
  const scope = campaignReadScope(ctx.principal);
  const towns = await townResultsInScope(ctx, campaignId);
  const anyResult = towns.length > 0 || (await selectResults(ctx.db, ctx.principal.countyId, campaignId, scope)).length > 0;
  return {
    campaignId,
    status: !anyResult ? 'none' : campaign.status === 'final' ? 'final' : 'proposed',
    towns: towns.map((t) => ({ orgUnitId: t.townId, name: t.name, stars: t.stars, steps: (t.explanation ?? []) as { rule: string; text: string }[] })),
  };
}
