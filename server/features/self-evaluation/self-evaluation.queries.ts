import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/core.js';
import { selfEvaluationFiles, selfEvaluations } from '../../db/schema/self-evaluation.js';
import { inSubtrees } from '../../db/scope.js';
import type { SelfEvaluationItems } from '../../../shared/contracts/self-evaluation.js';

const submitter = alias(users, 'submitter');
const reviewer = alias(users, 'reviewer');

const columns = {
  row: selfEvaluations,
  submittedByName: submitter.displayName,
  reviewedByName: reviewer.displayName,
};

export type SelfEvaluationDbRow = typeof selfEvaluations.$inferSelect & { submittedByName: string | null; reviewedByName: string | null };

const flat = (r: { row: typeof selfEvaluations.$inferSelect; submittedByName: string | null; reviewedByName: string | null }): SelfEvaluationDbRow => ({
  ...r.row,
  submittedByName: r.submittedByName,
  reviewedByName: r.reviewedByName,
});

function base(db: Db) {
  return db
    .select(columns)
    .from(selfEvaluations)
    .leftJoin(submitter, and(eq(submitter.countyId, selfEvaluations.countyId), eq(submitter.id, selfEvaluations.submittedBy)))
    .leftJoin(reviewer, and(eq(reviewer.countyId, selfEvaluations.countyId), eq(reviewer.id, selfEvaluations.reviewedBy)));
}

/** The campaign's self-evaluations in the caller's subtrees. */
export async function selectSelfEvaluations(db: Db, countyId: string, scope: readonly string[], campaignId: string): Promise<SelfEvaluationDbRow[]> {
  const rows = await base(db).where(and(eq(selfEvaluations.countyId, countyId), eq(selfEvaluations.campaignId, campaignId), inSubtrees(selfEvaluations.orgPath, scope)));
  return rows.map(flat);
}

export async function selectSelfEvaluation(db: Db, countyId: string, campaignId: string, villageId: string): Promise<SelfEvaluationDbRow | undefined> {
  const [row] = await base(db).where(and(eq(selfEvaluations.countyId, countyId), eq(selfEvaluations.campaignId, campaignId), eq(selfEvaluations.villageId, villageId)));
  return row ? flat(row) : undefined;
}

export async function selectSelfEvaluationById(db: Db, countyId: string, id: string): Promise<SelfEvaluationDbRow | undefined> {
  const [row] = await base(db).where(and(eq(selfEvaluations.countyId, countyId), eq(selfEvaluations.id, id)));
  return row ? flat(row) : undefined;
}

export async function insertSelfEvaluation(db: Db, row: typeof selfEvaluations.$inferInsert): Promise<void> {
  await db.insert(selfEvaluations).values(row);
}

/**
 * Moves the row only if it is still in one of `from` and at `version`; answers the rows changed
 * (0 means someone else moved it first, and nothing was written).
 */
export async function updateSelfEvaluation(
  db: Db,
  countyId: string,
  id: string,
  expected: { from: readonly string[]; version?: number },
  set: Partial<typeof selfEvaluations.$inferInsert>,
): Promise<number> {
  const rows = await db
    .update(selfEvaluations)
    .set(set)
    .where(
      and(
        eq(selfEvaluations.countyId, countyId),
        eq(selfEvaluations.id, id),
        inArray(selfEvaluations.status, [...expected.from] as ('draft' | 'submitted' | 'returned' | 'approved')[]),
        expected.version === undefined ? undefined : eq(selfEvaluations.version, expected.version),
      ),
    )
    .returning({ id: selfEvaluations.id });
  return rows.length;
}

export type SelfEvaluationFileRow = typeof selfEvaluationFiles.$inferSelect & { uploadedByName: string };

const fileColumns = { file: selfEvaluationFiles, uploadedByName: users.displayName };

export async function selectFiles(db: Db, countyId: string, selfEvaluationId: string): Promise<SelfEvaluationFileRow[]> {
  const rows = await db
    .select(fileColumns)
    .from(selfEvaluationFiles)
    .innerJoin(users, and(eq(users.countyId, selfEvaluationFiles.countyId), eq(users.id, selfEvaluationFiles.uploadedBy)))
    .where(and(eq(selfEvaluationFiles.countyId, countyId), eq(selfEvaluationFiles.selfEvaluationId, selfEvaluationId), isNull(selfEvaluationFiles.removedAt)))
    .orderBy(asc(selfEvaluationFiles.uploadedAt), asc(selfEvaluationFiles.id));
  return rows.map((r) => ({ ...r.file, uploadedByName: r.uploadedByName }));
}

export async function selectFile(db: Db, countyId: string, scope: readonly string[], id: string): Promise<SelfEvaluationFileRow | undefined> {
  const [row] = await db
    .select(fileColumns)
    .from(selfEvaluationFiles)
    .innerJoin(users, and(eq(users.countyId, selfEvaluationFiles.countyId), eq(users.id, selfEvaluationFiles.uploadedBy)))
    .where(and(eq(selfEvaluationFiles.countyId, countyId), eq(selfEvaluationFiles.id, id), inSubtrees(selfEvaluationFiles.orgPath, scope), isNull(selfEvaluationFiles.removedAt)));
  return row ? { ...row.file, uploadedByName: row.uploadedByName } : undefined;
}

export async function insertFile(db: Db, row: typeof selfEvaluationFiles.$inferInsert): Promise<void> {
  await db.insert(selfEvaluationFiles).values(row);
}

export async function markFileRemoved(db: Db, countyId: string, id: string, by: string, at: Date): Promise<void> {
  await db
    .update(selfEvaluationFiles)
    .set({ removedBy: by, removedAt: at })
    .where(and(eq(selfEvaluationFiles.countyId, countyId), eq(selfEvaluationFiles.id, id)));
}

/** The campaign's approved self-evaluations: what the self stage of the rating reads. */
export async function selectApprovedSelfEvaluations(db: Db, countyId: string, campaignId: string): Promise<{ villageId: string; items: SelfEvaluationItems }[]> {
  return db
    .select({ villageId: selfEvaluations.villageId, items: selfEvaluations.items })
    .from(selfEvaluations)
    .where(and(eq(selfEvaluations.countyId, countyId), eq(selfEvaluations.campaignId, campaignId), eq(selfEvaluations.status, 'approved')));
}

/** Status of every self-evaluation of the campaign, by village (villages not started are absent). */
export async function selectSelfEvaluationStatuses(db: Db, countyId: string, campaignId: string): Promise<Map<string, 'draft' | 'submitted' | 'returned' | 'approved'>> {
  const rows = await db
    .select({ villageId: selfEvaluations.villageId, status: selfEvaluations.status })
    .from(selfEvaluations)
    .where(and(eq(selfEvaluations.countyId, countyId), eq(selfEvaluations.campaignId, campaignId)));
  return new Map(rows.map((r) => [r.villageId, r.status]));
}
