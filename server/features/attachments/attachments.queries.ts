import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/core.js';
import { attachments } from '../../db/schema/attachments.js';

export type AttachmentOwnerKind = 'rectification' | 'problem';
export type AttachmentRow = typeof attachments.$inferSelect & { uploadedByName: string };

const ownerColumn = (kind: AttachmentOwnerKind) => (kind === 'rectification' ? attachments.rectificationTaskId : attachments.problemId);
const columns = { file: attachments, uploadedByName: users.displayName };
const withUploader = and(eq(users.countyId, attachments.countyId), eq(users.id, attachments.uploadedBy));

/** The listed (not removed) files of the given items, oldest first. */
export async function selectAttachments(db: Db, countyId: string, kind: AttachmentOwnerKind, ownerIds: string[]): Promise<AttachmentRow[]> {
  if (ownerIds.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(attachments)
    .innerJoin(users, withUploader)
    .where(and(eq(attachments.countyId, countyId), inArray(ownerColumn(kind), ownerIds), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
  return rows.map((r) => ({ ...r.file, uploadedByName: r.uploadedByName }));
}

export async function selectAttachment(db: Db, countyId: string, kind: AttachmentOwnerKind, ownerId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(attachments)
    .innerJoin(users, withUploader)
    .where(and(eq(attachments.countyId, countyId), eq(attachments.id, id), eq(ownerColumn(kind), ownerId), isNull(attachments.removedAt)));
  return row ? { ...row.file, uploadedByName: row.uploadedByName } : undefined;
}

export async function insertAttachment(db: Db, row: typeof attachments.$inferInsert): Promise<void> {
  await db.insert(attachments).values(row);
}

export async function markAttachmentRemoved(db: Db, countyId: string, id: string, by: string, at: Date): Promise<void> {
  await db.update(attachments).set({ removedBy: by, removedAt: at }).where(and(eq(attachments.countyId, countyId), eq(attachments.id, id)));
}
