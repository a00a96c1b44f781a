// 生成定星建议's reads in pieces and its writes through staging (migration 0024): each statement
// here handles one chunk of villages, so that on PGlite (one statement at a time, on the server's
// thread) none holds the server for more than a few tens of milliseconds.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { selectRows } from '../../../db/rows.js';
import { campaignResults, campaignTownResults } from '../../../db/schema/evaluation.js';
import { recordSeals } from '../../../db/schema/sealed-decisions.js';
import type { StoredSeal } from '../seals/seal.js';

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
    .where(and(eq(recordSeals.countyId, countyId), eq(recordSeals.campaignId, campaignId), eq(recordSeals.kind, 'result'), gt(recordSeals.rowKey, afterKey)))
    .orderBy(recordSeals.rowKey)
    .limit(limit);
}

/** A row of one's own transaction id: staging writes are told apart from anyone else's (see compute.service.ts). */
const xidOf = sql`SELECT pg_current_xact_id()::text AS xid`;

const resultColumns = sql.raw(`id, county_id, campaign_id, village_id, org_path, town_id, score, engine_stars, stars, vetoed, named_stars, rank_in_town, rank_in_city,
  notes, explanation, override_reason, confirmed_by, confirmed_at, computed_at, proposal_change`);
const resultTypes = sql.raw(`id uuid, county_id uuid, campaign_id uuid, village_id uuid, org_path text, town_id uuid, score numeric, engine_stars integer, stars integer,
  vetoed boolean, named_stars jsonb, rank_in_town integer, rank_in_city integer, notes jsonb, explanation jsonb, override_reason text, confirmed_by uuid,
  confirmed_at timestamptz, computed_at timestamptz, proposal_change jsonb`);
const keptColumns = sql.raw('county_id, campaign_id, village_id, figures, satisfaction, last_year_stars, self_scores, kept_at');
const keptTypes = sql.raw('county_id uuid, campaign_id uuid, village_id uuid, figures jsonb, satisfaction jsonb, last_year_stars integer, self_scores jsonb, kept_at timestamptz');

/** Stages one chunk of result rows and kept inputs (JSON text from the worker); answers the statement's transaction id. */
export async function stageChunk(db: Db, runId: string, results: string, kept: string): Promise<string> {
  const [row] = await selectRows<{ xid: string }>(
    db,
    sql`WITH r AS (INSERT INTO campaign_results_staging (run_id, ${resultColumns}) SELECT ${runId}, ${resultColumns} FROM jsonb_to_recordset(${results}::jsonb) AS x(${resultTypes})),
      k AS (INSERT INTO campaign_rating_inputs_staging (run_id, ${keptColumns}) SELECT ${runId}, ${keptColumns} FROM jsonb_to_recordset(${kept}::jsonb) AS x(${keptTypes}))
      ${xidOf}`,
  );
  return row?.xid as string;
}

/** The visible switch (in the caller's transaction): the campaign's results and kept inputs become the staged ones. */
export async function switchToStaged(db: Db, countyId: string, campaignId: string, runId: string): Promise<void> {
  await db.execute(sql`DELETE FROM campaign_results WHERE county_id = ${countyId} AND campaign_id = ${campaignId}`);
  await db.execute(sql`INSERT INTO campaign_results (${resultColumns}) SELECT ${resultColumns} FROM campaign_results_staging WHERE county_id = ${countyId} AND run_id = ${runId}`);
  await db.execute(sql`DELETE FROM campaign_rating_inputs WHERE county_id = ${countyId} AND campaign_id = ${campaignId}`);
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
 * A fingerprint of the campaign's stored decisions and result seals (PostgreSQL's check at the
 * switch that what the snapshot read of them still holds).
 */
export async function decisionsFingerprint(db: Db, countyId: string, campaignId: string): Promise<string> {
  const [row] = await selectRows<{ fp: string }>(
    db,
    sql`SELECT md5(coalesce((SELECT string_agg(concat_ws('|', village_id, score, engine_stars, stars, vetoed, override_reason, confirmed_by, confirmed_at, rank_in_city, rank_in_town, proposal_change::text, notes::text), ',' ORDER BY village_id)
        FROM campaign_results WHERE county_id = ${countyId} AND campaign_id = ${campaignId}), '')
      || coalesce((SELECT string_agg(row_key || '=' || digest, ',' ORDER BY row_key) FROM record_seals WHERE county_id = ${countyId} AND campaign_id = ${campaignId} AND kind = 'result'), '')) AS fp`,
  );
  return row?.fp as string;
}

/** How many result rows the run staged (the switch checks they are all there). */
export async function countStaged(db: Db, countyId: string, runId: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM campaign_results_staging WHERE county_id = ${countyId} AND run_id = ${runId}`);
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
