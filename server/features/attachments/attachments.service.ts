// Attachments on a work item (整改材料 on a rectification task, 销号材料 on a problem). The owning
// feature decides who may read and who may add or remove, and passes a guard that re-checks the
// item's state inside the transaction; this module types the bytes, stores them, keeps the row and
// writes the audit. Removal hides the row; the bytes stay for the record.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type { Attachment } from '../../../shared/contracts/attachments.js';
import { maxEvidenceBytes } from '../../../shared/contracts/evaluation-results.js';
import { checkUpload, sanitizeFileName } from '../../files/file-type.js';
import { discardEvidenceFile, readEvidenceFile, storeEvidenceFile } from '../../files/file-store.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  insertAttachment,
  markAttachmentRemoved,
  selectAttachment,
  selectAttachments,
  type AttachmentOwnerKind,
  type AttachmentRow,
} from './attachments.queries.js';

/** The item files hang on; `base` is the item's files URL, a file's download is `${base}/${id}`. */
export type AttachmentOwner = { kind: AttachmentOwnerKind; id: string; villageId: string; orgPath: string; base: string };
/** Re-checks, inside the write's transaction, that the item still takes changes; throws if not. */
export type AttachmentGuard = (tx: Ctx) => Promise<void>;

export const maxAttachmentsPerItem = 20;

function present(row: AttachmentRow, base: string): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    downloadUrl: `${base}/${row.id}`,
  };
}

const ownerColumns = (owner: AttachmentOwner) =>
  owner.kind === 'rectification' ? { rectificationTaskId: owner.id, problemId: null } : { rectificationTaskId: null, problemId: owner.id };

/** The files of many items of one kind at once (a list page), keyed by item id. */
export async function attachmentsOf(ctx: Ctx, kind: AttachmentOwnerKind, owners: { id: string; base: string }[]): Promise<Map<string, Attachment[]>> {
  const rows = await selectAttachments(ctx.db, ctx.principal.countyId, kind, owners.map((o) => o.id));
  const bases = new Map(owners.map((o) => [o.id, o.base]));
  const byOwner = new Map<string, Attachment[]>(owners.map((o) => [o.id, []]));
  for (const row of rows) {
    const ownerId = (kind === 'rectification' ? row.rectificationTaskId : row.problemId) as string;
    byOwner.get(ownerId)?.push(present(row, bases.get(ownerId) ?? ''));
  }
  return byOwner;
}

export async function addAttachment(ctx: Ctx, owner: AttachmentOwner, fileName: string, body: unknown, guard: AttachmentGuard): Promise<Attachment> {
  const countyId = ctx.principal.countyId;
  const { data, contentType, sha256 } = checkUpload(body, maxEvidenceBytes);
  const id = randomUUID();
  // The bytes go first; if the row does not commit, the orphan file is removed again.
  await storeEvidenceFile(ctx.evidenceDir, countyId, id, data);
  try {
    return await inTransaction(ctx, async (tx) => {
      await guard(tx);
      const existing = await selectAttachments(tx.db, countyId, owner.kind, [owner.id]);
      if (existing.some((f) => f.sha256 === sha256)) throw new AppError('evidence.duplicate');
      if (existing.length >= maxAttachmentsPerItem) throw new AppError('attachment.too_many', { max: maxAttachmentsPerItem });
      const row = {
        id, countyId, ...ownerColumns(owner), villageId: owner.villageId, orgPath: owner.orgPath, fileName: sanitizeFileName(fileName, contentType),
        contentType, sizeBytes: data.length, sha256, uploadedBy: ctx.principal.userId, uploadedAt: ctx.now(),
      };
      await insertAttachment(tx.db, row);
      await recordAudit(tx, {
        event: 'attachment.upload', objectType: 'attachment', objectId: id,
        after: { owner: owner.kind, ownerId: owner.id, villageId: owner.villageId, fileName: row.fileName, contentType, sizeBytes: row.sizeBytes, sha256 },
      });
      return present({ ...row, removedBy: null, removedAt: null, uploadedByName: ctx.principal.displayName }, owner.base);
    });
  } catch (err) {
    await discardEvidenceFile(ctx.evidenceDir, countyId, id);
    throw err;
  }
}

export async function removeAttachment(ctx: Ctx, owner: AttachmentOwner, attachmentId: string, guard: AttachmentGuard): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await guard(tx);
    const row = await selectAttachment(tx.db, ctx.principal.countyId, owner.kind, owner.id, attachmentId);
    if (!row) throw new AppError('evidence.not_found');
    await markAttachmentRemoved(tx.db, ctx.principal.countyId, attachmentId, ctx.principal.userId, ctx.now());
    await recordAudit(tx, {
      event: 'attachment.remove', objectType: 'attachment', objectId: attachmentId,
      before: { owner: owner.kind, ownerId: owner.id, villageId: owner.villageId, fileName: row.fileName, sha256: row.sha256 },
    });
  });
}

/** The bytes for a download; the owner has already checked the caller may read the item. */
export async function attachmentFile(ctx: Ctx, owner: AttachmentOwner, attachmentId: string) {
  const row = await selectAttachment(ctx.db, ctx.principal.countyId, owner.kind, owner.id, attachmentId);
  if (!row) throw new AppError('evidence.not_found');
  return { fileName: row.fileName, contentType: row.contentType, data: await readEvidenceFile(ctx.evidenceDir, row.countyId, row.id) };
}
