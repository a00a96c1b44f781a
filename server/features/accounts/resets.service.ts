// Password resets (SECURITY.md items 3 and 12): the resetter never chooses a password that works.
// A reset issues a one-time password that must be changed at the next login; for a privileged
// account (admin roles and every role holding a second factor) the system administrator only asks,
// and the security or audit administrator approves and receives the one-time password.
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type { Role } from '../../../shared/roles.js';
import type { PasswordResetResult } from '../../../shared/contracts/accounts.js';
import { hashPassword } from '../../security/passwords.js';
import { recordAudit } from '../audit/audit.service.js';
import { clearThrottle, endUserSessions, selectRolesOfUsers } from '../auth/auth.queries.js';
import { canApproveReset, oneTimePassword, resetNeedsApproval } from './accounts.js';
import { listResetRequests, updateUser } from './accounts.queries.js';
import { findUser, presentOne } from './accounts.service.js';

async function rolesOf(ctx: Ctx, userId: string): Promise<Role[]> {
  return (await selectRolesOfUsers(ctx.db, ctx.principal.countyId, [userId])).map((g) => g.role as Role);
}

export async function resetAccountPassword(ctx: Ctx, id: string): Promise<PasswordResetResult> {
  if (id === ctx.principal.userId) throw new AppError('account.cannot_change_self');
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id);
    if (resetNeedsApproval(await rolesOf(tx, id))) {
      if (user.resetRequestedAt) throw new AppError('account.reset_pending');
      await updateUser(tx.db, ctx.principal.countyId, id, {
        resetRequestedBy: ctx.principal.userId,
        resetRequestedByName: ctx.principal.username,
        resetRequestedAt: ctx.now(),
      });
      await recordAudit(tx, { event: 'account.password_reset_requested', objectType: 'user', objectId: id });
      return { status: 'pending', account: await presentOne(tx, id), oneTimePassword: null };
    }
    const password = await issueOneTimePassword(tx, id, null);
    return { status: 'done', account: await presentOne(tx, id), oneTimePassword: password };
  });
}

/** The second person completes a privileged account's reset and is shown the one-time password. */
export async function approvePasswordReset(ctx: Ctx, id: string): Promise<PasswordResetResult> {
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id);
    if (!user.resetRequestedAt) throw new AppError('account.reset_not_requested');
    const approver = { userId: ctx.principal.userId, roles: ctx.principal.roles.map((r) => r.role) };
    if (!canApproveReset(approver, { id, requestedBy: user.resetRequestedBy })) throw new AppError('account.reset_approver_invalid');
    const password = await issueOneTimePassword(tx, id, user.resetRequestedByName);
    return { status: 'done', account: await presentOne(tx, id), oneTimePassword: password };
  });
}

/** A pending request withdrawn or refused by anyone who may ask or approve. */
export async function cancelPasswordReset(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id);
    if (!user.resetRequestedAt) throw new AppError('account.reset_not_requested');
    await updateUser(tx.db, ctx.principal.countyId, id, { resetRequestedBy: null, resetRequestedByName: null, resetRequestedAt: null });
    await recordAudit(tx, { event: 'account.password_reset_cancelled', objectType: 'user', objectId: id, before: { requestedBy: user.resetRequestedByName } });
    return presentOne(tx, id);
  });
}

export async function pendingResetRequests(ctx: Ctx) {
  const rows = await listResetRequests(ctx.db, ctx.principal.countyId);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    requestedBy: r.resetRequestedByName ?? '',
    requestedAt: (r.resetRequestedAt as Date).toISOString(),
  }));
}

async function issueOneTimePassword(tx: Ctx, id: string, requestedBy: string | null): Promise<string> {
  const password = oneTimePassword();
  const now = tx.now();
  const user = await findUser(tx, id);
  await updateUser(tx.db, tx.principal.countyId, id, {
    passwordHash: await hashPassword(password),
    passwordChangedAt: now,
    mustChangePassword: true,
    passwordResetBy: `${tx.principal.displayName}（${tx.principal.username}）${requestedBy ? `，申请人 ${requestedBy}` : ''}`,
    passwordResetAt: now,
    resetRequestedBy: null,
    resetRequestedByName: null,
    resetRequestedAt: null,
  });
  // Whoever held the account's sessions (or its lock) is out: the owner starts again.
  await endUserSessions(tx.db, tx.principal.countyId, id, now);
  await clearThrottle(tx.db, user.username);
  await recordAudit(tx, {
    event: 'account.password_reset',
    objectType: 'user',
    objectId: id,
    after: requestedBy ? { requestedBy, approvedBy: tx.principal.username } : { by: tx.principal.username },
  });
  return password;
}
