// SQL of the cockpit: stars of every campaign with results, and score entries per village of a stage.
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inSubtrees } from '../../db/scope.js';
import { campaignResults, campaigns, scoreEntries } from '../../db/schema/evaluation.js';

/** Each village's stars and score in each campaign that has results, oldest year first. */
export function selectResultsByYear(db: Db, countyId: string, paths: readonly string[]) {
  return db
    .select({ year: campaigns.year, campaignId: campaigns.id, villageId: campaignResults.villageId, townId: campaignResults.townId, stars: campaignResults.stars, score: campaignResults.score })
    .from(campaignResults)
    .innerJoin(campaigns, and(eq(campaigns.countyId, campaignResults.countyId), eq(campaigns.id, campaignResults.campaignId)))
    .where(and(eq(campaignResults.countyId, countyId), inSubtrees(campaignResults.orgPath, paths)))
    .orderBy(asc(campaigns.year));
}

export async function countEntriesPerVillage(db: Db, countyId: string, campaignId: string, stage: 'mutual' | 'department' | 'city', paths: readonly string[]) {
  const rows = await db
    .select({ villageId: scoreEntries.villageId, n: count() })
    .from(scoreEntries)
    .where(and(eq(scoreEntries.countyId, countyId), eq(scoreEntries.campaignId, campaignId), eq(scoreEntries.stage, stage), inSubtrees(scoreEntries.orgPath, paths)))
    .groupBy(scoreEntries.villageId);
  return new Map(rows.map((r) => [r.villageId, Number(r.n)]));
}
