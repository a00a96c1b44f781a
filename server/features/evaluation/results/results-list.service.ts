// The results page (定星结果 and rankings): the whole ranking in scope for a county's page, or one
// filtered page of it for a province (10,000 villages), with the count only when asked.
import type { Ctx } from '../../../context.js';
import type { CampaignResults, CampaignResultsQuery } from '../../../../shared/contracts/campaigns.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { campaignReadScope } from '../evaluation.policy.js';
import { selectReferralRows, selectTownScores, selectTownStars } from './results.queries.js';
import { referralStatuses } from './referrals.js';
import { isInScope } from '../../auth/principal.js';
import { anyResultInScope, countResultList, selectResultList, type ResultsFilter } from './results-list.queries.js';
import { selectCorrectionStars } from '../sheets/corrections.queries.js';
import { rankingOrderText } from '../decisions/ranking-order.js';
import { outcomeLabels } from './outcome-labels.js';

export const defaultResultsPageSize = 50;

export async function listResults(ctx: Ctx, campaignId: string, query: CampaignResultsQuery = {}): Promise<CampaignResults> {
  const campaign = await findCampaign(ctx, campaignId);
  const countyId = ctx.principal.countyId;
  const scope = campaignReadScope(ctx.principal);
  const filter: ResultsFilter = { townId: query.town, search: query.search, stars: query.stars };
  const paged = query.page !== undefined || query.pageSize !== undefined;
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultResultsPageSize;
  // One row past the page says whether another follows, without counting them all.
  const fetched = await selectResultList(ctx.db, countyId, campaignId, scope, filter, paged ? { limit: pageSize + 1, offset: (page - 1) * pageSize } : null);
  const rows = paged ? fetched.slice(0, pageSize) : fetched;
  const computed = rows.length > 0 || (await anyResultInScope(ctx.db, countyId, campaignId, scope));
  const ownScores = await selectTownScores(ctx.db, countyId, campaignId);
  // The latest correction of each village (oldest first in the list, so later ones win).
  const corrections = new Map((await selectCorrectionStars(ctx.db, countyId, campaignId, scope)).map((c) => [c.villageId, c]));
  const correctionOf = (villageId: string) => {
    const c = corrections.get(villageId);
    return c ? { starsBefore: c.starsBefore, starsAfter: c.starsAfter, reason: c.reason } : null;
  };
  const towns = (await selectTownStars(ctx.db, countyId, campaignId)).filter((t) => scope.some((p) => t.path.startsWith(p) || p.startsWith(t.path)));
  const standard = await campaignStandard(ctx, campaign);
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
      confirmed: r.confirmedAt !== null,
      overrideReason: r.overrideReason,
      correction: correctionOf(r.villageId),
      proposalChange: r.proposalChange,
      rankInTown: r.rankInTown,
      rankInCity: r.rankInCity,
      notes: r.notes,
    })),
    referrals,
    towns: towns.map((t) => ({ orgUnitId: t.townId, name: t.name, stars: t.stars, ownScore: ownScores.get(t.townId) ?? null })),
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
