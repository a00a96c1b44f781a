// The ranking as the results page and its filters read it: only the columns shown (never the
// explanation, which is read one village at a time), one page at a time when asked, and the
// count only when asked.
import { and, asc, count, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { orgUnits } from '../../../db/schema/core.js';
import { campaignResults } from '../../../db/schema/evaluation.js';
import { containsText, inSubtrees } from '../../../db/scope.js';

export type ResultsFilter = { townId?: string; search?: string; stars?: number };
export type ResultsWindow = { limit: number; offset: number } | null;

const village = alias(orgUnits, 'village');
const town = alias(orgUnits, 'town');

function whereOf(countyId: string, campaignId: string, scope: readonly string[], f: ResultsFilter): SQL {
  return and(
    eq(campaignResults.countyId, countyId),
    eq(campaignResults.campaignId, campaignId),
    inSubtrees(campaignResults.orgPath, scope),
    f.townId ? eq(campaignResults.townId, f.townId) : undefined,
    f.stars === undefined ? undefined : f.stars === 0 ? isNull(campaignResults.stars) : eq(campaignResults.stars, f.stars),
    f.search ? like(village.name, containsText(f.search)) : undefined,
  ) as SQL;
}

/** The ranking rows in city order (unranked last, then by name); a window when paging. */
export async function selectResultList(db: Db, countyId: string, campaignId: string, scope: readonly string[], f: ResultsFilter, window: ResultsWindow) {
  const q = db
    .select({
      villageId: campaignResults.villageId,
      name: village.name,
      townName: town.name,
      score: campaignResults.score,
      stars: campaignResults.stars,
      engineStars: campaignResults.engineStars,
      vetoed: campaignResults.vetoed,
      overrideReason: campaignResults.overrideReason,
      confirmedAt: campaignResults.confirmedAt,
      proposalChange: campaignResults.proposalChange,
      rankInTown: campaignResults.rankInTown,
      rankInCity: campaignResults.rankInCity,
      notes: campaignResults.notes,
    })
    .from(campaignResults)
    .innerJoin(village, and(eq(village.countyId, campaignResults.countyId), eq(village.id, campaignResults.villageId)))
    .innerJoin(town, and(eq(town.countyId, campaignResults.countyId), eq(town.id, campaignResults.townId)))
    .where(whereOf(countyId, campaignId, scope, f))
    .orderBy(asc(sql`coalesce(${campaignResults.rankInCity}, 1000000)`), asc(village.name), asc(campaignResults.villageId));
  return window ? q.limit(window.limit).offset(window.offset) : q;
}

export async function countResultList(db: Db, countyId: string, campaignId: string, scope: readonly string[], f: ResultsFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(campaignResults)
    .innerJoin(village, and(eq(village.countyId, campaignResults.countyId), eq(village.id, campaignResults.villageId)))
    .where(whereOf(countyId, campaignId, scope, f));
  return Number(row?.n ?? 0);
}

/** Whether the campaign has any result in scope: "not yet computed" is not "no match". */
export async function anyResultInScope(db: Db, countyId: string, campaignId: string, scope: readonly string[]): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(campaignResults)
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId), inSubtrees(campaignResults.orgPath, scope)))
    .limit(1);
  return rows.length > 0;
}
