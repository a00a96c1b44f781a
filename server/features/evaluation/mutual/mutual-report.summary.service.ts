// What stage 1 produced, per village and per evaluated town: the team's progress overview and the
// star-rating summary table (评星定级汇总表), on screen and as .xlsx (the export is audited).
import type { Ctx } from '../../../context.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { MutualOverview, MutualSummary } from '../../../../shared/contracts/evaluation-stages.js';
import { recordAudit } from '../../audit/audit.service.js';
import { selectAllOrgUnits } from '../../orgs/orgs.queries.js';
import { sheetLockReason } from '../../campaigns/campaigns.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { stageOneDimensions, summarizeStageOne } from './mutual-report.js';
import { openTown } from './mutual-report.service.js';
import { writeMutualSummary } from './mutual-report.sheet.js';
import { countEntriesByVillage, selectCampaignEntries } from '../sheets/sheets.queries.js';
import { stageIndicators } from '../sheets/sheets.js';
import { stageVillages } from '../stages/stages.access.service.js';
import { surveyRates } from './surveys.service.js';
import { selectSurveys } from './surveys.queries.js';
import { countVisitsByVillage } from './visits.queries.js';

/** The stage-1 villages the caller may open, with visits, survey and score-sheet progress. */
export async function getMutualOverview(ctx: Ctx, campaignId: string): Promise<MutualOverview> {
  const campaign = await findCampaign(ctx, campaignId);
  const standard = await campaignStandard(ctx, campaign);
  const villages = await stageVillages(ctx, campaign, 'mutual');
  const countyId = ctx.principal.countyId;
  const [visits, surveys, sheets] = await Promise.all([
    countVisitsByVillage(ctx.db, countyId, campaignId),
    selectSurveys(ctx.db, countyId, campaignId, villages.map((v) => v.village.id)),
    countEntriesByVillage(ctx.db, countyId, campaignId, 'mutual'),
  ]);
  const rates = surveyRates(standard, surveys);
  const byVillage = new Map(surveys.map((s) => [s.villageId, s]));
  const indicators = stageIndicators(standard, 'mutual').length;
  const lockReason = sheetLockReason(campaign.status, 'mutual', campaign.windows, chinaDate(ctx.now()));
  return {
    lockReason,
    villages: villages.map(({ village: v, access }) => {
      const s = byVillage.get(v.id);
      return {
        villageId: v.id,
        name: v.name,
        townId: v.parentId as string,
        townName: v.parentName ?? '',
        canEdit: access === 'write' && lockReason === null,
        visits: visits.get(v.id) ?? 0,
        survey: s ? { sampleSize: s.sampleSize, rate: rates.get(v.id) ?? null } : null,
        sheetEntered: sheets.get(v.id) ?? 0,
        sheetTotal: indicators,
      };
    }),
  };
}

export async function getMutualSummary(ctx: Ctx, campaignId: string, townId: string): Promise<MutualSummary> {
  const { campaign, town, evaluatorTown } = await openTown(ctx, campaignId, townId);
  const standard = await campaignStandard(ctx, campaign);
  const countyId = ctx.principal.countyId;
  const villages = (await selectAllOrgUnits(ctx.db, countyId, [town.path])).filter((u) => u.level === 'village' && u.active);
  const ids = new Set(villages.map((v) => v.id));
  const points = new Map<string, Map<string, number>>();
  for (const e of await selectCampaignEntries(ctx.db, countyId, campaignId)) {
    if (e.stage !== 'mutual' || !ids.has(e.villageId)) continue;
    const mine = points.get(e.villageId) ?? new Map<string, number>();
    mine.set(e.indicatorId, e.points);
    points.set(e.villageId, mine);
  }
  const surveys = new Map((await selectSurveys(ctx.db, countyId, campaignId, [...ids])).map((s) => [s.villageId, s]));
  const rows = summarizeStageOne(
    standard,
    villages.map((v) => ({ id: v.id, name: v.name, townId: town.id })),
    points,
    surveys,
    await countVisitsByVillage(ctx.db, countyId, campaignId),
  );
  return {
    campaignId,
    town: { id: town.id, name: town.name },
    evaluatorTown,
    dimensions: stageOneDimensions(standard).map(({ id, name, maxPoints }) => ({ id, name, maxPoints })),
    rows: rows.map((r) => ({
      ...r,
      survey: r.survey ? { sampleSize: r.survey.sampleSize, satisfied: r.survey.satisfied, basicallySatisfied: r.survey.basicallySatisfied, unsatisfied: r.survey.unsatisfied, rate: r.survey.rate } : null,
    })),
  };
}

export async function exportMutualSummary(ctx: Ctx, campaignId: string, townId: string): Promise<{ fileName: string; data: Buffer }> {
  const summary = await getMutualSummary(ctx, campaignId, townId);
  const campaign = await findCampaign(ctx, campaignId);
  await recordAudit(ctx, { event: 'export', objectType: 'mutual_summary', objectId: `${campaignId}/${townId}`, after: { rows: summary.rows.length } });
  const data = await writeMutualSummary(summary, { campaignName: campaign.name, exportedOn: chinaDate(ctx.now()) });
  return { fileName: `${campaign.year}年度${summary.town.name}评星定级汇总表.xlsx`, data };
}
