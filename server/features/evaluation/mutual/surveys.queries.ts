import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { orgUnits, users } from '../../../db/schema/core.js';
import { mutualSurveys } from '../../../db/schema/evaluation-stages.js';
import type { SatisfactionInput } from '../../standards/engine/rating-input.js';
import { satisfactionInput } from './surveys.js';
import { keyJoin } from '../../../db/scope.js';

const town = alias(orgUnits, 'town');

const selectSurveyRows = (db: Db) =>
  db
    .select({
      villageId: mutualSurveys.villageId,
      villageName: orgUnits.name,
      townName: sql<string>`coalesce(${town.name}, '')`,
      townId: orgUnits.parentId,
      sampleSize: mutualSurveys.sampleSize,
      satisfied: mutualSurveys.satisfied,
      basicallySatisfied: mutualSurveys.basicallySatisfied,
      unsatisfied: mutualSurveys.unsatisfied,
      surveyDate: mutualSurveys.surveyDate,
      enteredBy: users.displayName,
      enteredAt: mutualSurveys.enteredAt,
    })
    .from(mutualSurveys)
    .innerJoin(orgUnits, keyJoin(orgUnits, mutualSurveys.countyId, mutualSurveys.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId))
    .innerJoin(users, keyJoin(users, mutualSurveys.countyId, mutualSurveys.enteredBy));

export type SurveyRow = Awaited<ReturnType<typeof selectSurveys>>[number];

/** Surveys of the given villages (the ones the caller may open). */
export function selectSurveys(db: Db, countyId: string, campaignId: string, villageIds: readonly string[]) {
  if (villageIds.length === 0) return Promise.resolve([]);
  return selectSurveyRows(db)
    .where(and(eq(mutualSurveys.countyId, countyId), eq(mutualSurveys.campaignId, campaignId), inArray(mutualSurveys.villageId, [...villageIds])))
    .orderBy(asc(town.sortOrder), asc(town.name), asc(orgUnits.sortOrder), asc(orgUnits.name));
}

export async function upsertSurveys(db: Db, rows: (typeof mutualSurveys.$inferInsert)[]) {
  for (const row of rows) {
    await db
      .insert(mutualSurveys)
      .values(row)
      .onConflictDoUpdate({
        target: [mutualSurveys.countyId, mutualSurveys.campaignId, mutualSurveys.villageId],
        set: {
          sampleSize: row.sampleSize,
          satisfied: row.satisfied,
          basicallySatisfied: row.basicallySatisfied,
          unsatisfied: row.unsatisfied,
          surveyDate: row.surveyDate ?? null,
          enteredBy: row.enteredBy,
          enteredAt: row.enteredAt,
        },
      });
  }
}

/** Every survey of a campaign in the engine's input shape: what computeResults passes on. */
export async function selectSatisfactionInputs(db: Db, countyId: string, campaignId: string): Promise<Map<string, SatisfactionInput>> {
  const rows = await db
    .select({
      villageId: mutualSurveys.villageId,
      sampleSize: mutualSurveys.sampleSize,
      satisfied: mutualSurveys.satisfied,
      basicallySatisfied: mutualSurveys.basicallySatisfied,
      unsatisfied: mutualSurveys.unsatisfied,
    })
    .from(mutualSurveys)
    .where(and(eq(mutualSurveys.countyId, countyId), eq(mutualSurveys.campaignId, campaignId)));
  return new Map(rows.map((r) => [r.villageId, satisfactionInput(r)]));
}
