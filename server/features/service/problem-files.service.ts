// 销号材料: files the claimer attaches to a problem while working it. The shared attachments module
// stores and audits them; this file decides who reads, who changes, and when they are fixed.
import type { Ctx } from '../../context.js';
import { AppError } from '../../../shared/errors.js';
import type { Attachment } from '../../../shared/contracts/attachments.js';
import { addAttachment, attachmentFile, removeAttachment, type AttachmentOwner } from '../attachments/attachments.service.js';
import { attachRefusal, findProblem, problemFilesBase } from './problems.service.js';
import { touchProblem } from './problems.queries.js';

/** The problem as a file owner, for whoever may read it. */
async function fileOwner(ctx: Ctx, id: string): Promise<AttachmentOwner> {
  const row = await findProblem(ctx, 'fieldwork:read', id);
  return { kind: 'problem', id: row.id, villageId: row.villageId, orgPath: row.orgPath, base: problemFilesBase(row.id) };
}

/**
 * Re-checked inside the write's transaction: the caller may still close the problem and it is not
 * closed yet. The row is touched under its status, so a 销号 racing the upload either comes after
 * the file or the upload is refused.
 */
function attachGuard(id: string) {
  return async (tx: Ctx) => {
    const row = await findProblem(tx, 'service:write', id);
    const refusal = attachRefusal(tx, row);
    if (refusal) throw refusal;
    if ((await touchProblem(tx.db, tx.principal.countyId, id, row.status, tx.now())) === 0) {
      throw new AppError('problem.invalid_transition', { from: row.status, action: 'attach' });
    }
  };
}

export async function uploadProblemFile(ctx: Ctx, id: string, fileName: string, body: unknown): Promise<Attachment> {
  return addAttachment(ctx, await fileOwner(ctx, id), fileName, body, attachGuard(id));
}

export async function removeProblemFile(ctx: Ctx, id: string, fileId: string): Promise<void> {
  await removeAttachment(ctx, await fileOwner(ctx, id), fileId, attachGuard(id));
}

export async function problemFile(ctx: Ctx, id: string, fileId: string) {
  return attachmentFile(ctx, await fileOwner(ctx, id), fileId);
}
