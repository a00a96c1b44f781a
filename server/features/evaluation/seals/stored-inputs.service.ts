// The engine's input as the campaign stored it: what 生成定星建议 rates (and keeps, see
// keepRatingInputs) and what `fivestar reproduce` rates again to compare with the stored results.
import type { Ctx } from '../../../context.js';
import { selectAllOrgUnits } from '../../orgs/orgs.queries.js';
import { collectFigures } from '../../figures/figures.js';
import { figureProviders } from '../../figures/figure-providers.js';
import { rateCampaign } from '../../standards/engine/rating-engine.js';
import { campaignStandard } from '../../campaigns/campaigns.service.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { campaignSatisfaction } from '../../surveys/satisfaction.service.js';
import { buildRatingInput } from '../results/rating-input-builder.js';
import { selectCampaignEntries } from '../sheets/sheets.queries.js';
import { selectConfirmedViolations } from '../city/violations.queries.js';
import { ratingViolations } from '../city/violations.js';
import { selectPreviousYearStars, selectTownScores } from '../results/results.queries.js';
import type { RatingInput, SatisfactionInput } from '../../standards/engine/rating-input.js';
import { replaceRatingInputs, selectRatingInputs } from './rating-inputs.queries.js';
import { selectApprovedSelfEvaluations } from '../../self-evaluation/self-evaluation.queries.js';
import { selfStageEntries, selfStageOf } from '../../self-evaluation/self-stage.js';

/**
 * `stages` keeps only those sheet stages' score entries (a reader who may not see a stage yet gets
 * it empty); `satisfaction: false` leaves the survey out. By default everything stored is rated.
 * The self stage, when the standard has one, rates the approved self-evaluations (readable by
 * whoever reads the village, so never hidden). `kept: true` (reproduce) rates the figures,
 * satisfaction, last year's stars and self points the last computation kept, where it kept them,
 * instead of collecting them again. `onRate` hears when the reading is done and the rating starts.
 */
export async function rateStoredInputs(tx: Ctx, campaign: CampaignRow, only: { stages?: readonly string[]; satisfaction?: boolean; kept?: boolean; onRate?: () => void } = {}) {
  const countyId = tx.principal.countyId;
  const campaignId = campaign.id;
  const standard = await campaignStandard(tx, campaign);
  const units = (await selectAllOrgUnits(tx.db, countyId, ['/'])).filter((u) => u.active);
  const villages = units.filter((u) => u.level === 'village').map((u) => ({ id: u.id, name: u.name, townId: u.parentId as string, path: u.path }));
  const ownScores = await selectTownScores(tx.db, countyId, campaignId);
  const towns = units.filter((u) => u.level === 'town').map((u) => ({ id: u.id, name: u.name, ownScore: ownScores.get(u.id) ?? null }));
  // Phone answers, paper counts or both: the source goes into the explanation.
  const surveys = await campaignSatisfaction(tx, countyId, campaignId, villages.map((v) => v.id));
  const sheets = (await selectCampaignEntries(tx.db, countyId, campaignId)).filter((e) => !only.stages || only.stages.includes(e.stage));
  const self = selfStageOf(standard);
  const entries = self ? [...sheets, ...selfStageEntries(standard, await selectApprovedSelfEvaluations(tx.db, countyId, campaignId))] : sheets;
  const input = buildRatingInput(
    standard,
    {
      villages,
      towns,
      entries,
      figures: await collectFigures(tx.db, countyId, campaign.year, figureProviders),
      lastYearStars: await selectPreviousYearStars(tx.db, countyId, campaign.year),
      satisfaction: only.satisfaction === false ? undefined : surveys.inputs,
      violations: ratingViolations(await selectConfirmedViolations(tx.db, countyId, campaign.year)),
    },
    { id: campaign.id, name: campaign.name, year: campaign.year },
  );
  if (only.kept) {
    const kept = await selectRatingInputs(tx.db, countyId, campaignId);
    input.villages = input.villages.map((v) => {
      const k = kept.get(v.id);
      if (!k) return v;
      const scores = { ...v.scores };
      if (self) {
        // What was rated then, not the self-evaluation as it stands now (it may have been sent back).
        delete scores[self.id];
        if (k.selfScores && Object.keys(k.selfScores).length > 0) scores[self.id] = k.selfScores;
      }
      return { ...v, scores, figures: k.figures, satisfaction: (k.satisfaction ?? null) as SatisfactionInput | null, lastYearStars: k.lastYearStars };
    });
  }
  only.onRate?.();
  return { result: rateCampaign(standard, input), villages, surveys, input, standard, self };
}

/** Keeps what a computation rated besides the sheet scores, village by village (in its transaction). */
export async function keepRatingInputs(
  tx: Pick<Ctx, 'db' | 'now'> & { principal: Pick<Ctx['principal'], 'countyId'> },
  campaignId: string,
  input: RatingInput,
  selfStageId: string | null = null,
): Promise<void> {
  const rows = input.villages.map((v) => ({
    villageId: v.id,
    figures: v.figures ?? {},
    satisfaction: v.satisfaction ?? null,
    lastYearStars: v.lastYearStars ?? null,
    selfScores: (selfStageId ? v.scores?.[selfStageId] : undefined) ?? {},
  }));
  await replaceRatingInputs(tx.db, tx.principal.countyId, campaignId, rows, tx.now());
}
