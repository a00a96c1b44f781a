// 生成定星建议's reads in pieces and its writes through staging (migration 0024): each statement
// here handles one chunk of villages, so that on PGlite (one statement at a time, on the server's
// thread) none holds the server for more than a few tens of milliseconds. Staging keeps only the
// rows that differ from the stored ones, so the switch writes what changed, not every village.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { selectRows } from '../../../db/rows.js';
import { orgUnits } from '../../../db/schema/core.js';
import { campaignResults, campaignTownResults } from '../../../db/schema/evaluation.js';
import { recordSeals } from '../../../db/schema/sealed-decisions.js';
import type { StoredSeal } from '../seals/seal.js';
import { campaignGeneration, currentSeals } from '../seals/seals.queries.js';

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The sheet scores of some villages, one JSON text a village: `{stage: {indicator: points}}`,
 * aggregated in SQL (56 × 3 rows a village become one) and not parsed here (the worker does).
 */
export async function selectSheetScoresText(db: Db, countyId: string, campaignId: string, villageIds: readonly string[]): Promise<string> {
  const [row] = await selectRows<{ scores: string | null }>(
    db,
    sql`SELECT json_object_agg(village_id, stages)::text AS scores FROM (
      SELECT village_id, json_object_agg(stage, points) AS stages FROM (
        SELECT village_id, stage, json_object_agg(indicator_id, points) AS points FROM score_entries
        WHERE county_id = ${countyId} AND campaign_id = ${campaignId} AND village_id = ANY(${uuidArray(villageIds)})
        GROUP BY village_id, stage) by_stage
      GROUP BY village_id) by_village`,
  );
  return row?.scores ?? '{}';
}

/**
 * The ids of the county's active towns and villages in the org tree's order (depth, sort order,
 * code: as selectAllOrgUnits lists them), as one comma-separated text: the units themselves are
 * then read by id in chunks.
 */
export async function selectUnitOrder(db: Db, countyId: string): Promise<string[]> {
  const [row] = await selectRows<{ ids: string | null }>(
    db,
    sql`SELECT string_agg(id::text, ',' ORDER BY length(path), sort_order, code) AS ids FROM org_units
      WHERE county_id = ${countyId} AND active AND level IN ('town', 'village')`,
  );
  return row?.ids ? row.ids.split(',') : [];
}

/** Some active towns and villages by id (what the engine's input needs of them). */
export function selectUnitsByIds(db: Db, countyId: string, ids: readonly string[]) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId, path: orgUnits.path, level: orgUnits.level })
    .from(orgUnits)
    .where(and(eq(orgUnits.countyId, countyId), eq(orgUnits.active, true), sql`${orgUnits.id} = ANY(${uuidArray(ids)})`));
}

/** The stored results of some villages: what a recomputation keeps (decisions) and checks (seals). */
export function selectPriorResults(db: Db, countyId: string, campaignId: string, villageIds: readonly string[]) {
  return db
    .select({
      villageId: campaignResults.villageId,
      engineStars: campaignResults.engineStars,
      stars: campaignResults.stars,
      score: campaignResults.score,
      notes: campaignResults.notes,
      overrideReason: campaignResults.overrideReason,
      confirmedAt: campaignResults.confirmedAt,
      confirmedBy: campaignResults.confirmedBy,
      proposalChange: campaignResults.proposalChange,
      vetoed: campaignResults.vetoed,
      rankInCity: campaignResults.rankInCity,
      rankInTown: campaignResults.rankInTown,
    })
    .from(campaignResults)
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId), sql`${campaignResults.villageId} = ANY(${uuidArray(villageIds)})`));
}

/** Every result row's village, to find results of villages no longer rated (a village closed since). */
export async function selectResultVillageIds(db: Db, countyId: string, campaignId: string): Promise<string[]> {
  const rows = await db.select({ id: campaignResults.villageId }).from(campaignResults).where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId)));
  return rows.map((r) => r.id);
}

/** The campaign's result seals after `afterKey`, `limit` at a time in key order (keyset pages). */
export function selectResultSealsPage(db: Db, countyId: string, campaignId: string, afterKey: string, limit: number): Promise<StoredSeal[]> {
  return db
    .select({ rowKey: recordSeals.rowKey, kind: recordSeals.kind, digest: recordSeals.digest })
    .from(recordSeals)
    .where(and(eq(recordSeals.countyId, countyId), eq(recordSeals.campaignId, campaignId), eq(recordSeals.kind, 'result'), currentSeals(countyId, campaignId), gt(recordSeals.rowKey, afterKey)))
    .orderBy(recordSeals.rowKey)
    .limit(limit);
}

const resultColumns = sql.raw(`id, county_id, campaign_id, village_id, org_path, town_id, score, engine_stars, stars, vetoed, named_stars, rank_in_town, rank_in_city,
  notes, explanation, override_reason, confirmed_by, confirmed_at, computed_at, proposal_change`);
const resultTypes = sql.raw(`id uuid, county_id uuid, campaign_id uuid, village_id uuid, org_path text, town_id uuid, score numeric, engine_stars integer, stars integer,
  vetoed boolean, named_stars jsonb, rank_in_town integer, rank_in_city integer, notes jsonb, explanation jsonb, override_reason text, confirmed_by uuid,
  confirmed_at timestamptz, computed_at timestamptz, proposal_change jsonb`);
const keptColumns = sql.raw('county_id, campaign_id, village_id, figures, satisfaction, last_year_stars, self_scores, kept_at');
const keptTypes = sql.raw('county_id uuid, campaign_id uuid, village_id uuid, figures jsonb, satisfaction jsonb, last_year_stars integer, self_scores jsonb, kept_at timestamptz');

// What makes a stored row the same as a computed one: every column but the row's id and its time
// (computed_at, kept_at), which stay as they were when nothing else changed.
const sameResult = sql.raw(`(s.org_path, s.town_id, s.score, s.engine_stars, s.stars, s.vetoed, s.named_stars, s.rank_in_town, s.rank_in_city, s.notes, s.explanation,
    s.override_reason, s.confirmed_by, s.confirmed_at, s.proposal_change)
  IS NOT DISTINCT FROM (x.org_path, x.town_id, x.score, x.engine_stars, x.stars, x.vetoed, x.named_stars, x.rank_in_town, x.rank_in_city, x.notes, x.explanation,
    x.override_reason, x.confirmed_by, x.confirmed_at, x.proposal_change)`);
const sameKept = sql.raw('(s.figures, s.satisfaction, s.last_year_stars, s.self_scores) IS NOT DISTINCT FROM (x.figures, x.satisfaction, x.last_year_stars, x.self_scores)');

/**
 * Stages one chunk of result rows and kept inputs (JSON text from the worker), leaving out those
 * the stored ones already equal; answers the statement's transaction id and how many rows it staged.
 * Comparing here, outside the switch, is sound because the switch only goes ahead on the state
 * these rows were compared with (no other write since the reads on PGlite; on PostgreSQL the
 * fingerprint, which covers every result row's id, the same as at the snapshot).
 */
export async function stageChunk(db: Db, runId: string, results: string, kept: string): Promise<{ xid: string; staged: number }> {
  const [row] = await selectRows<{ xid: string; staged: number }>(
    db,
    sql`WITH r AS (INSERT INTO campaign_results_staging (run_id, ${resultColumns}) SELECT ${runId}, ${resultColumns} FROM jsonb_to_recordset(${results}::jsonb) AS x(${resultTypes})
        WHERE NOT EXISTS (SELECT 1 FROM campaign_results s WHERE s.county_id = x.county_id AND s.campaign_id = x.campaign_id AND s.village_id = x.village_id AND ${sameResult})
        RETURNING 1),
      k AS (INSERT INTO campaign_rating_inputs_staging (run_id, ${keptColumns}) SELECT ${runId}, ${keptColumns} FROM jsonb_to_recordset(${kept}::jsonb) AS x(${keptTypes})
        WHERE NOT EXISTS (SELECT 1 FROM campaign_rating_inputs s WHERE s.county_id = x.county_id AND s.campaign_id = x.campaign_id AND s.village_id = x.village_id AND ${sameKept})
        RETURNING 1)
      SELECT pg_current_xact_id()::text AS xid, ((SELECT count(*) FROM r) + (SELECT count(*) FROM k))::int AS staged`,
  );
  return { xid: row?.xid as string, staged: Number(row?.staged ?? 0) };
}

/**
 * The visible switch (in the caller's transaction): the staged rows replace the stored ones of
 * their villages, and the results of villages no longer rated (`gone`) go, with their kept inputs.
 */
export async function switchToStaged(db: Db, countyId: string, campaignId: string, runId: string, gone: readonly string[]): Promise<void> {
  const replaced = (table: string) =>
    sql`(village_id IN (SELECT village_id FROM ${sql.raw(table)} WHERE county_id = ${countyId} AND run_id = ${runId}) OR village_id = ANY(${uuidArray(gone)}))`;
  await db.execute(sql`DELETE FROM campaign_results WHERE county_id = ${countyId} AND campaign_id = ${campaignId} AND ${replaced('campaign_results_staging')}`);
  await db.execute(sql`INSERT INTO campaign_results (${resultColumns}) SELECT ${resultColumns} FROM campaign_results_staging WHERE county_id = ${countyId} AND run_id = ${runId}`);
  await db.execute(sql`DELETE FROM campaign_rating_inputs WHERE county_id = ${countyId} AND campaign_id = ${campaignId} AND ${replaced('campaign_rating_inputs_staging')}`);
  await db.execute(sql`INSERT INTO campaign_rating_inputs (${keptColumns}) SELECT ${keptColumns} FROM campaign_rating_inputs_staging WHERE county_id = ${countyId} AND run_id = ${runId}`);
}

/** Drops a run's staged rows (after its switch, or when it failed), or every run's of the campaign. */
export async function dropStaged(db: Db, countyId: string, where: { runId: string } | { campaignId: string }): Promise<void> {
  const cond = 'runId' in where ? sql`run_id = ${where.runId}` : sql`campaign_id = ${where.campaignId}`;
  await db.execute(sql`DELETE FROM campaign_results_staging WHERE county_id = ${countyId} AND ${cond}`);
  await db.execute(sql`DELETE FROM campaign_rating_inputs_staging WHERE county_id = ${countyId} AND ${cond}`);
}

/** The next transaction id the database will hand out. */
export async function nextXid(db: Db): Promise<bigint> {
  const [row] = await selectRows<{ x: string }>(db, sql`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`);
  return BigInt(row?.x as string);
}

/**
 * A fingerprint of the campaign's stored decisions, result seals and the row versions of its
 * results and kept inputs (PostgreSQL's check at the switch that what the snapshot read of them
 * still holds: a decision, a seal or another compute's switch in between changes it).
 */
export async function decisionsFingerprint(db: Db, countyId: string, campaignId: string): Promise<string> {
  // The row tables, not their views (a view has no xmin), in the campaign's generation; the
  // generation itself too, so that another compute's switch in between is seen however its rows read.
  const generation = campaignGeneration(countyId, campaignId);
  const [row] = await selectRows<{ fp: string }>(
    db,
    sql`SELECT md5(${generation}::text
      || coalesce((SELECT string_agg(concat_ws('|', village_id, xmin, score, engine_stars, stars, vetoed, override_reason, confirmed_by, confirmed_at, rank_in_city, rank_in_town, proposal_change::text, notes::text), ',' ORDER BY village_id)
        FROM campaign_result_rows WHERE county_id = ${countyId} AND campaign_id = ${campaignId} AND generation = ${generation}), '')
      || coalesce((SELECT string_agg(row_key || '=' || digest, ',' ORDER BY row_key) FROM record_seals s WHERE county_id = ${countyId} AND campaign_id = ${campaignId} AND kind = 'result' AND ${currentSeals(countyId, campaignId, 's')}), '')
      || coalesce((SELECT string_agg(village_id || ':' || xmin::text, ',' ORDER BY village_id) FROM campaign_rating_input_rows WHERE county_id = ${countyId} AND campaign_id = ${campaignId} AND generation = ${generation}), '')) AS fp`,
  );
  return row?.fp as string;
}

/** How many rows (results and kept inputs) the run staged (the switch checks they are all there). */
export async function countStaged(db: Db, countyId: string, runId: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`SELECT ((SELECT count(*) FROM campaign_results_staging WHERE county_id = ${countyId} AND run_id = ${runId})
      + (SELECT count(*) FROM campaign_rating_inputs_staging WHERE county_id = ${countyId} AND run_id = ${runId}))::int AS n`,
  );
  return Number(row?.n ?? 0);
}

/** The towns' stars (a town a row: small enough to write in the switch itself). */
export async function replaceTownResults(db: Db, countyId: string, campaignId: string, towns: readonly { townId: string; stars: number | null; explanation: unknown }[]): Promise<void> {
  await db.delete(campaignTownResults).where(and(eq(campaignTownResults.countyId, countyId), eq(campaignTownResults.campaignId, campaignId)));
  if (towns.length) await db.insert(campaignTownResults).values(towns.map((t) => ({ countyId, campaignId, townId: t.townId, stars: t.stars, explanation: t.explanation })));
}

/**
 * True when each of these transactions (ids as handed out) left a row in sessions or jobs: a
 * session kept alive or a job's status, written in statements of their own, never with the
 * compute's inputs. Any other transaction (or one whose row is gone) counts as a change.
 * Known limit (docs/ARCHITECTURE.md): a transaction that wrote a session or job row and an input
 * in one go would pass; no writer does, and a new one must not.
 */
export async function onlySessionWrites(db: Db, xids: readonly bigint[]): Promise<boolean> {
  const wanted = xids.map((x) => String(x % 4294967296n));
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT x)::int AS n FROM (SELECT xmin::text AS x FROM sessions UNION ALL SELECT xmin::text FROM jobs) w WHERE x = ANY(${`{${wanted.join(',')}}`}::text[])`,
  );
  return Number(row?.n ?? 0) === new Set(wanted).size;
}

// A first compute (a campaign without results) writes its rows, kept inputs and seals beforehand
// under a generation of its own, invisible (0029), and its switch moves the campaign to it: one
// UPDATE instead of 10,000 rows and 80,000 seals written while PGlite waits.

/** A generation number not used before, and the transaction id the sequence took, if it took one. */
export async function newGeneration(db: Db): Promise<{ generation: number; xid: string | null }> {
  const [row] = await selectRows<{ g: string; xid: string | null }>(db, sql`SELECT nextval('result_generations')::text AS g, pg_current_xact_id_if_assigned()::text AS xid`);
  return { generation: Number(row?.g), xid: row?.xid ?? null };
}

/**
 * Writes one chunk of result rows, kept inputs (JSON text from the worker) and result seals under
 * `generation`, in one statement; answers its transaction id.
 */
export async function writeGenerationChunk(
  db: Db,
  at: { countyId: string; campaignId: string; generation: number; sealedAt: Date },
  chunk: { results: string; kept: string; seals: readonly { rowKey: string; digest: string }[] },
): Promise<string> {
  const { countyId, campaignId, generation, sealedAt } = at;
  const seals = JSON.stringify(chunk.seals.map((s) => ({ row_key: s.rowKey, digest: s.digest })));
  const [row] = await selectRows<{ xid: string }>(
    db,
    sql`WITH r AS (INSERT INTO campaign_result_rows (generation, ${resultColumns}) SELECT ${generation}, ${resultColumns} FROM jsonb_to_recordset(${chunk.results}::jsonb) AS x(${resultTypes})),
      k AS (INSERT INTO campaign_rating_input_rows (generation, ${keptColumns}) SELECT ${generation}, ${keptColumns} FROM jsonb_to_recordset(${chunk.kept}::jsonb) AS x(${keptTypes})),
      s AS (INSERT INTO record_seals (county_id, campaign_id, kind, generation, row_key, digest, sealed_at)
        SELECT ${countyId}, ${campaignId}, 'result', ${generation}, x.row_key, x.digest, ${sealedAt} FROM jsonb_to_recordset(${seals}::jsonb) AS x(row_key text, digest text))
      SELECT pg_current_xact_id()::text AS xid`,
  );
  return row?.xid as string;
}

/** The rows a generation holds: results, kept inputs and result seals (the switch checks them). */
export async function countGeneration(db: Db, countyId: string, campaignId: string, generation: number): Promise<{ results: number; kept: number; seals: number }> {
  const where = sql`county_id = ${countyId} AND campaign_id = ${campaignId} AND generation = ${generation}`;
  const [row] = await selectRows<{ results: number; kept: number; seals: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM campaign_result_rows WHERE ${where})::int AS results, (SELECT count(*) FROM campaign_rating_input_rows WHERE ${where})::int AS kept,
      (SELECT count(*) FROM record_seals WHERE ${where} AND kind = 'result')::int AS seals`,
  );
  return { results: Number(row?.results), kept: Number(row?.kept), seals: Number(row?.seals) };
}

/** The switch of a first compute (in the caller's transaction): the campaign's results are now `generation`'s. */
export async function switchGeneration(db: Db, countyId: string, campaignId: string, generation: number): Promise<void> {
  await db.execute(sql`UPDATE campaigns SET results_generation = ${generation} WHERE county_id = ${countyId} AND id = ${campaignId}`);
}

/**
 * Deletes the rows of one generation (a compute that did not switch), or of every generation but
 * the campaign's (`stale`, after a switch: what a crashed compute left, or this compute's own
 * generation if its commit failed after all). Those rows are invisible either way.
 */
export async function dropGenerations(db: Db, countyId: string, campaignId: string, which: { only: number } | 'stale'): Promise<void> {
  const current = campaignGeneration(countyId, campaignId);
  // Two ranges rather than `<>`: each an index range, not a scan of the campaign's 80,000 seals.
  const pick = which === 'stale' ? sql`(generation < ${current} OR generation > ${current})` : sql`generation = ${which.only}`;
  const where = sql`county_id = ${countyId} AND campaign_id = ${campaignId} AND ${pick}`;
  await db.execute(sql`DELETE FROM campaign_result_rows WHERE ${where}`);
  await db.execute(sql`DELETE FROM campaign_rating_input_rows WHERE ${where}`);
  await db.execute(sql`DELETE FROM record_seals WHERE ${where} AND kind = 'result'`);
}
