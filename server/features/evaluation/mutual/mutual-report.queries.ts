import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/core.js';
import { mutualReports } from '../../../db/schema/evaluation-stages.js';
import { keyJoin } from '../../../db/scope.js';

const editor = alias(users, 'editor');
const submitter = alias(users, 'submitter');

const selectReports = (db: Db) =>
  db
    .select({
      townId: mutualReports.townId,
      status: mutualReports.status,
      narrative: mutualReports.narrative,
      findings: mutualReports.findings,
      updatedBy: editor.displayName,
      updatedAt: mutualReports.updatedAt,
      submittedBy: submitter.displayName,
      submittedAt: mutualReports.submittedAt,
    })
    .from(mutualReports)
    .innerJoin(editor, keyJoin(editor, mutualReports.countyId, mutualReports.updatedBy))
    .leftJoin(submitter, keyJoin(submitter, mutualReports.countyId, mutualReports.submittedBy));

export type MutualReportRow = Awaited<ReturnType<typeof selectCampaignReports>>[number];

export async function selectMutualReport(db: Db, countyId: string, campaignId: string, townId: string): Promise<MutualReportRow | undefined> {
  const [row] = await selectReports(db).where(and(eq(mutualReports.countyId, countyId), eq(mutualReports.campaignId, campaignId), eq(mutualReports.townId, townId)));
  return row;
}

export function selectCampaignReports(db: Db, countyId: string, campaignId: string) {
  return selectReports(db).where(and(eq(mutualReports.countyId, countyId), eq(mutualReports.campaignId, campaignId)));
}

export async function upsertMutualReport(db: Db, row: typeof mutualReports.$inferInsert) {
  await db
    .insert(mutualReports)
    .values(row)
    .onConflictDoUpdate({
      target: [mutualReports.countyId, mutualReports.campaignId, mutualReports.townId],
      set: { narrative: row.narrative, findings: row.findings, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}

export async function markReportSubmitted(db: Db, countyId: string, campaignId: string, townId: string, userId: string, at: Date) {
  await db
    .update(mutualReports)
    .set({ status: 'submitted', submittedBy: userId, submittedAt: at })
    .where(and(eq(mutualReports.countyId, countyId), eq(mutualReports.campaignId, campaignId), eq(mutualReports.townId, townId), eq(mutualReports.status, 'draft')));
}
