// 民主评价 in stage 2: the panel enters the vote counts (优秀 / 良好 / 一般 / 较差) per village. They are
// kept and shown as reference; no standard maps them to points, so nothing here scores them.
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type { DemocraticVotesSave, VillageDemocratic } from '../../../shared/contracts/evaluation-stages.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectDemocraticVotes, upsertDemocraticVotes } from './democratic.queries.js';
import { openStageVillage, openStageVillageForWrite } from './stages.access.service.js';

const votesOf = (v: DemocraticVotesSave) => ({ excellent: v.excellent, good: v.good, fair: v.fair, poor: v.poor });

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
  if (input.excellent + input.good + input.fair + input.poor === 0) throw new AppError('democratic.empty');
  await inTransaction(ctx, async (tx) => {
    const { village } = await openStageVillageForWrite(tx, campaignId, 'department', villageId);
    const [before] = await selectDemocraticVotes(tx.db, ctx.principal.countyId, campaignId, [villageId]);
    if (before && JSON.stringify(votesOf(before)) === JSON.stringify(votesOf(input))) return;
    await upsertDemocraticVotes(tx.db, { countyId: ctx.principal.countyId, campaignId, villageId, orgPath: village.path, ...votesOf(input), enteredBy: ctx.principal.userId, enteredAt: ctx.now() });
    await recordAudit(tx, {
      event: 'democratic.save',
      objectType: 'democratic_votes',
      objectId: `${campaignId}/${villageId}`,
      before: before ? votesOf(before) : null,
      after: votesOf(input),
    });
  });
  return getDemocratic(ctx, campaignId, villageId);
}
