// 定星: the engine proposes stars from everything the campaign recorded; the department confirms
// them (an override needs a written reason); after the public notice they become final.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import type { ScoreInput } from '../../../../shared/contracts/common.js';
import { allowedRangeText, pointsProblem, pointsRefusalText } from '../../../../shared/score-cell.js';
import { recordAudit } from '../../audit/audit.service.js';
import { selectAllOrgUnits } from '../../orgs/orgs.queries.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { lockCampaignRow } from '../../campaigns/campaigns.queries.js';
import { selectReferralRows, selectResult, selectResults, selectTownScores, updateResult, upsertTownScore } from './results.queries.js';
import { assertAllWithinVetoes, assertWithinVetoes } from '../decisions/veto-guard.service.js';
import { assertSealed, sealRows } from '../seals/seals.service.js';
import { quotaRefusal } from './referrals.js';

async function editableCampaign(ctx: Ctx, campaignId: string) {
  await lockCampaignRow(ctx.db, ctx.principal.countyId, campaignId);
  const campaign = await findCampaign(ctx, campaignId);
  if (campaign.status !== 'city') throw new AppError('results.not_editable', { status: campaign.status });
  return campaign;
}

/**
 * 定星 for every village not yet confirmed, as the engine proposed (or as overridden). Villages
 * marked 建议已变化 are among them; a village whose stars pass a confirmed veto refuses the whole step.
 */
export async function confirmResults(ctx: Ctx, campaignId: string) {
  return inTransaction(ctx, async (tx) => {
    const campaign = await editableCampaign(tx, campaignId);
    const rows = await selectResults(tx.db, ctx.principal.countyId, campaignId, ['/']);
    if (rows.length === 0) throw new AppError('results.not_computed');
    const pending = rows.filter((r) => !r.result.confirmedAt);
    await assertAllWithinVetoes(tx, campaign, pending);
    await assertSealed(tx, campaignId, 'result', { villageIds: pending.map((r) => r.result.villageId) });
    for (const r of pending) {
      await updateResult(tx.db, ctx.principal.countyId, campaignId, r.result.villageId, { confirmedAt: ctx.now(), confirmedBy: ctx.principal.userId, proposalChange: null });
    }
    await sealRows(tx, campaignId, 'result', pending.map((r) => `result/${r.result.villageId}`), { villageIds: pending.map((r) => r.result.villageId) });
    await recordAudit(tx, {
      event: 'results.confirm',
      objectType: 'campaign',
      objectId: campaignId,
      after: { confirmed: pending.length, stars: Object.fromEntries(pending.map((r) => [r.result.villageId, r.result.stars])) },
    });
    return { confirmed: pending.length };
  });
}

/** Sets a village's stars against the engine's proposal, with the reason kept and audited. */
export async function overrideStars(ctx: Ctx, campaignId: string, villageId: string, stars: number | null, reason: string) {
  if (!reason.trim()) throw new AppError('results.override_reason_required');
  return inTransaction(ctx, async (tx) => {
    const campaign = await editableCampaign(tx, campaignId);
    const before = await selectResult(tx.db, ctx.principal.countyId, campaignId, villageId);
    if (!before) throw new AppError('results.not_computed');
    await assertWithinVetoes(tx, campaign, villageId, stars, before);
    // A place given by override counts against the quota, as the engine's own places do.
    const refusal = quotaRefusal(await campaignStandard(tx, campaign), await selectReferralRows(tx.db, ctx.principal.countyId, campaignId), villageId, stars);
    if (refusal) throw new AppError('results.quota_full', { text: refusal, villageId, stars });
    await assertSealed(tx, campaignId, 'result', { villageIds: [villageId] });
    await updateResult(tx.db, ctx.principal.countyId, campaignId, villageId, { stars, overrideReason: reason, confirmedAt: ctx.now(), confirmedBy: ctx.principal.userId, proposalChange: null });
    await sealRows(tx, campaignId, 'result', [`result/${villageId}`], { villageIds: [villageId] });
    await recordAudit(tx, {
      event: 'results.override',
      objectType: 'village_result',
      objectId: `${campaignId}/${villageId}`,
      before: { stars: before.stars, engineStars: before.engineStars },
      after: { stars, reason },
    });
  });
}

/** The town committee's own assessment score, entered by the department in stage 3. */
export async function setTownScore(ctx: Ctx, campaignId: string, townId: string, input: ScoreInput) {
  await inTransaction(ctx, async (tx) => {
    const campaign = await editableCampaign(tx, campaignId);
    // Bounded by the standard's own maximum (ownScoreMax), never clamped to it.
    const scheme = (await campaignStandard(tx, campaign)).townScheme;
    if (!scheme) throw new AppError('results.no_town_scheme');
    const problem = pointsProblem(input, scheme.ownScoreMax);
    if (problem) {
      throw new AppError('results.town_score_out_of_range', { problem, maxPoints: scheme.ownScoreMax, allowed: allowedRangeText(scheme.ownScoreMax), text: pointsRefusalText('镇党委自身得分', input, scheme.ownScoreMax, problem) });
    }
    const score = input as number;
    const town = (await selectAllOrgUnits(tx.db, ctx.principal.countyId, ['/'])).find((u) => u.id === townId && u.level === 'town');
    if (!town) throw new AppError('org.not_found');
    const before = (await selectTownScores(tx.db, ctx.principal.countyId, campaignId)).get(townId) ?? null;
    await upsertTownScore(tx.db, { countyId: ctx.principal.countyId, campaignId, townId, score, enteredBy: ctx.principal.userId, enteredAt: ctx.now() });
    await sealRows(tx, campaignId, 'town_score', [`town_score/${townId}`], { townIds: [townId] });
    await recordAudit(tx, { event: 'score.change', objectType: 'town_score', objectId: `${campaignId}/${townId}`, before: { score: before }, after: { score } });
  });
}
