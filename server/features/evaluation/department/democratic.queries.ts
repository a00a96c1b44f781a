import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/core.js';
import { democraticVotes } from '../../../db/schema/evaluation-stages.js';
import { keyJoin } from '../../../db/scope.js';

export function selectDemocraticVotes(db: Db, countyId: string, campaignId: string, villageIds: readonly string[]) {
  if (villageIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      villageId: democraticVotes.villageId,
      excellent: democraticVotes.excellent,
      good: democraticVotes.good,
      fair: democraticVotes.fair,
      poor: democraticVotes.poor,
      enteredBy: users.displayName,
      enteredAt: democraticVotes.enteredAt,
    })
    .from(democraticVotes)
    .innerJoin(users, keyJoin(users, democraticVotes.countyId, democraticVotes.enteredBy))
    .where(and(eq(democraticVotes.countyId, countyId), eq(democraticVotes.campaignId, campaignId), inArray(democraticVotes.villageId, [...villageIds])));
}

export async function upsertDemocraticVotes(db: Db, row: typeof democraticVotes.$inferInsert) {
  await db
    .insert(democraticVotes)
    .values(row)
    .onConflictDoUpdate({
      target: [democraticVotes.countyId, democraticVotes.campaignId, democraticVotes.villageId],
      set: { excellent: row.excellent, good: row.good, fair: row.fair, poor: row.poor, enteredBy: row.enteredBy, enteredAt: row.enteredAt },
    });
}
