// The results page (定星结果 and rankings): the whole ranking in scope for a county's page, or one
// filtered page of it for a province (10,000 villages), with the count only when asked.
import type { Ctx } from '../../../context.js';
import type { CampaignResults, CampaignResultsQuery } from '../../../../shared/contracts/campaigns.js';
import { campaignStandardReadOnly } from '../../campaigns/campaigns.service.js';
import { AppError } from '../../../../shared/errors.js';
import { campaignReadScope } from '../evaluation.policy.js';
import { selectReferralRows } from './results.queries.js';
import { referralStatuses } from './referrals.js';
import { isInScope } from '../../auth/principal.js';
import { anyResultInScope, countResultList, selectCampaignWithResults, type ResultsFilter } from './results-list.queries.js';
import { rankingOrderText } from '../decisions/ranking-order.js';
import { outcomeLabels } from './outcome-labels.js';

export const defaultResultsPageSize = 50;

export async function listResults(ctx: Ctx, campaignId: string, query: CampaignResultsQuery = {}): Promise<CampaignResults> {
  const countyId = ctx.principal.countyId;
  const scope = campaignReadScope(ctx.principal);
  const filter: ResultsFilter = { townId: query.town, search: query.search, stars: query.stars };
  const paged = query.page !== undefined || query.pageSize !== undefined;
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultResultsPageSize;
  // The towns only when wanted: the ranking's pages and filters do not show them, and a
  // province's 200 were most of what a page sent.
  const withTowns = query.towns ?? true;
  // One row past the page says whether another follows, without counting them all. The
  // campaign, the page (with each village's latest correction) and the towns are one statement.
  const read = await selectCampaignWithResults(ctx.db, countyId, campaignId, scope, filter, paged ? { limit: pageSize + 1, offset: (page - 1) * pageSize } : null, withTowns);
  if (!read) throw new AppError('campaign.not_found');
  const { campaign, rows: fetched, towns } = read;
  const rows = paged ? fetched.slice(0, pageSize) : fetched;
  const computed = rows.length > 0 || (await anyResultInScope(ctx.db, countyId, campaignId, scope));
  // Parsed once per version of the standard (standards/standard-cache.service.ts), not on every request.
  const standard = await campaignStandardReadOnly(ctx, campaign);
  const labels = outcomeLabels(standard);
  // Only standards that refer ties have any; the department's pages list them above the ranking.
  // A reader sees a referral only when every tied village is in their scope.
  const referralRows = standard.quotas?.ties === 'refer' && computed ? await selectReferralRows(ctx.db, countyId, campaignId) : [];
  const pathOf = new Map(referralRows.map((r) => [r.villageId, r.orgPath]));
  const referrals = referralStatuses(referralRows).filter((r) => r.villages.every((v) => isInScope(scope, pathOf.get(v.orgUnitId) ?? '')));
  return {
    campaignId,
    status: !computed ? 'none' : campaign.status === 'final' ? 'final' : 'proposed',
    orderedBy: rankingOrderText(standard),
    labelDisplay: labels?.display ?? null,
    villages: rows.map((r) => ({
      orgUnitId: r.villageId,
      name: r.name,
      townName: r.townName,
      score: r.score,
      stars: r.stars,
      label: labels?.labelOf(r.stars) ?? null,
      engineStars: r.engineStars,
      vetoed: r.vetoed,
      overridden: r.overrideReason !== null,
      confirmed: r.confirmed,
      overrideReason: r.overrideReason,
      correction: r.correction ? { starsBefore: r.correction.starsBefore, starsAfter: r.correction.starsAfter, reason: r.correction.reason } : null,
      proposalChange: r.proposalChange,
      rankInTown: r.rankInTown,
      rankInCity: r.rankInCity,
      notes: r.notes,
    })),
    referrals,
    ...(towns
      ? {
          towns: towns
            .filter((t) => scope.some((p) => t.path.startsWith(p) || p.startsWith(t.path)))
            .map((t) => ({ orgUnitId: t.townId, name: t.name, stars: t.stars, ownScore: t.ownScore ?? null })),
        }
      : {}),
    ...(paged
      ? {
          page: {
            page,
            pageSize,
            hasMore: fetched.length > pageSize,
            total: query.count ? await countResultList(ctx.db, countyId, campaignId, scope, filter) : null,
          },
        }
      : {}),
  };
}
