// A village moved to another town takes every evaluation row along: their org_path follows, so
// one-prefix scoping keeps finding them under the new town.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaignResults, scoreEntries } from '../../db/schema/evaluation.js';
import { evaluationEvidence, resultCorrections, resultObjections, violationRecords } from '../../db/schema/evaluation-city.js';
import { selfEvaluationFiles, selfEvaluations } from '../../db/schema/self-evaluation.js';
import { arenaScores, democraticVotes, mutualSurveys, mutualVisits, rectificationTasks, villageReviews } from '../../db/schema/evaluation-stages.js';

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
    selfEvaluations,
    selfEvaluationFiles,
  ];
  for (const table of tables) {
    await db.update(table).set({ orgPath }).where(and(eq(table.countyId, countyId), eq(table.villageId, villageId)));
  }
}
