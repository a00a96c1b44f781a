import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { orgUnits } from '../../../db/schema/core.js';
import { campaignResults, campaignTownResults, campaignTownScores, campaigns } from '../../../db/schema/evaluation.js';
import { inSubtrees, keyJoin } from '../../../db/scope.js';
import { perHandle } from '../../../db/prepared.js';
import { resultSealColumns } from '../seals/seal-sources.queries.js';
import { sealsFingerprintSql } from '../seals/seals.queries.js';
import type { ReferralRow, StoredReferral } from './referrals.js';

export type ResultRow = typeof campaignResults.$inferSelect;

export async function countUnconfirmedResults(db: Db, countyId: string, campaignId: string): Promise<number> {
  const [all] = await db.select({ n: count() }).from(campaignResults).where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId)));
  if (Number(all?.n ?? 0) === 0) return -1;
  const [row] = await db
    .select({ n: count() })
    .from(campaignResults)
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId), isNull(campaignResults.confirmedAt)));
  return Number(row?.n ?? 0);
}

export async function replaceResults(db: Db, countyId: string, campaignId: string, villages: (typeof campaignResults.$inferInsert)[], towns: (typeof campaignTownResults.$inferInsert)[]) {
  await db.delete(campaignResults).where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId)));
  await db.delete(campaignTownResults).where(and(eq(campaignTownResults.countyId, countyId), eq(campaignTownResults.campaignId, campaignId)));
  // 21 columns a row: 1,000 rows a statement stay under the 65,535 parameters.
  for (let i = 0; i < villages.length; i += 1000) await db.insert(campaignResults).values(villages.slice(i, i + 1000));
  if (towns.length) await db.insert(campaignTownResults).values(towns);
}

const village = orgUnits;
export async function selectResults(db: Db, countyId: string, campaignId: string, scope: readonly string[]) {
  const town = sql`(SELECT name FROM org_units t WHERE t.county_id = ${campaignResults.countyId} AND t.id = ${campaignResults.townId})`;
  return db
    .select({ result: campaignResults, name: village.name, townName: sql<string>`${town}` })
    .from(campaignResults)
    .innerJoin(village, keyJoin(village, campaignResults.countyId, campaignResults.villageId))
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId), inSubtrees(campaignResults.orgPath, scope)))
    .orderBy(asc(sql`coalesce(${campaignResults.rankInCity}, 1000000)`), asc(village.name));
}

export async function selectTownResults(db: Db, countyId: string, campaignId: string) {
  return db
    .select({ townId: campaignTownResults.townId, stars: campaignTownResults.stars, explanation: campaignTownResults.explanation, name: orgUnits.name, path: orgUnits.path })
    .from(campaignTownResults)
    .innerJoin(orgUnits, keyJoin(orgUnits, campaignTownResults.countyId, campaignTownResults.townId))
    .where(and(eq(campaignTownResults.countyId, countyId), eq(campaignTownResults.campaignId, campaignId)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
}

/** The towns' stars for the ranking pages: no explanation (read where it is shown). */
export async function selectTownStars(db: Db, countyId: string, campaignId: string) {
  return db
    .select({ townId: campaignTownResults.townId, stars: campaignTownResults.stars, name: orgUnits.name, path: orgUnits.path })
    .from(campaignTownResults)
    .innerJoin(orgUnits, keyJoin(orgUnits, campaignTownResults.countyId, campaignTownResults.townId))
    .where(and(eq(campaignTownResults.countyId, countyId), eq(campaignTownResults.campaignId, campaignId)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
}

export async function selectResult(db: Db, countyId: string, campaignId: string, villageId: string) {
  const [row] = await db
    .select()
    .from(campaignResults)
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId), eq(campaignResults.villageId, villageId)));
  return row;
}

export async function updateResult(db: Db, countyId: string, campaignId: string, villageId: string, set: Partial<typeof campaignResults.$inferInsert>) {
  await db
    .update(campaignResults)
    .set(set)
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId), eq(campaignResults.villageId, villageId)));
}

/** Last year's final stars per village (the prerequisite of five stars): every village, or `villageIds` only. */
export async function selectPreviousYearStars(db: Db, countyId: string, year: number, villageIds?: readonly string[]): Promise<Map<string, number | null>> {
  const rows = await db
    .select({ villageId: campaignResults.villageId, stars: campaignResults.stars })
    .from(campaignResults)
    .innerJoin(campaigns, keyJoin(campaigns, campaignResults.countyId, campaignResults.campaignId))
    .where(and(eq(campaignResults.countyId, countyId), eq(campaigns.year, year - 1), eq(campaigns.status, 'final'), villageIds ? inArray(campaignResults.villageId, [...villageIds]) : undefined));
  return new Map(rows.map((r) => [r.villageId, r.stars]));
}

export async function selectTownScores(db: Db, countyId: string, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ townId: campaignTownScores.townId, score: campaignTownScores.score })
    .from(campaignTownScores)
    .where(and(eq(campaignTownScores.countyId, countyId), eq(campaignTownScores.campaignId, campaignId)));
  return new Map(rows.map((r) => [r.townId, r.score]));
}

export async function upsertTownScore(db: Db, row: typeof campaignTownScores.$inferInsert): Promise<void> {
  await db
    .insert(campaignTownScores)
    .values(row)
    .onConflictDoUpdate({ target: [campaignTownScores.countyId, campaignTownScores.campaignId, campaignTownScores.townId], set: { score: row.score, enteredBy: row.enteredBy, enteredAt: row.enteredAt } });
}

/** Every village's stars with its stored referral (quota ties for the department), for the referral checks. */
export async function selectReferralRows(db: Db, countyId: string, campaignId: string): Promise<ReferralRow[]> {
  const town = sql<string | null>`(SELECT name FROM org_units t WHERE t.county_id = ${campaignResults.countyId} AND t.id = ${campaignResults.townId})`;
  return db
    .select({
      villageId: campaignResults.villageId,
      name: orgUnits.name,
      townName: town,
      townId: campaignResults.townId,
      orgPath: campaignResults.orgPath,
      stars: campaignResults.stars,
      engineStars: campaignResults.engineStars,
      vetoed: campaignResults.vetoed,
      overrideReason: campaignResults.overrideReason,
      referral: sql<StoredReferral | null>`${campaignResults.explanation}->'referral'`,
    })
    .from(campaignResults)
    .innerJoin(orgUnits, keyJoin(orgUnits, campaignResults.countyId, campaignResults.villageId))
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId)))
    .orderBy(asc(sql`coalesce(${campaignResults.rankInCity}, 1000000)`), asc(orgUnits.name));
}

const noticeTown = alias(orgUnits, 'notice_town');

/**
 * The public notice's rows: the columns it shows and the sealed columns its seal check reads
 * (never the explanation), in city order, with the fingerprint of the campaign's result seals
 * read in the same statement (one snapshot). A named prepared statement: read on every request.
 */
const noticeRowsStatement = perHandle((db) =>
  db
    .select({
      ...resultSealColumns,
      name: village.name,
      townName: noticeTown.name,
      sealsFingerprint: sealsFingerprintSql(sql.placeholder('countyId'), sql.placeholder('campaignId'), 'result'),
    })
    .from(campaignResults)
    .innerJoin(village, keyJoin(village, campaignResults.countyId, campaignResults.villageId))
    .leftJoin(noticeTown, keyJoin(noticeTown, campaignResults.countyId, campaignResults.townId))
    .where(and(eq(campaignResults.countyId, sql.placeholder('countyId')), eq(campaignResults.campaignId, sql.placeholder('campaignId'))))
    .orderBy(asc(sql`coalesce(${campaignResults.rankInCity}, 1000000)`), asc(village.name))
    .prepare('fivestar_notice_rows'),
);

export async function selectNoticeRows(db: Db, countyId: string, campaignId: string) {
  return noticeRowsStatement(db).execute({ countyId, campaignId });
}
