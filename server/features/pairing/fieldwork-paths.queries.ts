// Field-work rows keep their village's path for one-prefix scoping; a moved village takes them along.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { commitments, fieldworkEvents, householdVisits, keyTasks, leaderVisits, pairings, problems, supervisionFindings, supervisionRecords, visitPhotos } from '../../db/schema/fieldwork.js';

export async function updateFieldworkPaths(db: Db, countyId: string, villageId: string, orgPath: string): Promise<void> {
  for (const table of [pairings, leaderVisits, keyTasks, supervisionRecords, supervisionFindings, commitments, householdVisits, problems]) {
    await db.update(table).set({ orgPath }).where(and(eq(table.countyId, countyId), eq(table.villageId, villageId)));
  }
  const visitIds = db.select({ id: leaderVisits.id }).from(leaderVisits).where(and(eq(leaderVisits.countyId, countyId), eq(leaderVisits.villageId, villageId)));
  await db.update(visitPhotos).set({ orgPath }).where(and(eq(visitPhotos.countyId, countyId), inArray(visitPhotos.visitId, visitIds)));
  const ofVillage = (t: typeof problems | typeof commitments | typeof supervisionFindings | typeof keyTasks) =>
    inArray(fieldworkEvents.objectId, db.select({ id: t.id }).from(t).where(and(eq(t.countyId, countyId), eq(t.villageId, villageId))));
  await db
    .update(fieldworkEvents)
    .set({ orgPath })
    .where(and(eq(fieldworkEvents.countyId, countyId), or(ofVillage(problems), ofVillage(commitments), ofVillage(supervisionFindings), ofVillage(keyTasks))));
}
