import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { orgUnits } from '../../../db/schema/core.js';
import { campaignResults } from '../../../db/schema/evaluation.js';
import { inSubtrees, keyJoin } from '../../../db/scope.js';

/**
 * The columns the rankings workbook shows, without the explanations: at 10,000 villages those
 * are most of the bytes of the results and the workbook never shows them.
 */
export async function selectRankingRows(db: Db, countyId: string, campaignId: string, scope: readonly string[]) {
  const r = campaignResults;
  const town = sql<string>`(SELECT name FROM org_units t WHERE t.county_id = ${r.countyId} AND t.id = ${r.townId})`;
  return db
    .select({
      villageId: r.villageId, score: r.score, stars: r.stars, vetoed: r.vetoed, rankInTown: r.rankInTown, rankInCity: r.rankInCity,
      overrideReason: r.overrideReason, notes: r.notes, name: orgUnits.name, townName: town,
    })
    .from(r)
    .innerJoin(orgUnits, keyJoin(orgUnits, r.countyId, r.villageId))
    .where(and(eq(r.countyId, countyId), eq(r.campaignId, campaignId), inSubtrees(r.orgPath, scope)))
    .orderBy(asc(sql`coalesce(${r.rankInCity}, 1000000)`), asc(orgUnits.name));
}
