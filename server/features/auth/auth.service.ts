import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx, Services } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { isStrongPassword } from '../../../shared/password-policy.js';
import type { Me } from '../../../shared/contracts/auth.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../security/passwords.js';
import { cleanLogText, systemCountyId, type Actor } from '../audit/audit.js';
import { recordAudit, recordAuditAs } from '../audit/audit.service.js';
import { isLocked, normalizeUsername, registerFailure, sessionPolicy, sessionState } from './auth.js';
import {
  clearThrottle,
  endSession,
  endUserSessions,
  insertSession,
  saveThrottle,
  selectRolesOfUser,
  selectSession,
  selectThrottle,
  selectUserById,
  selectUserByUsername,
  touchSession,
  updateUserLogin,
  updateUserPassword,
} from './auth.queries.js';
import { permissionsOf, roleSummary, type Principal } from './principal.js';

export type ClientInfo = { ip: string | null; userAgent: string | null; requestId: string | null };

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function login(services: Services, username: string, password: string, client: ClientInfo) {
  const name = normalizeUsername(username);
  const now = services.now();
  const throttle = await selectThrottle(services.db, name);
  const user = await selectUserByUsername(services.db, name);
  const actor: Actor = {
    countyId: user?.countyId ?? systemCountyId,
    userId: user?.id ?? null,
    username: cleanLogText(name),
    role: null,
    ip: client.ip,
    requestId: client.requestId,
  };
  if (isLocked(throttle, now)) {
    await recordAuditAs(services, actor, { event: 'auth.login_failed', outcome: 'failure', after: { reason: 'locked' } });
    throw new AppError('auth.locked');
  }
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !passwordOk || !user.active) {
    await inTransaction(services, async (tx) => {
      const { next, lockedNow } = registerFailure(throttle, now);
      await saveThrottle(tx.db, name, next);
      const reason = !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'disabled';
      await recordAuditAs(tx, actor, { event: 'auth.login_failed', outcome: 'failure', after: { reason } });
      if (lockedNow) {
        await recordAuditAs(tx, actor, { event: 'auth.lockout', outcome: 'success', after: { lockedUntil: next.lockedUntil } });
      }
    });
    throw new AppError('auth.invalid_credentials');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sessionIdOf(token);
  const roles = await selectRolesOfUser(services.db, user.id);
  await inTransaction(services, async (tx) => {
    await clearThrottle(tx.db, name);
    await insertSession(tx.db, {
      id: sessionId,
      countyId: user.countyId,
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 200) ?? null,
    });
    await updateUserLogin(tx.db, user.id, now);
    await recordAuditAs(tx, { ...actor, role: roleSummary({ roles }) }, { event: 'auth.login', objectType: 'user', objectId: user.id });
  });
  const principal: Principal = {
    userId: user.id,
    countyId: user.countyId,
    username: user.username,
    displayName: user.displayName,
    roles,
    sessionId,
    csrfToken,
  };
  return { token, principal };
}

/** Resolves a session cookie to its caller; ends sessions that timed out. */
export async function authenticate(services: Services, token: string): Promise<Principal> {
  const sessionId = sessionIdOf(token);
  const found = await selectSession(services.db, sessionId);
  if (!found) throw new AppError('auth.required');
  const { session, user } = found;
  const now = services.now();
  const state = sessionState(session, now);
  if (state !== 'active') {
    if (state !== 'ended') await endSession(services.db, sessionId, now);
    throw new AppError(state === 'ended' ? 'auth.required' : 'auth.session_expired');
  }
  if (!user.active) throw new AppError('auth.required');
  if (now.getTime() - session.lastSeenAt.getTime() > sessionPolicy.touchEveryMs) {
    await touchSession(services.db, sessionId, now);
  }
  return {
    userId: user.id,
    countyId: user.countyId,
    username: user.username,
    displayName: user.displayName,
    roles: await selectRolesOfUser(services.db, user.id),
    sessionId,
    csrfToken: session.csrfToken,
  };
}

export function csrfMatches(principal: Principal, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(principal.csrfToken);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(ctx: Ctx): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await endSession(tx.db, ctx.principal.sessionId, ctx.now());
    await recordAudit(tx, { event: 'auth.logout', objectType: 'user', objectId: ctx.principal.userId });
  });
}

export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
  const user = await selectUserById(ctx.db, ctx.principal.userId);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('auth.wrong_password');
  if (!isStrongPassword(newPassword)) throw new AppError('password.too_weak');
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, async (tx) => {
    await updateUserPassword(tx.db, user.id, passwordHash, ctx.now());
    // A changed password ends every other session of the account.
    await endUserSessions(tx.db, user.id, ctx.now(), ctx.principal.sessionId);
    await recordAudit(tx, { event: 'auth.password_change', objectType: 'user', objectId: user.id });
  });
}

export function toMe(principal: Principal): Me {
  return {
    id: principal.userId,
    username: principal.username,
    displayName: principal.displayName,
    roles: principal.roles.map(({ role, orgUnitId, orgUnitName, orgLevel }) => ({ role, orgUnitId, orgUnitName, orgLevel })),
    permissions: permissionsOf(principal),
    csrfToken: principal.csrfToken,
  };
}
