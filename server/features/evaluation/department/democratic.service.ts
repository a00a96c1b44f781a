// 民主评价 in stage 2: the panel enters the vote counts (优秀 / 良好 / 一般 / 较差) per village. They are
// kept and shown as reference; no standard maps them to points, so nothing here scores them.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { democraticLabels, type DemocraticVotesSave, type VillageDemocratic } from '../../../../shared/contracts/evaluation-stages.js';
import { recordAudit } from '../../audit/audit.service.js';
import { selectDemocraticVotes, upsertDemocraticVotes } from './democratic.queries.js';
import { openStageVillage, openStageVillageForWrite } from '../stages/stages.access.service.js';

type Votes = { excellent: number; good: number; fair: number; poor: number };
const votesOf = (v: Votes) => ({ excellent: v.excellent, good: v.good, fair: v.fair, poor: v.poor });
const voteKeys = ['excellent', 'good', 'fair', 'poor'] as const;

/** Each count a whole number 0..1,000,000; a bad one is named, never rounded or set to 0. */
function checkedVotes(input: DemocraticVotesSave): Votes {
  const bad = voteKeys.filter((k) => {
    const n = input[k];
    return typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1_000_000;
  });
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

export async function saveDemocratic(ctx: Ctx, campaignId: string, villageId: string, input: DemocraticVotesSave): Promise<VillageDemocratic> {
  const votes = checkedVotes(input);
  if (votes.excellent + votes.good + votes.fair + votes.poor === 0) throw new AppError('democratic.empty');
  await inTransaction(ctx, async (tx) => {
    const { village } = await openStageVillageForWrite(tx, campaignId, 'department', villageId);
    const [before] = await selectDemocraticVotes(tx.db, ctx.principal.countyId, campaignId, [villageId]);
    if (before && JSON.stringify(votesOf(before)) === JSON.stringify(votesOf(votes))) return;
    await upsertDemocraticVotes(tx.db, { countyId: ctx.principal.countyId, campaignId, villageId, orgPath: village.path, ...votesOf(votes), enteredBy: ctx.principal.userId, enteredAt: ctx.now() });
    await recordAudit(tx, {
      event: 'democratic.save',
      objectType: 'democratic_votes',
      objectId: `${campaignId}/${villageId}`,
      before: before ? votesOf(before) : null,
      after: votesOf(votes),
    });
  });
  return getDemocratic(ctx, campaignId, villageId);
}
