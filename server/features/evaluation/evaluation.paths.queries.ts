// A village moved to another town takes every evaluation row along: their org_path follows, so
// one-prefix scoping keeps finding them under the new town.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  arenaScores,
  campaignResults,
  democraticVotes,
  evaluationEvidence,
  mutualSurveys,
  mutualVisits,
  rectificationTasks,
  resultCorrections,
  resultObjections,
  scoreEntries,
  villageReviews,
  violationRecords,
} from '../../db/schema.js';

export async function updateEvaluationPaths(db: Db, countyId: string, villageId: string, orgPath: string): Promise<void> {
  const tables = [
    scoreEntries,
    campaignResults,
    mutualVisits,
    mutualSurveys,
    arenaScores,
    democraticVotes,
    villageReviews,
    rectificationTasks,
    evaluationEvidence,
    violationRecords,
    resultCorrections,
    resultObjections,
  ];
  for (const table of tables) {
    await db.update(table).set({ orgPath }).where(and(eq(table.countyId, countyId), eq(table.villageId, villageId)));
  }
}
