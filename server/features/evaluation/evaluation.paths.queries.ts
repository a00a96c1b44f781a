// A village moved to another town takes its stage 1 and 2 records along: their org_path follows.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { arenaScores, democraticVotes, mutualSurveys, mutualVisits, rectificationTasks, villageReviews } from '../../db/schema.js';

export async function updateStageWorkPaths(db: Db, countyId: string, villageId: string, orgPath: string): Promise<void> {
  for (const table of [mutualVisits, mutualSurveys, arenaScores, democraticVotes, villageReviews, rectificationTasks]) {
    await db.update(table).set({ orgPath }).where(and(eq(table.countyId, countyId), eq(table.villageId, villageId)));
  }
}
