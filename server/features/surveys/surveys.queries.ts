// SQL of the phone survey: questionnaire, codes, answers, closed villages. Every query names the
// county (the public lookup by code hash, which cannot, is in public.queries.ts).
import { and, asc, count, eq, inArray, isNotNull, isNull, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { surveyCodes, surveyQuestionnaires, surveyResponses, surveyVillageClosures, surveyVillageTallies, type SurveyChoice, type SurveyTopic } from '../../db/schema/surveys.js';
import { campaignRatingInputs } from '../../db/schema/sealed-decisions.js';
import { campaignResults } from '../../db/schema/evaluation.js';

export async function selectQuestionnaire(db: Db, countyId: string, campaignId: string): Promise<SurveyTopic[] | null> {
  const [row] = await db
    .select({ topics: surveyQuestionnaires.topics })
    .from(surveyQuestionnaires)
    .where(and(eq(surveyQuestionnaires.countyId, countyId), eq(surveyQuestionnaires.campaignId, campaignId)));
  return row?.topics ?? null;
}

export async function upsertQuestionnaire(db: Db, row: typeof surveyQuestionnaires.$inferInsert) {
  await db
    .insert(surveyQuestionnaires)
    .values(row)
    .onConflictDoUpdate({ target: [surveyQuestionnaires.countyId, surveyQuestionnaires.campaignId], set: { topics: row.topics, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
}

export async function nextBatchNo(db: Db, countyId: string, campaignId: string, villageId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${surveyCodes.batchNo}), 0)::int` })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.countyId, countyId), eq(surveyCodes.campaignId, campaignId), eq(surveyCodes.villageId, villageId)));
  return Number(row?.n ?? 0) + 1;
}

export async function insertCodes(db: Db, rows: (typeof surveyCodes.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(surveyCodes).values(rows.slice(i, i + 500));
}

/** Issued / used / revoked per village and batch (never which household used which code). */
export async function selectCodeStats(db: Db, countyId: string, campaignId: string, villageIds: readonly string[]) {
  if (villageIds.length === 0) return [];
  return db
    .select({
      villageId: surveyCodes.villageId,
      batchNo: surveyCodes.batchNo,
      issuedAt: min(surveyCodes.issuedAt),
      issued: count(),
      used: count(surveyCodes.usedAt),
      revoked: count(surveyCodes.revokedAt),
    })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.countyId, countyId), eq(surveyCodes.campaignId, campaignId), inArray(surveyCodes.villageId, [...villageIds])))
    .groupBy(surveyCodes.villageId, surveyCodes.batchNo)
    .orderBy(asc(surveyCodes.batchNo));
}

/**
 * Answers per village and choice, and how many were flagged as one device's many codes: the stored
 * answers, plus the counts kept for villages whose answers the retention rule deleted (the flag
 * count rides on their 'satisfied' row, as the callers sum it per village).
 */
export async function selectAnswerTallies(db: Db, countyId: string, campaignId: string, villageIds?: readonly string[]): Promise<{ villageId: string; choice: SurveyChoice; n: number; flagged: number }[]> {
  const live = await db
    .select({
      villageId: surveyResponses.villageId,
      choice: surveyResponses.satisfaction,
      n: count(),
      flagged: count(surveyResponses.deviceGroup),
    })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.countyId, countyId), eq(surveyResponses.campaignId, campaignId), villageIds ? inArray(surveyResponses.villageId, [...villageIds]) : undefined))
    .groupBy(surveyResponses.villageId, surveyResponses.satisfaction);
  const kept = await selectKeptTallies(db, countyId, campaignId, villageIds);
  return [
    ...live,
    ...kept.flatMap((k) =>
      [
        { villageId: k.villageId, choice: 'satisfied' as const, n: k.satisfied, flagged: k.flagged },
        { villageId: k.villageId, choice: 'basically_satisfied' as const, n: k.basicallySatisfied, flagged: 0 },
        { villageId: k.villageId, choice: 'unsatisfied' as const, n: k.unsatisfied, flagged: 0 },
      ].filter((r) => r.n > 0 || r.flagged > 0),
    ),
  ];
}

/** The per-village counts kept when the campaign's answers were deleted (none before that); all villages or `villageIds`. */
export async function selectKeptTallies(db: Db, countyId: string, campaignId: string, villageIds?: readonly string[]) {
  return db
    .select({
      villageId: surveyVillageTallies.villageId,
      satisfied: surveyVillageTallies.satisfied,
      basicallySatisfied: surveyVillageTallies.basicallySatisfied,
      unsatisfied: surveyVillageTallies.unsatisfied,
      flagged: surveyVillageTallies.flagged,
      unusedCodes: surveyVillageTallies.unusedCodes,
      revokedCodes: surveyVillageTallies.revokedCodes,
    })
    .from(surveyVillageTallies)
    .where(and(eq(surveyVillageTallies.countyId, countyId), eq(surveyVillageTallies.campaignId, campaignId), villageIds ? inArray(surveyVillageTallies.villageId, [...villageIds]) : undefined));
}

export async function selectClosedVillages(db: Db, countyId: string, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .select({ villageId: surveyVillageClosures.villageId })
    .from(surveyVillageClosures)
    .where(and(eq(surveyVillageClosures.countyId, countyId), eq(surveyVillageClosures.campaignId, campaignId)));
  return new Set(rows.map((r) => r.villageId));
}

/** The village's closure (who closed it, when), or null while its survey is open. */
export async function selectClosure(db: Db, countyId: string, campaignId: string, villageId: string) {
  const [row] = await db
    .select({ closedBy: surveyVillageClosures.closedBy, closedAt: surveyVillageClosures.closedAt })
    .from(surveyVillageClosures)
    .where(and(eq(surveyVillageClosures.countyId, countyId), eq(surveyVillageClosures.campaignId, campaignId), eq(surveyVillageClosures.villageId, villageId)));
  return row ?? null;
}

/** True when this call reopened it; false when it was open already. */
export async function deleteClosure(db: Db, countyId: string, campaignId: string, villageId: string): Promise<boolean> {
  const done = await db
    .delete(surveyVillageClosures)
    .where(and(eq(surveyVillageClosures.countyId, countyId), eq(surveyVillageClosures.campaignId, campaignId), eq(surveyVillageClosures.villageId, villageId)))
    .returning({ villageId: surveyVillageClosures.villageId });
  return done.length === 1;
}

/** True once a computation rated the campaign (it kept its inputs or stored results). */
export async function campaignWasRated(db: Db, countyId: string, campaignId: string): Promise<boolean> {
  const [kept] = await db
    .select({ id: campaignRatingInputs.id })
    .from(campaignRatingInputs)
    .where(and(eq(campaignRatingInputs.countyId, countyId), eq(campaignRatingInputs.campaignId, campaignId)))
    .limit(1);
  if (kept) return true;
  const [result] = await db
    .select({ id: campaignResults.id })
    .from(campaignResults)
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId)))
    .limit(1);
  return result !== undefined;
}

/** True when this call closed it; false when it was closed already. */
export async function insertClosure(db: Db, row: typeof surveyVillageClosures.$inferInsert): Promise<boolean> {
  const done = await db.insert(surveyVillageClosures).values(row).onConflictDoNothing().returning({ villageId: surveyVillageClosures.villageId });
  return done.length === 1;
}

const unusedOf = (countyId: string, campaignId: string, villageId: string) =>
  and(eq(surveyCodes.countyId, countyId), eq(surveyCodes.campaignId, campaignId), eq(surveyCodes.villageId, villageId), isNull(surveyCodes.usedAt), isNull(surveyCodes.revokedAt));

/** Revokes the village's unused codes among the hashes or of a batch; returns how many. */
export async function revokeUnused(db: Db, countyId: string, campaignId: string, villageId: string, which: { hashes: string[] } | { batchNo: number }, by: string, at: Date) {
  const match = 'hashes' in which ? inArray(surveyCodes.codeHash, which.hashes) : eq(surveyCodes.batchNo, which.batchNo);
  const rows = await db
    .update(surveyCodes)
    .set({ revokedAt: at, revokedBy: by })
    .where(and(unusedOf(countyId, campaignId, villageId), match))
    .returning({ id: surveyCodes.id });
  return rows.length;
}

/** The village's codes among these hashes, whatever their state (to tell used from unknown). */
export async function countCodesByHash(db: Db, countyId: string, campaignId: string, villageId: string, hashes: string[]) {
  const [row] = await db
    .select({ n: count(), used: count(surveyCodes.usedAt), revoked: count(surveyCodes.revokedAt) })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.countyId, countyId), eq(surveyCodes.campaignId, campaignId), eq(surveyCodes.villageId, villageId), inArray(surveyCodes.codeHash, hashes)));
  return { n: Number(row?.n ?? 0), used: Number(row?.used ?? 0), revoked: Number(row?.revoked ?? 0) };
}

// ---------------------------------------------------------------------------------------------
// The public path (the card lookup and the write are in public.queries.ts)

/** Marks answers as coming from one device that submitted many codes (the group id is random). */
export async function flagResponses(db: Db, countyId: string, ids: string[], deviceGroup: string) {
  if (ids.length === 0) return;
  await db
    .update(surveyResponses)
    .set({ deviceGroup })
    .where(and(eq(surveyResponses.countyId, countyId), inArray(surveyResponses.id, ids)));
}

/** Count of answers with a device flag (tests and the progress page). */
export async function countFlagged(db: Db, countyId: string, campaignId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.countyId, countyId), eq(surveyResponses.campaignId, campaignId), isNotNull(surveyResponses.deviceGroup)));
  return Number(row?.n ?? 0);
}
