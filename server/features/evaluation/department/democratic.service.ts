// 民主评价 in stage 2: the panel enters the vote counts (优秀 / 良好 / 一般 / 较差) per village. They are
// kept and shown as reference; no standard maps them to points, so nothing here scores them.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { democraticLabels, type DemocraticVotesSave, type VillageDemocratic } from '../../../../shared/contracts/evaluation-stages.js';
import { recordAudit } from '../../audit/audit.service.js';
import { selectDemocraticVotes, upsertDemocraticVotes } from './democratic.queries.js';
import { openStageVillage, openStageVillageForWrite, type StageVillage } from '../stages/stages.access.service.js';
import { isVoteCount, voteKeys, type VoteCounts as Votes } from '../../../../shared/vote-cell.js';

export const votesOf = (v: Votes) => ({ excellent: v.excellent, good: v.good, fair: v.fair, poor: v.poor });

/** Each count a whole number 0..1,000,000; a bad one is named, never rounded or set to 0. */
function checkedVotes(input: DemocraticVotesSave): Votes {
  const bad = voteKeys.filter((k) => !isVoteCount(input[k]));
  if (bad.length > 0) {
    const text = bad.map((k) => `「${democraticLabels[k]}」${String(input[k]).slice(0, 20)} 不是 0 至 1000000 之间的整数`).join('；');
    throw new AppError('democratic.votes_invalid', { fields: bad, text });
  }
  return input as Votes;
}

export async function getDemocratic(ctx: Ctx, campaignId: string, villageId: string): Promise<VillageDemocratic> {
  const { village, access, lockReason } = await openStageVillage(ctx, campaignId, 'department', villageId);
  const [row] = await selectDemocraticVotes(ctx.db, ctx.principal.countyId, campaignId, [villageId]);
  return {
    village: { id: village.id, name: village.name, townName: village.parentName ?? '' },
    votes: row ? { ...votesOf(row), total: row.excellent + row.good + row.fair + row.poor, enteredBy: row.enteredBy, enteredAt: row.enteredAt.toISOString() } : null,
    canEdit: access === 'write' && lockReason === null,
    lockReason,
  };
}

/**
 * Stores checked counts inside the caller's transaction with one audit row before and after;
 * false when they were already the same (nothing written, no row).
 */
export async function writeDemocratic(tx: Ctx, opened: Pick<StageVillage, 'campaign' | 'village'>, votes: Votes): Promise<boolean> {
  const countyId = tx.principal.countyId;
  const campaignId = opened.campaign.id;
  const villageId = opened.village.id;
  const [before] = await selectDemocraticVotes(tx.db, countyId, campaignId, [villageId]);
  if (before && JSON.stringify(votesOf(before)) === JSON.stringify(votesOf(votes))) return false;
  await upsertDemocraticVotes(tx.db, { countyId, campaignId, villageId, orgPath: opened.village.path, ...votesOf(votes), enteredBy: tx.principal.userId, enteredAt: tx.now() });
  await recordAudit(tx, {
    event: 'democratic.save',
    objectType: 'democratic_votes',
    objectId: `${campaignId}/${villageId}`,
    before: before ? votesOf(before) : null,
    after: votesOf(votes),
  });
  return true;
}

export async function saveDemocratic(ctx: Ctx, campaignId: string, villageId: string, input: DemocraticVotesSave): Promise<VillageDemocratic> {
  const votes = checkedVotes(input);
  if (votes.excellent + votes.good + votes.fair + votes.poor === 0) throw new AppError('democratic.empty');
  await inTransaction(ctx, async (tx) => {
    await writeDemocratic(tx, await openStageVillageForWrite(tx, campaignId, 'department', villageId), votes);
  });
  return getDemocratic(ctx, campaignId, villageId);
}
