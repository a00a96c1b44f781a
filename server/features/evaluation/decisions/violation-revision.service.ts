// 复核: the one way round a binding veto. A decided record (属实 / 不属实) is revised by another
// officer than its registrar, with a written reason that the audit row keeps; the stars follow
// only when the department recomputes (重新生成定星建议), which reports the change.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import type { Violation, ViolationRevise } from '../../../../shared/contracts/evaluation-results.js';
import { recordAudit } from '../../audit/audit.service.js';
import { scopePaths } from '../../auth/principal.js';
import { caseNoOf } from '../city/violations.js';
import { violationSummary } from '../city/violations.service.js';
import { selectViolationRow, updateViolation } from '../city/violations.queries.js';
import { decisionRefusal } from './duties.js';

export async function reviseViolation(ctx: Ctx, id: string, input: ViolationRevise): Promise<Violation> {
  await inTransaction(ctx, async (tx) => {
    const row = await selectViolationRow(tx.db, ctx.principal.countyId, scopePaths(ctx.principal, 'violation:write'), id);
    if (!row) throw new AppError('violation.not_found');
    const r = row.record;
    if (r.status === 'reported' || r.status === input.to) throw new AppError('violation.invalid_transition', { from: r.status, to: input.to });
    const refusal = decisionRefusal(ctx.principal, r);
    if (refusal) throw new AppError(refusal);
    const now = ctx.now();
    await updateViolation(tx.db, ctx.principal.countyId, id, { status: input.to, decisionNoteEnc: ctx.crypto.encrypt(input.reason), decidedBy: ctx.principal.userId, decidedAt: now, updatedAt: now });
    await recordAudit(tx, {
      event: 'violation.revise',
      objectType: 'violation',
      objectId: id,
      before: { caseNo: caseNoOf(r.seq), villageId: r.villageId, category: r.category, status: r.status },
      after: { caseNo: caseNoOf(r.seq), villageId: r.villageId, category: r.category, status: input.to, reason: input.reason },
    });
  });
  return violationSummary(ctx, id);
}
