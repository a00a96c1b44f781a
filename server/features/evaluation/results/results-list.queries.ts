// The ranking as the results page and its filters read it: only the columns shown (never the
// explanation, which is read one village at a time), one page at a time when asked, and the
// count only when asked.
import { and, asc, count, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { orgUnits } from '../../../db/schema/core.js';
import { campaignResults, campaignTownResults, campaignTownScores } from '../../../db/schema/evaluation.js';
import { containsText, inSubtrees, keyJoin } from '../../../db/scope.js';
import { perHandle } from '../../../db/prepared.js';

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

type Placeholders = { countyId: string; campaignId: string; prefixes: string[]; townId?: string; stars?: number; search?: string; limit?: number; offset?: number };
type Shape = { town: boolean; stars: 'none' | 'unrated' | 'value'; search: boolean; window: boolean };

const shapeOf = (f: ResultsFilter, window: ResultsWindow): Shape => ({
  town: Boolean(f.townId),
  stars: f.stars === undefined ? 'none' : f.stars === 0 ? 'unrated' : 'value',
  search: Boolean(f.search),
  window: window !== null,
});
const shapeName = (s: Shape) => `${s.town ? 't' : ''}${s.stars === 'none' ? '' : s.stars === 'unrated' ? 'u' : 's'}${s.search ? 'q' : ''}${s.window ? 'w' : ''}`;
const p = (name: keyof Placeholders) => sql.placeholder(name);

/**
 * The ranking rows in city order (unranked last, then by name), with each village's latest
 * correction in scope; a window when paging. One named prepared statement per filter shape (at
 * most 24), built once per database handle: the page is parsed and planned once per connection.
 */
function buildResultList(db: Db, shape: Shape) {
  // The latest correction of the village (in scope): later ones win, as the list read them oldest first.
  const correction = sql<{ starsBefore: number | null; starsAfter: number | null; reason: string } | null>`(
    SELECT json_build_object('starsBefore', c.stars_before, 'starsAfter', c.stars_after, 'reason', c.reason)
    FROM result_corrections c
    WHERE c.county_id = ${campaignResults.countyId} AND c.campaign_id = ${campaignResults.campaignId} AND c.village_id = ${campaignResults.villageId}
      AND c.org_path LIKE ANY (${p('prefixes')}::text[])
    ORDER BY c.corrected_at DESC, c.id DESC LIMIT 1)`;
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
      correction,
    })
    .from(campaignResults)
    .innerJoin(village, and(eq(village.countyId, campaignResults.countyId), eq(village.id, campaignResults.villageId)))
    .innerJoin(town, and(eq(town.countyId, campaignResults.countyId), eq(town.id, campaignResults.townId)))
    .where(
      and(
        eq(campaignResults.countyId, p('countyId')),
        eq(campaignResults.campaignId, p('campaignId')),
        sql`${campaignResults.orgPath} LIKE ANY (${p('prefixes')}::text[])`,
        shape.town ? eq(campaignResults.townId, p('townId')) : undefined,
        shape.stars === 'none' ? undefined : shape.stars === 'unrated' ? isNull(campaignResults.stars) : eq(campaignResults.stars, p('stars')),
        shape.search ? like(village.name, p('search')) : undefined,
      ),
    )
    .orderBy(asc(sql`coalesce(${campaignResults.rankInCity}, 1000000)`), asc(village.name), asc(campaignResults.villageId));
  return (shape.window ? q.limit(p('limit')).offset(p('offset')) : q).prepare(`fivestar_results_${shapeName(shape)}`);
}

const resultListStatements = new Map<string, (db: Db) => ReturnType<typeof buildResultList>>();

export async function selectResultList(db: Db, countyId: string, campaignId: string, scope: readonly string[], f: ResultsFilter, window: ResultsWindow) {
  if (scope.length === 0) return [];
  const shape = shapeOf(f, window);
  const name = shapeName(shape);
  let statement = resultListStatements.get(name);
  if (!statement) {
    statement = perHandle((handle) => buildResultList(handle, shape));
    resultListStatements.set(name, statement);
  }
  const values: Placeholders = { countyId, campaignId, prefixes: scope.map((s) => `${s}%`) };
  if (shape.town) values.townId = f.townId;
  if (shape.stars === 'value') values.stars = f.stars;
  if (shape.search) values.search = containsText(f.search ?? '');
  if (window) Object.assign(values, window);
  return statement(db).execute(values);
}

// The towns of the ranking with their stars and the town committees' own scores, in tree order.
const townsStatement = perHandle((db) =>
  db
    .select({ townId: campaignTownResults.townId, stars: campaignTownResults.stars, name: orgUnits.name, path: orgUnits.path, ownScore: campaignTownScores.score })
    .from(campaignTownResults)
    .innerJoin(orgUnits, keyJoin(orgUnits, campaignTownResults.countyId, campaignTownResults.townId))
    .leftJoin(
      campaignTownScores,
      and(eq(campaignTownScores.countyId, campaignTownResults.countyId), eq(campaignTownScores.campaignId, campaignTownResults.campaignId), eq(campaignTownScores.townId, campaignTownResults.townId)),
    )
    .where(and(eq(campaignTownResults.countyId, p('countyId')), eq(campaignTownResults.campaignId, p('campaignId'))))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code))
    .prepare('fivestar_results_towns'),
);

export async function selectTownStarsWithScores(db: Db, countyId: string, campaignId: string) {
  return townsStatement(db).execute({ countyId, campaignId });
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
