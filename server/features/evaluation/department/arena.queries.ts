import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/core.js';
import { arenaScores, campaignArenaSettings } from '../../../db/schema/evaluation-stages.js';
import { keyJoin } from '../../../db/scope.js';

export async function selectArenaSetting(db: Db, countyId: string, campaignId: string) {
  const [row] = await db
    .select({ indicatorId: campaignArenaSettings.indicatorId })
    .from(campaignArenaSettings)
    .where(and(eq(campaignArenaSettings.countyId, countyId), eq(campaignArenaSettings.campaignId, campaignId)));
  return row;
}

export async function upsertArenaSetting(db: Db, row: typeof campaignArenaSettings.$inferInsert) {
  await db
    .insert(campaignArenaSettings)
    .values(row)
    .onConflictDoUpdate({ target: [campaignArenaSettings.countyId, campaignArenaSettings.campaignId], set: { indicatorId: row.indicatorId ?? null, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
}

/** Every judge's arena score of one village, with the judge's display name. */
export function selectVillageArenaScores(db: Db, countyId: string, campaignId: string, villageId: string) {
  return db
    .select({ judgeUserId: arenaScores.judgeUserId, judgeName: users.displayName, points: arenaScores.points, enteredAt: arenaScores.enteredAt })
    .from(arenaScores)
    .innerJoin(users, keyJoin(users, arenaScores.countyId, arenaScores.judgeUserId))
    .where(and(eq(arenaScores.countyId, countyId), eq(arenaScores.campaignId, campaignId), eq(arenaScores.villageId, villageId)))
    .orderBy(asc(users.displayName));
}

/** Every arena score of a campaign (lists and completeness checks). */
export function selectCampaignArenaScores(db: Db, countyId: string, campaignId: string) {
  return db
    .select({ villageId: arenaScores.villageId, judgeUserId: arenaScores.judgeUserId, points: arenaScores.points })
    .from(arenaScores)
    .where(and(eq(arenaScores.countyId, countyId), eq(arenaScores.campaignId, campaignId)));
}

export async function upsertArenaScore(db: Db, row: typeof arenaScores.$inferInsert) {
  await db
    .insert(arenaScores)
    .values(row)
    .onConflictDoUpdate({ target: [arenaScores.countyId, arenaScores.campaignId, arenaScores.villageId, arenaScores.judgeUserId], set: { points: row.points, enteredAt: row.enteredAt } });
}

export async function deleteArenaScore(db: Db, countyId: string, campaignId: string, villageId: string, judgeUserId: string) {
  await db
    .delete(arenaScores)
    .where(and(eq(arenaScores.countyId, countyId), eq(arenaScores.campaignId, campaignId), eq(arenaScores.villageId, villageId), eq(arenaScores.judgeUserId, judgeUserId)));
}
