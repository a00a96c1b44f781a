import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/core.js';
import { campaignResults, campaigns, scoreEntries } from '../../../db/schema/evaluation.js';
import { inSubtrees, keyJoin } from '../../../db/scope.js';

/** A village's results in every campaign, newest year first, with how often they were corrected. */
export function selectVillageHistory(db: Db, countyId: string, scope: readonly string[], villageId: string) {
  const corrections = sql<number>`(SELECT count(*)::int FROM result_corrections c WHERE c.campaign_id = ${campaignResults.campaignId} AND c.village_id = ${campaignResults.villageId})`;
  return db
    .select({
      campaignId: campaigns.id,
      year: campaigns.year,
      campaignName: campaigns.name,
      campaignStatus: campaigns.status,
      score: campaignResults.score,
      stars: campaignResults.stars,
      engineStars: campaignResults.engineStars,
      rankInTown: campaignResults.rankInTown,
      rankInCity: campaignResults.rankInCity,
      vetoed: campaignResults.vetoed,
      overrideReason: campaignResults.overrideReason,
      corrections,
    })
    .from(campaignResults)
    .innerJoin(campaigns, keyJoin(campaigns, campaignResults.countyId, campaignResults.campaignId))
    .where(and(eq(campaignResults.countyId, countyId), inSubtrees(campaignResults.orgPath, scope), eq(campaignResults.villageId, villageId)))
    .orderBy(desc(campaigns.year));
}

/** Every score entered for the village in the campaign, all stages, with who entered it. */
export function selectVillageEntries(db: Db, countyId: string, campaignId: string, villageId: string) {
  return db
    .select({ stage: scoreEntries.stage, indicatorId: scoreEntries.indicatorId, points: scoreEntries.points, enteredByName: users.displayName, enteredAt: scoreEntries.enteredAt })
    .from(scoreEntries)
    .innerJoin(users, keyJoin(users, scoreEntries.countyId, scoreEntries.enteredBy))
    .where(and(eq(scoreEntries.countyId, countyId), eq(scoreEntries.campaignId, campaignId), eq(scoreEntries.villageId, villageId)))
    .orderBy(asc(scoreEntries.indicatorId));
}

/** The stored result with the name of whoever confirmed it. */
export async function selectResultWithConfirmer(db: Db, countyId: string, campaignId: string, villageId: string) {
  const [row] = await db
    .select({ result: campaignResults, confirmedByName: users.displayName })
    .from(campaignResults)
    .leftJoin(users, keyJoin(users, campaignResults.countyId, campaignResults.confirmedBy))
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId), eq(campaignResults.villageId, villageId)));
  return row;
}
