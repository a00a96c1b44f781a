// 群众测评 in stage 1: the evaluating team enters each village's survey result (or imports them,
// see surveys.transfer.service.ts); the counts feed the rating engine through computeResults.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { Survey, SurveySave, VillageSurvey } from '../../../../shared/contracts/evaluation-stages.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { recordAudit } from '../../audit/audit.service.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { rateStageOne } from './mutual-report.js';
import { openStageVillage, openStageVillageForWrite, stageVillages } from '../stages/stages.access.service.js';
import { pageOfList } from '../stages/stages.js';
import { basicallySatisfiedCredit, surveyProblems, type SurveyCounts } from './surveys.js';
import { selectSurveys, upsertSurveys, type SurveyRow } from './surveys.queries.js';

/** Satisfaction rates as the engine computes them under the standard, by village id. */
export function surveyRates(standard: Standard, rows: (SurveyCounts & { villageId: string; villageName: string; townId: string | null })[]): Map<string, number | null> {
  if (rows.length === 0) return new Map();
  const rated = rateStageOne(
    standard,
    rows.map((r) => ({ id: r.villageId, name: r.villageName, townId: r.townId ?? 'none', totalH: null, survey: r })),
  );
  return new Map([...rated].map(([id, r]) => [id, r.satisfactionRate]));
}

function present({ townId: _t, enteredAt, ...row }: SurveyRow, rate: number | null): Survey {
  return { ...row, rate, enteredAt: enteredAt.toISOString() };
}

const countsOf = (s: SurveyCounts) => ({ sampleSize: s.sampleSize, satisfied: s.satisfied, basicallySatisfied: s.basicallySatisfied, unsatisfied: s.unsatisfied });

/** The coded error for the first problem of a survey, if any. */
export function assertSurvey(standard: Standard, counts: SurveyCounts, surveyDate: string | null | undefined, today: string) {
  const problems = surveyProblems(counts, standard);
  if (problems.includes('counts_mismatch')) throw new AppError('survey.counts_mismatch');
  if (problems.includes('sample_too_small')) throw new AppError('survey.sample_too_small', { minSampleSize: standard.satisfaction?.minSampleSize });
  if (surveyDate && surveyDate > today) throw new AppError('survey.future_date');
}

export async function getVillageSurvey(ctx: Ctx, campaignId: string, villageId: string): Promise<VillageSurvey> {
  const { campaign, village, access, lockReason } = await openStageVillage(ctx, campaignId, 'mutual', villageId);
  const standard = await campaignStandard(ctx, campaign);
  const [row] = await selectSurveys(ctx.db, ctx.principal.countyId, campaignId, [villageId]);
  return {
    village: { id: village.id, name: village.name, townName: village.parentName ?? '' },
    minSampleSize: standard.satisfaction?.minSampleSize ?? null,
    basicallySatisfiedCredit: basicallySatisfiedCredit(standard),
    survey: row ? present(row, surveyRates(standard, [row]).get(row.villageId) ?? null) : null,
    canEdit: access === 'write' && lockReason === null,
    lockReason,
  };
}

export async function saveSurvey(ctx: Ctx, campaignId: string, villageId: string, input: SurveySave): Promise<VillageSurvey> {
  await inTransaction(ctx, async (tx) => {
    const { campaign, village } = await openStageVillageForWrite(tx, campaignId, 'mutual', villageId);
    const standard = await campaignStandard(tx, campaign);
    assertSurvey(standard, input, input.surveyDate, chinaDate(ctx.now()));
    const [before] = await selectSurveys(tx.db, ctx.principal.countyId, campaignId, [villageId]);
    const surveyDate = input.surveyDate ?? null;
    if (before && JSON.stringify(countsOf(before)) === JSON.stringify(countsOf(input)) && before.surveyDate === surveyDate) return;
    await upsertSurveys(tx.db, [
      { countyId: ctx.principal.countyId, campaignId, villageId, orgPath: village.path, ...countsOf(input), surveyDate, enteredBy: ctx.principal.userId, enteredAt: ctx.now() },
    ]);
    await recordAudit(tx, {
      event: 'survey.save',
      objectType: 'mutual_survey',
      objectId: `${campaignId}/${villageId}`,
      before: before ? { ...countsOf(before), surveyDate: before.surveyDate } : null,
      after: { ...countsOf(input), surveyDate },
    });
  });
  return getVillageSurvey(ctx, campaignId, villageId);
}

export async function listSurveys(ctx: Ctx, campaignId: string, page: { page: number; pageSize: number }) {
  const campaign = await findCampaign(ctx, campaignId);
  const standard = await campaignStandard(ctx, campaign);
  const villages = await stageVillages(ctx, campaign, 'mutual');
  const rows = await selectSurveys(ctx.db, ctx.principal.countyId, campaignId, villages.map((v) => v.village.id));
  const rates = surveyRates(standard, rows);
  return pageOfList(rows.map((r) => present(r, rates.get(r.villageId) ?? null)), page);
}
