// SQL of the answers' retention: the final campaigns that still hold answers or unused codes (all
// counties: the purge runs without a caller), what a purge would delete per village, and the
// deletion itself with the counts kept in survey_village_tallies.
import { and, count, eq, exists, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaigns } from '../../db/schema/evaluation.js';
import { surveyCodes, surveyResponses, surveyVillageTallies } from '../../db/schema/surveys.js';

/** Final campaigns of every county with answers or unanswered codes left. */
export async function selectFinalCampaignsWithSurveyData(db: Db) {
  const answers = db.select({ one: sql`1` }).from(surveyResponses).where(and(eq(surveyResponses.countyId, campaigns.countyId), eq(surveyResponses.campaignId, campaigns.id)));
  const unused = db
    .select({ one: sql`1` })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.countyId, campaigns.countyId), eq(surveyCodes.campaignId, campaigns.id), isNull(surveyCodes.usedAt)));
  return db
    .select({ countyId: campaigns.countyId, id: campaigns.id, name: campaigns.name, year: campaigns.year, status: campaigns.status, noticeEnds: campaigns.noticeEnds, updatedAt: campaigns.updatedAt })
    .from(campaigns)
    .where(and(eq(campaigns.status, 'final'), or(exists(answers), exists(unused))))
    .orderBy(campaigns.year);
}

export type VillageCounts = { villageId: string; satisfied: number; basicallySatisfied: number; unsatisfied: number; flagged: number; unusedCodes: number; revokedCodes: number };

/** Per village: the stored answers by choice and flag, and the codes never answered (unused, revoked). */
export async function selectPurgeCounts(db: Db, countyId: string, campaignId: string): Promise<VillageCounts[]> {
  const answers = await db
    .select({ villageId: surveyResponses.villageId, choice: surveyResponses.satisfaction, n: count(), flagged: count(surveyResponses.deviceGroup) })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.countyId, countyId), eq(surveyResponses.campaignId, campaignId)))
    .groupBy(surveyResponses.villageId, surveyResponses.satisfaction);
  const codes = await db
    .select({ villageId: surveyCodes.villageId, unanswered: count(), revoked: count(surveyCodes.revokedAt) })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.countyId, countyId), eq(surveyCodes.campaignId, campaignId), isNull(surveyCodes.usedAt)))
    .groupBy(surveyCodes.villageId);
  const byVillage = new Map<string, VillageCounts>();
  const of = (villageId: string) => {
    let c = byVillage.get(villageId);
    if (!c) byVillage.set(villageId, (c = { villageId, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, flagged: 0, unusedCodes: 0, revokedCodes: 0 }));
    return c;
  };
  for (const a of answers) {
    const c = of(a.villageId);
    const n = Number(a.n);
    if (a.choice === 'satisfied') c.satisfied += n;
    else if (a.choice === 'basically_satisfied') c.basicallySatisfied += n;
    else c.unsatisfied += n;
    c.flagged += Number(a.flagged);
  }
  for (const k of codes) {
    const c = of(k.villageId);
    c.revokedCodes += Number(k.revoked);
    c.unusedCodes += Number(k.unanswered) - Number(k.revoked);
  }
  return [...byVillage.values()];
}

/** Adds the counts to the village's kept row (a second purge of the same campaign adds to the first). */
export async function addKeptTallies(db: Db, countyId: string, campaignId: string, rows: readonly VillageCounts[], at: Date) {
  for (const r of rows) {
    await db
      .insert(surveyVillageTallies)
      .values({ countyId, campaignId, ...r, purgedAt: at })
      .onConflictDoUpdate({
        target: [surveyVillageTallies.countyId, surveyVillageTallies.campaignId, surveyVillageTallies.villageId],
        set: {
          satisfied: sql`${surveyVillageTallies.satisfied} + ${r.satisfied}`,
          basicallySatisfied: sql`${surveyVillageTallies.basicallySatisfied} + ${r.basicallySatisfied}`,
          unsatisfied: sql`${surveyVillageTallies.unsatisfied} + ${r.unsatisfied}`,
          flagged: sql`${surveyVillageTallies.flagged} + ${r.flagged}`,
          unusedCodes: sql`${surveyVillageTallies.unusedCodes} + ${r.unusedCodes}`,
          revokedCodes: sql`${surveyVillageTallies.revokedCodes} + ${r.revokedCodes}`,
          purgedAt: at,
        },
      });
  }
}

/** Deletes every answer of the campaign and its codes never answered; returns how many of each. */
export async function deleteAnswersAndUnusedCodes(db: Db, countyId: string, campaignId: string): Promise<{ answers: number; codes: number }> {
  const answers = await db
    .delete(surveyResponses)
    .where(and(eq(surveyResponses.countyId, countyId), eq(surveyResponses.campaignId, campaignId)))
    .returning({ id: surveyResponses.id });
  const codes = await db
    .delete(surveyCodes)
    .where(and(eq(surveyCodes.countyId, countyId), eq(surveyCodes.campaignId, campaignId), isNull(surveyCodes.usedAt)))
    .returning({ id: surveyCodes.id });
  return { answers: answers.length, codes: codes.length };
}
