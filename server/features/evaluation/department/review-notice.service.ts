// 部门点评 result per village: the panel writes its comment; once the village's stage-2 scores are
// complete the department publishes the notice posted in the village (在村公示). What was
// published is kept as a snapshot: later changes never alter a posted notice.
import type { Ctx, Services } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { PublicReviewNotice, Review } from '../../../../shared/contracts/evaluation-stages.js';
import { recordAudit } from '../../audit/audit.service.js';
import { isInScope, scopePaths } from '../../auth/principal.js';
import type { OrgRow } from '../../orgs/orgs.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { selectPanels } from '../assignments/assignments.queries.js';
import { campaignArenaIndicator, panelJudgesByVillage } from './arena.service.js';
import { selectCampaignArenaScores } from './arena.queries.js';
import { selectDemocraticVotes } from './democratic.queries.js';
import { selectVillageTaskTitles } from './rectification.queries.js';
import { publishLock, reviewState, type ReviewState } from './review-notice.js';
import { markReviewPublished, selectCampaignReviews, selectPublishedNotice, selectReview, upsertReviewComment } from './review-notice.queries.js';
import { stageIndicators } from '../sheets/sheets.js';
import { selectCampaignEntries } from '../sheets/sheets.queries.js';
import { openStageVillage, openStageVillageForWrite, stageVillages } from '../stages/stages.access.service.js';
import { holdsPersonalNumber, pageOfList } from '../stages/stages.js';
import { sealRows } from '../seals/seals.service.js';

/** Everything the completeness check reads, for every village of the campaign at once. */
async function departmentFacts(ctx: Ctx, campaign: CampaignRow) {
  const countyId = ctx.principal.countyId;
  const standard = await campaignStandard(ctx, campaign);
  const arena = await campaignArenaIndicator(ctx, campaign, standard);
  const points = new Map<string, Map<string, number>>();
  for (const e of await selectCampaignEntries(ctx.db, countyId, campaign.id)) {
    if (e.stage !== 'department') continue;
    const mine = points.get(e.villageId) ?? new Map<string, number>();
    mine.set(e.indicatorId, e.points);
    points.set(e.villageId, mine);
  }
  const arenaJudges = new Map<string, Set<string>>();
  for (const s of await selectCampaignArenaScores(ctx.db, countyId, campaign.id)) {
    arenaJudges.set(s.villageId, (arenaJudges.get(s.villageId) ?? new Set()).add(s.judgeUserId));
  }
  const reviews = new Map((await selectCampaignReviews(ctx.db, countyId, campaign.id)).map((r) => [r.villageId, r]));
  const judges = await panelJudgesByVillage(ctx, campaign.id);
  const indicators = stageIndicators(standard, 'department');
  const stateOf = (villageId: string): ReviewState =>
    reviewState({
      indicators,
      points: points.get(villageId) ?? new Map(),
      arenaIndicatorId: arena?.id ?? null,
      panelJudges: judges.get(villageId) ?? new Set(),
      arenaJudges: arenaJudges.get(villageId) ?? new Set(),
      comment: reviews.get(villageId)?.comment ?? '',
    });
  return { indicators, points, reviews, stateOf };
}

async function panelsOf(ctx: Ctx, campaignId: string, villageId: string) {
  return (await selectPanels(ctx.db, ctx.principal.countyId, campaignId)).filter((p) => p.villageIds.includes(villageId)).map((p) => ({ name: p.name, departments: p.departments }));
}

const manages = (ctx: Ctx, village: Pick<OrgRow, 'path'>) => isInScope(scopePaths(ctx.principal, 'campaign:manage'), village.path);
export const reviewNoticePath = (campaignId: string, villageId: string) => `/m/campaigns/${campaignId}/villages/${villageId}/review`;

export async function getReview(ctx: Ctx, campaignId: string, villageId: string): Promise<Review> {
  const { campaign, village, access, lockReason: stageLock } = await openStageVillage(ctx, campaignId, 'department', villageId);
  const facts = await departmentFacts(ctx, campaign);
  const state = facts.stateOf(villageId);
  const row = facts.reviews.get(villageId);
  const published = row?.publishedAt ? { publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedBy ?? '', publicPath: reviewNoticePath(campaignId, villageId) } : null;
  const lockReason = published ? '点评结果已公示，只读' : stageLock;
  return {
    campaignId,
    village: { id: village.id, name: village.name, townName: village.parentName ?? '' },
    panels: await panelsOf(ctx, campaignId, villageId),
    comment: row?.comment ?? '',
    commentBy: row?.commentBy ?? null,
    commentAt: row?.commentAt?.toISOString() ?? null,
    departmentTotal: state.totalH / 100,
    departmentMax: state.maxH / 100,
    complete: state.complete,
    missing: state.missing,
    canComment: access === 'write' && lockReason === null,
    canPublish: !published && state.complete && manages(ctx, village) && publishLock(campaign.status) === null,
    lockReason,
    published,
  };
}

export async function saveReviewComment(ctx: Ctx, campaignId: string, villageId: string, comment: string): Promise<Review> {
  if (holdsPersonalNumber(comment)) throw new AppError('stage_work.personal_data', { fields: ['comment'] });
  await inTransaction(ctx, async (tx) => {
    const { village } = await openStageVillageForWrite(tx, campaignId, 'department', villageId);
    const before = await selectReview(tx.db, ctx.principal.countyId, campaignId, villageId);
    if (before?.publishedAt) throw new AppError('review.comment_locked');
    if (before?.comment === comment) return;
    await upsertReviewComment(tx.db, { countyId: ctx.principal.countyId, campaignId, villageId, orgPath: village.path, comment, commentBy: ctx.principal.userId, commentAt: ctx.now() });
    await recordAudit(tx, { event: 'review.comment', objectType: 'village_review', objectId: `${campaignId}/${villageId}`, before: { comment: before?.comment ?? '' }, after: { comment } });
  });
  return getReview(ctx, campaignId, villageId);
}

export async function publishReview(ctx: Ctx, campaignId: string, villageId: string): Promise<Review> {
  await inTransaction(ctx, async (tx) => {
    const { campaign, village } = await openStageVillage(tx, campaignId, 'department', villageId);
    if (!manages(tx, village)) throw new AppError('sheet.not_assigned');
    const lock = publishLock(campaign.status);
    if (lock) throw new AppError('stage_work.locked', { reason: lock });
    const facts = await departmentFacts(tx, campaign);
    const row = facts.reviews.get(villageId);
    if (row?.publishedAt) throw new AppError('review.already_published');
    const state = facts.stateOf(villageId);
    if (!state.complete) throw new AppError('review.incomplete', { missing: state.missing });
    const points = facts.points.get(villageId) ?? new Map<string, number>();
    const [votes] = await selectDemocraticVotes(tx.db, ctx.principal.countyId, campaignId, [villageId]);
    const today = chinaDate(ctx.now());
    const snapshot: PublicReviewNotice = {
      campaignName: campaign.name,
      year: campaign.year,
      villageName: village.name,
      townName: village.parentName ?? '',
      panels: await panelsOf(tx, campaignId, villageId),
      comment: row?.comment ?? '',
      departmentTotal: state.totalH / 100,
      departmentMax: state.maxH / 100,
      indicators: facts.indicators.map((i) => ({ dimensionName: i.dimensionName, name: i.name, points: points.get(i.id) ?? null, maxPoints: i.maxPoints })),
      democratic: votes ? { excellent: votes.excellent, good: votes.good, fair: votes.fair, poor: votes.poor } : null,
      rectifications: await selectVillageTaskTitles(tx.db, ctx.principal.countyId, campaignId, villageId),
      publishedDate: today,
    };
    const changed = await markReviewPublished(tx.db, ctx.principal.countyId, campaignId, villageId, ctx.principal.userId, ctx.now(), snapshot);
    if (changed === 0) throw new AppError('review.already_published');
    await sealRows(tx, campaignId, 'notice', [`notice/${villageId}`], { villageIds: [villageId] });
    await recordAudit(tx, {
      event: 'review.publish',
      objectType: 'village_review',
      objectId: `${campaignId}/${villageId}`,
      after: { departmentTotal: snapshot.departmentTotal, publishedDate: today, rectifications: snapshot.rectifications.length },
    });
  });
  return getReview(ctx, campaignId, villageId);
}

/** The stage-2 villages the caller may open, with the review's state. */
export async function listReviews(ctx: Ctx, campaignId: string, page: { page: number; pageSize: number }) {
  const campaign = await findCampaign(ctx, campaignId);
  const villages = await stageVillages(ctx, campaign, 'department');
  const facts = await departmentFacts(ctx, campaign);
  const items = villages.map(({ village: v }) => {
    const state = facts.stateOf(v.id);
    const row = facts.reviews.get(v.id);
    return {
      villageId: v.id,
      villageName: v.name,
      townName: v.parentName ?? '',
      departmentTotal: state.totalH / 100,
      complete: state.complete,
      hasComment: Boolean(row?.comment.trim()),
      publishedAt: row?.publishedAt?.toISOString() ?? null,
    };
  });
  return pageOfList(items, page);
}

/** The public page: only a published notice, as published. */
export async function getPublicReview(services: Services, campaignId: string, villageId: string): Promise<PublicReviewNotice> {
  const notice = await selectPublishedNotice(services.db, campaignId, villageId);
  if (!notice) throw new AppError('review.not_published');
  return notice;
}
