// The ranking as the results page and its filters read it: only the columns shown (never the
// explanation, which is read one village at a time), one page at a time when asked, and the
// count only when asked.
import { and, asc, count, eq, isNull, like, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { genericPlans, type Db } from '../../../db/client.js';
import { orgUnits } from '../../../db/schema/core.js';
import { campaignResults, campaignTownResults, campaignTownScores, campaigns, type ProposalChange } from '../../../db/schema/evaluation.js';
import { standardVersions } from '../../../db/schema/standards.js';
import { campaignColumns, type CampaignRow } from '../../campaigns/campaigns.queries.js';
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

/** A ranking row as the results page shows it. */
export type ResultListRow = {
  villageId: string;
  name: string;
  townName: string;
  score: number;
  stars: number | null;
  engineStars: number | null;
  vetoed: boolean;
  overrideReason: string | null;
  confirmed: boolean;
  proposalChange: ProposalChange | null;
  rankInTown: number | null;
  rankInCity: number | null;
  notes: string[];
  correction: { starsBefore: number | null; starsAfter: number | null; reason: string } | null;
};
// The same fields in this order, as one JSON array per row (see pageOf).
type RowTuple = [string, string, string, number, number | null, number | null, boolean, string | null, boolean, ProposalChange | null, number | null, number | null, string[], ResultListRow['correction']];
export type TownStarsRow = { townId: string; stars: number | null; name: string; path: string; ownScore: number | null };

/**
 * The ranking rows in city order (unranked last, then by name), with each village's latest
 * correction in scope, one JSON array per row with its sort keys; a window when paging.
 */
function pageOf(db: Db, shape: Shape) {
  // The latest correction of the village (in scope): later ones win, as the list read them oldest first.
  const correction = sql`(
    SELECT json_build_object('starsBefore', c.stars_before, 'starsAfter', c.stars_after, 'reason', c.reason)
    FROM result_corrections c
    WHERE c.county_id = ${campaignResults.countyId} AND c.campaign_id = ${campaignResults.campaignId} AND c.village_id = ${campaignResults.villageId}
      AND c.org_path LIKE ANY (${p('prefixes')}::text[])
    ORDER BY c.corrected_at DESC, c.id DESC LIMIT 1)`;
  const row = sql`json_build_array(${campaignResults.villageId}, ${village.name}, ${town.name}, ${campaignResults.score}, ${campaignResults.stars}, ${campaignResults.engineStars},
    ${campaignResults.vetoed}, ${campaignResults.overrideReason}, ${campaignResults.confirmedAt} IS NOT NULL, ${campaignResults.proposalChange},
    ${campaignResults.rankInTown}, ${campaignResults.rankInCity}, ${campaignResults.notes}, ${correction})`;
  const q = db
    .select({
      row: row.as('row'),
      k1: sql`coalesce(${campaignResults.rankInCity}, 1000000)`.as('k1'),
      k2: sql`${village.name}`.as('k2'),
      k3: sql`${campaignResults.villageId}`.as('k3'),
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
  return shape.window ? q.limit(p('limit')).offset(p('offset')) : q;
}

// The towns of the ranking with their stars and the town committees' own scores, in tree order.
function townsOf(db: Db, countyId: SQL | Placeholder, campaignId: SQL | Placeholder) {
  return db
    .select({ townId: campaignTownResults.townId, stars: campaignTownResults.stars, name: orgUnits.name, path: orgUnits.path, ownScore: campaignTownScores.score })
    .from(campaignTownResults)
    .innerJoin(orgUnits, keyJoin(orgUnits, campaignTownResults.countyId, campaignTownResults.townId))
    .leftJoin(
      campaignTownScores,
      and(eq(campaignTownScores.countyId, campaignTownResults.countyId), eq(campaignTownScores.campaignId, campaignTownResults.campaignId), eq(campaignTownScores.townId, campaignTownResults.townId)),
    )
    .where(and(eq(campaignTownResults.countyId, countyId), eq(campaignTownResults.campaignId, campaignId)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
}

/**
 * The campaign, its ranking page and (when asked) its towns in one statement: a results request
 * is one round trip to the database, not three (on a busy server the writes and reads of each
 * statement cost more than the statement itself). The page and the towns come as JSON, in the
 * page's order. One named prepared statement per filter shape (at most 48), built once per
 * database handle: parsed and planned once per connection.
 */
function buildCampaignResults(db: Db, shape: Shape, withTowns: boolean) {
  const page = pageOf(db, shape);
  const towns = withTowns
    ? sql`(SELECT coalesce(json_agg(json_build_array(t.town_id, t.stars, t.name, t.path, t.score) ORDER BY t.sort_order, t.code), '[]')
        FROM (SELECT tr.town_id, tr.stars, o.name, o.path, s.score, o.sort_order, o.code
          FROM campaign_town_results tr
          JOIN org_units o ON o.county_id = tr.county_id AND o.id = tr.town_id
          LEFT JOIN campaign_town_scores s ON s.county_id = tr.county_id AND s.campaign_id = tr.campaign_id AND s.town_id = tr.town_id
          WHERE tr.county_id = ${p('countyId')} AND tr.campaign_id = ${p('campaignId')}) t)`
    : sql`NULL::json`;
  return db
    .select({
      ...campaignColumns,
      rows: sql<RowTuple[]>`(SELECT coalesce(json_agg(p.row ORDER BY p.k1, p.k2, p.k3), '[]') FROM (${page}) p)`,
      towns: sql<[string, number | null, string, string, number | null][] | null>`${towns}`,
    })
    .from(campaigns)
    .innerJoin(standardVersions, keyJoin(standardVersions, campaigns.countyId, campaigns.standardId))
    .where(and(eq(campaigns.countyId, p('countyId')), eq(campaigns.id, p('campaignId'))))
    .prepare(`fivestar_ranking_${shapeName(shape)}${withTowns ? '_with_towns' : ''}`);
}

const campaignResultsStatements = new Map<string, (db: Db) => ReturnType<typeof buildCampaignResults>>();

export type CampaignWithResults = { campaign: CampaignRow; rows: ResultListRow[]; towns: TownStarsRow[] | null };

/** The campaign (undefined when not in the county) with its ranking page in scope and, when asked, its towns. */
export async function selectCampaignWithResults(
  db: Db,
  countyId: string,
  campaignId: string,
  scope: readonly string[],
  f: ResultsFilter,
  window: ResultsWindow,
  withTowns: boolean,
): Promise<CampaignWithResults | undefined> {
  const shape = shapeOf(f, window);
  const name = `${shapeName(shape)}/${withTowns}`;
  let statement = campaignResultsStatements.get(name);
  if (!statement) {
    statement = perHandle((handle) => buildCampaignResults(handle, shape, withTowns));
    campaignResultsStatements.set(name, statement);
  }
  // No scope reads no rows: LIKE ANY of an empty array is false.
  const values: Placeholders = { countyId, campaignId, prefixes: scope.map((s) => `${s}%`) };
  if (shape.town) values.townId = f.townId;
  if (shape.stars === 'value') values.stars = f.stars;
  if (shape.search) values.search = containsText(f.search ?? '');
  if (window) Object.assign(values, window);
  const handle = genericPlans(db);
  const [found] = await statement(handle).execute(values);
  if (!found) return undefined;
  const { rows, towns, ...campaign } = found;
  return {
    campaign: campaign as CampaignRow,
    rows: rows.map(([villageId, name, townName, score, stars, engineStars, vetoed, overrideReason, confirmed, proposalChange, rankInTown, rankInCity, notes, correction]) => ({
      villageId, name, townName, score, stars, engineStars, vetoed, overrideReason, confirmed, proposalChange, rankInTown, rankInCity, notes, correction,
    })),
    towns: towns ? towns.map(([townId, stars, name, path, ownScore]) => ({ townId, stars, name, path, ownScore })) : null,
  };
}

// The towns of the ranking with their stars and the town committees' own scores (the public notice's).
const townsStatement = perHandle((db) => townsOf(db, p('countyId'), p('campaignId')).prepare('fivestar_results_towns'));

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
