import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/core.js';
import { scoreEntries } from '../../../db/schema/evaluation.js';
import { keyJoin } from '../../../db/scope.js';

export async function selectSheetEntries(db: Db, countyId: string, campaignId: string, stage: string, villageId: string) {
  return db
    .select({ indicatorId: scoreEntries.indicatorId, points: scoreEntries.points, enteredBy: users.displayName, enteredAt: scoreEntries.enteredAt })
    .from(scoreEntries)
    .innerJoin(users, keyJoin(users, scoreEntries.countyId, scoreEntries.enteredBy))
    .where(and(eq(scoreEntries.countyId, countyId), eq(scoreEntries.campaignId, campaignId), eq(scoreEntries.stage, stage as 'city'), eq(scoreEntries.villageId, villageId)));
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

export async function upsertSheetEntries(
  db: Db,
  rows: { countyId: string; campaignId: string; stage: 'mutual' | 'department' | 'city'; villageId: string; orgPath: string; indicatorId: string; points: number; enteredBy: string; enteredAt: Date }[],
) {
  if (rows.length === 0) return;
  await db
    .insert(scoreEntries)
    .values(rows)
    .onConflictDoUpdate({
      target: [scoreEntries.countyId, scoreEntries.campaignId, scoreEntries.stage, scoreEntries.villageId, scoreEntries.indicatorId],
      set: { points: sqlExcluded('points'), enteredBy: sqlExcluded('entered_by'), enteredAt: sqlExcluded('entered_at') },
    });
}

export async function deleteSheetEntries(db: Db, countyId: string, campaignId: string, stage: string, villageId: string, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return;
  await db
    .delete(scoreEntries)
    .where(
      and(
        eq(scoreEntries.countyId, countyId),
        eq(scoreEntries.campaignId, campaignId),
        eq(scoreEntries.stage, stage as 'city'),
        eq(scoreEntries.villageId, villageId),
        inArray(scoreEntries.indicatorId, indicatorIds),
      ),
    );
}

/** Every entry of a campaign, for the rating. */
export function selectCampaignEntries(db: Db, countyId: string, campaignId: string) {
  return db
    .select({ stage: scoreEntries.stage, villageId: scoreEntries.villageId, indicatorId: scoreEntries.indicatorId, points: scoreEntries.points })
    .from(scoreEntries)
    .where(and(eq(scoreEntries.countyId, countyId), eq(scoreEntries.campaignId, campaignId)));
}

/** Entries per village for a stage, for the sheet list's progress column. */
export async function countEntriesByVillage(db: Db, countyId: string, campaignId: string, stage: string) {
  const rows = await db
    .select({ villageId: scoreEntries.villageId })
    .from(scoreEntries)
    .where(and(eq(scoreEntries.countyId, countyId), eq(scoreEntries.campaignId, campaignId), eq(scoreEntries.stage, stage as 'city')));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.villageId, (counts.get(r.villageId) ?? 0) + 1);
  return counts;
}
