// Gathers what a stage gate looks at (sheets, review notices, rectification tasks, approved
// self-evaluations, results, objections) for the step from the campaign's current status to the next.
import type { Ctx } from '../../context.js';
import { chinaDate } from '../../../shared/dates.js';
import type { CampaignReadiness } from '../../../shared/contracts/campaigns.js';
import { rectificationStatusLabels } from '../../../shared/contracts/evaluation-stages.js';
import { selectAllOrgUnits } from '../orgs/orgs.queries.js';
import { campaignArenaIndicator } from '../evaluation/department/arena.service.js';
import { stageIndicators } from '../evaluation/sheets/sheets.js';
import { selectCampaignEntries } from '../evaluation/sheets/sheets.queries.js';
import { selectReferralRows, selectResults } from '../evaluation/results/results.queries.js';
import { referralStatuses } from '../evaluation/results/referrals.js';
import { countOpenObjections } from '../evaluation/city/objections.queries.js';
import { campaignStandard, findCampaign } from './campaigns.service.js';
import type { CampaignRow } from './campaigns.queries.js';
import { closingStage, factsFor, readinessItems, type ReadinessFacts } from './campaigns.readiness.js';
import { evaluationStages, type EvaluationStage } from '../../../shared/contracts/campaigns.js';
import { nextStatus } from './campaigns.js';
import { selectPublishedReviewVillageIds, selectUnverifiedRectifications } from './campaigns.readiness.queries.js';
import { selfEvaluationStatusLabels } from '../../../shared/contracts/self-evaluation.js';
import { selectSelfEvaluationStatuses } from '../self-evaluation/self-evaluation.queries.js';
import { selfStageOf } from '../self-evaluation/self-stage.js';

async function sheetProgress(ctx: Ctx, campaign: CampaignRow, stage: EvaluationStage, villages: { id: string; name: string; townName: string }[]) {
  const standard = await campaignStandard(ctx, campaign);
  // The arena indicator's department points come from the arena, not from the sheet.
  const arena = stage === 'department' ? await campaignArenaIndicator(ctx, campaign, standard) : null;
  const required = new Set(stageIndicators(standard, stage).map((i) => i.id).filter((id) => id !== arena?.id));
  const entered = new Map<string, number>();
  for (const e of await selectCampaignEntries(ctx.db, ctx.principal.countyId, campaign.id)) {
    if (e.stage === stage && required.has(e.indicatorId)) entered.set(e.villageId, (entered.get(e.villageId) ?? 0) + 1);
  }
  return villages.map((v) => ({ name: v.name, townName: v.townName, entered: entered.get(v.id) ?? 0, total: required.size }));
}

/** The readiness of the step after the campaign's current status (inside the caller's transaction when advancing). */
export async function readinessOf(ctx: Ctx, campaign: CampaignRow): Promise<CampaignReadiness> {
  const today = chinaDate(ctx.now());
  const to = nextStatus(campaign.status);
  const base = { campaignId: campaign.id, from: campaign.status, to, today };
  if (!to) return { ...base, window: null, ready: true, items: [] };
  const countyId = ctx.principal.countyId;
  const wanted = new Set(factsFor(to));
  const villages = (await selectAllOrgUnits(ctx.db, countyId, ['/']))
    .filter((u) => u.level === 'village' && u.active)
    .map((u) => ({ id: u.id, name: u.name, townName: u.parentName ?? '' }));
  const nameOf = new Map(villages.map((v) => [v.id, v]));
  const facts: ReadinessFacts = { to, today, windows: campaign.windows, noticeEnds: campaign.noticeEnds };
  const stage = closingStage(to);
  if (wanted.has('sheets') && stage) facts.sheets = { stage, villages: await sheetProgress(ctx, campaign, stage, villages) };
  if (wanted.has('unpublishedReviews')) {
    const published = await selectPublishedReviewVillageIds(ctx.db, countyId, campaign.id);
    facts.unpublishedReviews = villages.filter((v) => !published.has(v.id));
  }
  if (wanted.has('openRectifications')) {
    facts.openRectifications = (await selectUnverifiedRectifications(ctx.db, countyId, campaign.id)).map((t) => ({
      name: nameOf.get(t.villageId)?.name ?? '',
      townName: nameOf.get(t.villageId)?.townName ?? '',
      title: t.title,
      statusLabel: rectificationStatusLabels[t.status],
    }));
  }
  if (wanted.has('unapprovedSelfEvaluations') && selfStageOf(await campaignStandard(ctx, campaign))?.counted) {
    const statuses = await selectSelfEvaluationStatuses(ctx.db, countyId, campaign.id);
    facts.unapprovedSelfEvaluations = villages
      .filter((v) => statuses.get(v.id) !== 'approved')
      .map((v) => ({ name: v.name, townName: v.townName, statusLabel: selfEvaluationStatusLabels[statuses.get(v.id) ?? 'not_started'] }));
  }
  if (wanted.has('results')) {
    const rows = await selectResults(ctx.db, countyId, campaign.id, ['/']);
    facts.results = { total: rows.length, unconfirmed: rows.filter((r) => !r.result.confirmedAt).map((r) => ({ name: r.name, townName: r.townName ?? '' })) };
  }
  if (wanted.has('referrals') && (await campaignStandard(ctx, campaign)).quotas?.ties === 'refer') {
    facts.unresolvedReferrals = referralStatuses(await selectReferralRows(ctx.db, countyId, campaign.id))
      .filter((r) => !r.resolved)
      .map((r) => ({ text: r.text, places: r.places, stars: r.stars, villages: r.villages.map((v) => ({ name: v.name, townName: v.townName })) }));
  }
  if (wanted.has('openObjections')) facts.openObjections = await countOpenObjections(ctx.db, countyId, campaign.id);
  const items = readinessItems(facts);
  const opening = evaluationStages.includes(to as EvaluationStage) ? (to as EvaluationStage) : null;
  return { ...base, window: opening ? { stage: opening, ...campaign.windows[opening] } : null, ready: items.length === 0, items };
}

export async function getReadiness(ctx: Ctx, id: string): Promise<CampaignReadiness> {
  return readinessOf(ctx, await findCampaign(ctx, id));
}
