// Stars after confirmation change only by an audited correction of the 组织部管理员 with a
// written reason: during the public notice (公示期调整, e.g. an objection found to be right) and
// after final (定星后更正, e.g. a later-confirmed violation). The campaign keeps its status; the
// rankings are applied again; every correction stays in the village's history.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import type { Correction, CorrectionCreate } from '../../../../shared/contracts/evaluation-results.js';
import { recordAudit } from '../../audit/audit.service.js';
import { scopePaths } from '../../auth/principal.js';
import { selectOrgUnit } from '../../orgs/orgs.queries.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { lockCampaignRow, type CampaignRow } from '../../campaigns/campaigns.queries.js';
import { campaignReadScope } from '../evaluation.policy.js';
import { selectResult, selectResults, updateResult } from '../results/results.queries.js';
import { rankResults, type RankedRow } from './corrections.js';
import { insertCorrection, selectCorrections, type CorrectionRow } from './corrections.queries.js';
import { assertWithinVetoes } from '../decisions/veto-guard.service.js';
import { assertSealed, sealRows } from '../seals/seals.service.js';

export function presentCorrection(row: CorrectionRow): Correction {
  const c = row.correction;
  return {
    id: c.id,
    campaignId: c.campaignId,
    village: { id: c.villageId, name: row.villageName, townName: row.townName ?? '' },
    phase: c.phase,
    starsBefore: c.starsBefore,
    starsAfter: c.starsAfter,
    reason: c.reason,
    objectionReceiptNo: row.receiptNo,
    correctedByName: row.correctedByName,
    correctedAt: c.correctedAt.toISOString(),
  };
}

type StoredExplanation = { stageScores?: Record<string, number>; dimensionScores?: Record<string, number>; satisfactionRate?: number | null };

/** Applies the standard's ranking keys again to the stored results; updates the rows whose rank moved. */
async function rerank(ctx: Ctx, campaign: CampaignRow): Promise<number> {
  const countyId = ctx.principal.countyId;
  const standard = await campaignStandard(ctx, campaign);
  const rows = await selectResults(ctx.db, countyId, campaign.id, ['/']);
  const ranked: RankedRow[] = rows.map(({ result: r, name }) => {
    const e = (r.explanation ?? {}) as StoredExplanation;
    return { villageId: r.villageId, townId: r.townId, name, stars: r.stars, score: r.score, stageScores: e.stageScores ?? {}, dimensionScores: e.dimensionScores ?? {}, satisfactionRate: e.satisfactionRate ?? null };
  });
  const ranks = rankResults(ranked, standard.ranking.keys);
  let moved = 0;
  for (const { result: r } of rows) {
    const next = ranks.get(r.villageId);
    if (!next || (next.rankInCity === r.rankInCity && next.rankInTown === r.rankInTown)) continue;
    await updateResult(ctx.db, countyId, campaign.id, r.villageId, next);
    moved++;
  }
  return moved;
}

/**
 * Inside the caller's transaction, with the campaign row locked: changes the stars, re-ranks,
 * keeps the correction and writes its audit row. Returns the correction's id.
 */
export async function applyCorrection(tx: Ctx, campaign: CampaignRow, villageId: string, stars: number | null, reason: string, objectionId: string | null): Promise<string> {
  if (campaign.status !== 'notice' && campaign.status !== 'final') throw new AppError('results.correction_not_allowed', { status: campaign.status });
  const countyId = tx.principal.countyId;
  const village = await selectOrgUnit(tx.db, countyId, scopePaths(tx.principal, 'campaign:manage'), villageId);
  if (!village) throw new AppError('org.not_found');
  const before = await selectResult(tx.db, countyId, campaign.id, villageId);
  if (!before) throw new AppError('results.not_computed');
  if (before.stars === stars) throw new AppError('results.correction_no_change', { stars });
  // A confirmed veto binds a correction as it binds 定星: the new stars must lie within it.
  await assertWithinVetoes(tx, campaign, villageId, stars, before);
  // Re-ranking rewrites every village's row: each must be as sealed before it is sealed again.
  await assertSealed(tx, campaign.id, 'result', {});
  await updateResult(tx.db, countyId, campaign.id, villageId, { stars });
  const ranksMoved = await rerank(tx, campaign);
  const id = randomUUID();
  const phase = campaign.status;
  await insertCorrection(tx.db, {
    id, countyId, campaignId: campaign.id, villageId, orgPath: before.orgPath, phase, starsBefore: before.stars, starsAfter: stars, reason, objectionId,
    correctedBy: tx.principal.userId, correctedAt: tx.now(),
  });
  await sealRows(tx, campaign.id, 'result', (await selectResults(tx.db, countyId, campaign.id, ['/'])).map((r) => `result/${r.result.villageId}`), {});
  await sealRows(tx, campaign.id, 'correction', [`correction/${villageId}/${id}`], { villageIds: [villageId] });
  await recordAudit(tx, {
    event: 'results.correct',
    objectType: 'village_result',
    objectId: `${campaign.id}/${villageId}`,
    before: { stars: before.stars, rankInCity: before.rankInCity, rankInTown: before.rankInTown },
    after: { stars, reason, phase, objectionId, correctionId: id, ranksMoved },
  });
  return id;
}

export async function correctStars(ctx: Ctx, campaignId: string, villageId: string, input: CorrectionCreate): Promise<Correction> {
  const id = await inTransaction(ctx, async (tx) => {
    await lockCampaignRow(tx.db, ctx.principal.countyId, campaignId);
    const campaign = await findCampaign(tx, campaignId);
    return applyCorrection(tx, campaign, villageId, input.stars, input.reason, null);
  });
  const { items } = await selectCorrections(ctx.db, ctx.principal.countyId, ['/'], { campaignId, villageId });
  return presentCorrection(items.find((c) => c.correction.id === id) as CorrectionRow);
}

export async function listCorrections(ctx: Ctx, campaignId: string, page: { page: number; pageSize: number }) {
  await findCampaign(ctx, campaignId);
  const rows = await selectCorrections(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), { campaignId }, page);
  return { items: rows.items.map(presentCorrection), total: rows.total };
}

/** A village's corrections, for its history and evaluation page. */
export async function villageCorrections(ctx: Ctx, villageId: string, campaignId?: string): Promise<Correction[]> {
  const rows = await selectCorrections(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), { villageId, campaignId });
  return rows.items.map(presentCorrection);
}
