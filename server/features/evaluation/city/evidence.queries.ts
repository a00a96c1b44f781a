import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/core.js';
import { evaluationEvidence } from '../../../db/schema/evaluation-city.js';
import { inSubtrees, keyJoin } from '../../../db/scope.js';

export type EvidenceRow = typeof evaluationEvidence.$inferSelect & { uploadedByName: string };

const columns = {
  id: evaluationEvidence.id,
  countyId: evaluationEvidence.countyId,
  campaignId: evaluationEvidence.campaignId,
  villageId: evaluationEvidence.villageId,
  orgPath: evaluationEvidence.orgPath,
  indicatorId: evaluationEvidence.indicatorId,
  fileName: evaluationEvidence.fileName,
  contentType: evaluationEvidence.contentType,
  sizeBytes: evaluationEvidence.sizeBytes,
  sha256: evaluationEvidence.sha256,
  uploadedBy: evaluationEvidence.uploadedBy,
  uploadedAt: evaluationEvidence.uploadedAt,
  removedBy: evaluationEvidence.removedBy,
  removedAt: evaluationEvidence.removedAt,
  uploadedByName: users.displayName,
};

/** The village's listed evidence in a campaign (removed files left out), oldest first. */
export function selectVillageEvidence(db: Db, countyId: string, scope: readonly string[], campaignId: string, villageId: string, indicatorId?: string): Promise<EvidenceRow[]> {
  return db
    .select(columns)
    .from(evaluationEvidence)
    .innerJoin(users, keyJoin(users, evaluationEvidence.countyId, evaluationEvidence.uploadedBy))
    .where(
      and(
        eq(evaluationEvidence.countyId, countyId),
        inSubtrees(evaluationEvidence.orgPath, scope),
        eq(evaluationEvidence.campaignId, campaignId),
        eq(evaluationEvidence.villageId, villageId),
        isNull(evaluationEvidence.removedAt),
        indicatorId ? eq(evaluationEvidence.indicatorId, indicatorId) : undefined,
      ),
    )
    .orderBy(asc(evaluationEvidence.uploadedAt), asc(evaluationEvidence.id));
}

export async function selectEvidence(db: Db, countyId: string, scope: readonly string[], id: string): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(evaluationEvidence)
    .innerJoin(users, keyJoin(users, evaluationEvidence.countyId, evaluationEvidence.uploadedBy))
    .where(and(eq(evaluationEvidence.countyId, countyId), inSubtrees(evaluationEvidence.orgPath, scope), eq(evaluationEvidence.id, id), isNull(evaluationEvidence.removedAt)));
  return row;
}

export async function insertEvidence(db: Db, row: typeof evaluationEvidence.$inferInsert): Promise<void> {
  await db.insert(evaluationEvidence).values(row);
}

export async function markEvidenceRemoved(db: Db, countyId: string, id: string, by: string, at: Date): Promise<void> {
  await db
    .update(evaluationEvidence)
    .set({ removedBy: by, removedAt: at })
    .where(and(eq(evaluationEvidence.countyId, countyId), eq(evaluationEvidence.id, id)));
}
