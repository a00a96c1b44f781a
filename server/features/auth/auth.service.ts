import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx, Services } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { passwordErrorCode, passwordProblem } from '../../../shared/password-policy.js';
import type { Me } from '../../../shared/contracts/auth.js';
import type { Role } from '../../../shared/roles.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../security/passwords.js';
import { cleanLogText, systemCountyId, type Actor } from '../audit/audit.js';
import { recordAudit, recordAuditAs } from '../audit/audit.service.js';
import {
  attemptAllowed,
  defaultSecuritySettings,
  isIdle,
  normalizeUsername,
  pendingStep,
  sessionPolicy,
  sessionState,
  totpRoles,
  type SecuritySettings,
} from './auth.js';
import {
  clearThrottle,
  disableIdleUser,
  endSession,
  endUserSessions,
  insertSession,
  lockIfReached,
  reserveLoginAttempt,
  selectRolesOfUser,
  selectUserById,
  selectUserByUsername,
  touchSession,
  updateUserLogin,
  updateUserPassword,
} from './auth.queries.js';
import { permissionsOf, roleSummary, type Principal } from './principal.js';
import { selectSessionPrincipal } from './session-lookup.queries.js';

export type ClientInfo = { ip: string | null; userAgent: string | null; requestId: string | null };

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const settingsOf = (services: Pick<Services, 'security'>): SecuritySettings => services.security ?? defaultSecuritySettings;

type UserRow = NonNullable<Awaited<ReturnType<typeof selectUserByUsername>>>;

export async function login(services: Services, username: string, password: string, client: ClientInfo) {
  const name = normalizeUsername(username);
  const now = services.now();
  // The ticket is taken before the password is looked at: parallel guesses each count.
  const ticket = await reserveLoginAttempt(services.db, name, now);
  const user = await selectUserByUsername(services.db, name);
  const actor: Actor = {
    countyId: user?.countyId ?? systemCountyId,
    userId: user?.id ?? null,
    username: cleanLogText(name),
    role: null,
    ip: client.ip,
    requestId: client.requestId,
  };
  // The account the attempt was aimed at (none for an unknown name: the typed name is the username).
  const target = { objectType: 'user', objectId: user?.id ?? null };
  if (!attemptAllowed(ticket, now)) {
    // In a transaction: the audit head is row-locked there, and a burst of refusals writes in turn.
    await inTransaction(services, (tx) => recordAuditAs(tx, actor, { event: 'auth.login_failed', outcome: 'failure', ...target, after: { reason: 'locked' } }));
    throw new AppError('auth.locked');
  }
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const idle = !!user && user.active && isIdle(user, settingsOf(services), now);
  if (!user || !passwordOk || !user.active || idle) {
    await inTransaction(services, async (tx) => {
      if (idle && (await disableIdleUser(tx.db, user.countyId, user.id))) {
        await recordAuditAs(tx, actor, idleAudit(user));
      }
      const lockedUntil = await lockIfReached(tx.db, name, now);
      const reason = !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : idle ? 'idle' : 'disabled';
      await recordAuditAs(tx, actor, { event: 'auth.login_failed', outcome: 'failure', ...target, after: { reason } });
      if (lockedUntil) await recordAuditAs(tx, actor, { event: 'auth.lockout', outcome: 'success', ...target, after: { lockedUntil } });
    });
    throw new AppError('auth.invalid_credentials');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sessionIdOf(token);
  const roles = await selectRolesOfUser(services.db, user.countyId, user.id);
  const totpEnabled = !!user.totpEnabledAt;
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
      // An enrolled second factor is always asked for, whatever the setting.
      secondFactorPending: totpEnabled,
      // A fresh password counts as re-authentication for the next five minutes.
      reauthAt: now,
    });
    await updateUserLogin(tx.db, user.countyId, user.id, now);
    await recordAuditAs(tx, { ...actor, role: roleSummary({ roles }) }, {
      event: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      after: totpEnabled ? { secondFactor: 'pending' } : undefined,
    });
  });
  const principal = principalOf(services, user, roles, { id: sessionId, csrfToken, secondFactorPending: totpEnabled, reauthAt: now }, now);
  return { token, principal };
}

export function idleAudit(user: Pick<UserRow, 'id' | 'lastLoginAt' | 'createdAt'>) {
  return {
    event: 'account.idle_disabled',
    objectType: 'user',
    objectId: user.id,
    after: { lastLoginAt: user.lastLoginAt?.toISOString() ?? null, createdAt: user.createdAt.toISOString() },
  };
}

type SessionPart = { id: string; csrfToken: string; secondFactorPending: boolean; reauthAt: Date | null };

type PrincipalUser = Pick<
  UserRow,
  'id' | 'countyId' | 'username' | 'displayName' | 'mustChangePassword' | 'passwordChangedAt' | 'passwordResetBy' | 'passwordResetAt' | 'totpEnabledAt'
>;

function principalOf(services: Services, user: PrincipalUser, roles: Principal['roles'], session: SessionPart, now: Date): Principal {
  const totpEnabled = !!user.totpEnabledAt;
  const pending = pendingStep(
    { secondFactorPending: session.secondFactorPending, mustChangePassword: user.mustChangePassword, passwordChangedAt: user.passwordChangedAt, totpEnabled, roles: roles.map((r) => r.role) },
    settingsOf(services),
    now,
  );
  return {
    userId: user.id,
    countyId: user.countyId,
    username: user.username,
    displayName: user.displayName,
    roles,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    pending,
    reauthAt: session.reauthAt,
    totpEnabled,
    passwordReset: user.passwordResetBy && user.passwordResetAt ? { by: user.passwordResetBy, at: user.passwordResetAt } : null,
  };
}

/**
 * Resolves a session cookie to its caller; ends sessions that timed out. One prepared statement
 * reads session, user and roles together; nothing is kept between requests, so a revoked session,
 * a disabled account or a removed role stops working at the next request.
 */
export async function authenticate(services: Services, token: string): Promise<Principal> {
  const sessionId = sessionIdOf(token);
  const cache = services.principals;
  const now = services.now();
  let found = cache?.get(sessionId);
  // Only an active verdict is taken from the cache: anything else is decided on the rows.
  if (found && sessionState(found.session, now) !== 'active') {
    cache?.drop(sessionId);
    found = undefined;
  }
  if (!found) {
    const readAt = cache?.generation ?? 0;
    found = await selectSessionPrincipal(services.db, sessionId);
    if (!found) throw new AppError('auth.required');
    cache?.set(sessionId, found, readAt);
  }
  const { session, user, roles } = found;
  const state = sessionState(session, now);
  if (state !== 'active') {
    cache?.drop(sessionId);
    if (state !== 'ended') await endSession(services.db, user.countyId, sessionId, now);
    throw new AppError(state === 'ended' ? 'auth.required' : 'auth.session_expired');
  }
  if (!user.active) throw new AppError('auth.required');
  if (now.getTime() - session.lastSeenAt.getTime() > sessionPolicy.touchEveryMs) {
    await touchSession(services.db, user.countyId, sessionId, now);
    cache?.touched(sessionId, now);
  }
  return principalOf(services, user, roles, session, now);
}

export function csrfMatches(principal: Principal, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(principal.csrfToken);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(ctx: Ctx): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await endSession(tx.db, ctx.principal.countyId, ctx.principal.sessionId, ctx.now());
    await recordAudit(tx, { event: 'auth.logout', objectType: 'user', objectId: ctx.principal.userId });
  });
}

/**
 * Checks the caller's own password inside a session (password change, re-authentication). Wrong
 * passwords count toward the same lockout as logins, so a left-open session cannot be used to guess.
 */
export async function proveOwnPassword(ctx: Ctx, password: string): Promise<UserRow> {
  const user = await selectUserById(ctx.db, ctx.principal.countyId, ctx.principal.userId);
  if (!user) throw new AppError('auth.required');
  const now = ctx.now();
  if (!attemptAllowed(await reserveLoginAttempt(ctx.db, user.username, now), now)) throw new AppError('auth.locked');
  if (!(await verifyPassword(user.passwordHash, password))) {
    await inTransaction(ctx, async (tx) => {
      const lockedUntil = await lockIfReached(tx.db, user.username, now);
      await recordAudit(tx, { event: 'auth.password_check_failed', outcome: 'failure', objectType: 'user', objectId: user.id });
      if (lockedUntil) await recordAudit(tx, { event: 'auth.lockout', objectType: 'user', objectId: user.id, after: { lockedUntil } });
    });
    throw new AppError('auth.wrong_password');
  }
  await clearThrottle(ctx.db, user.username);
  return user;
}

/** The whole password rule of SECURITY.md item 2 for one account. */
export function assertPasswordAllowed(services: Pick<Services, 'security'>, password: string, username: string): void {
  const problem = passwordProblem(password, { username, production: settingsOf(services).production });
  if (problem) throw new AppError(passwordErrorCode[problem]);
}

export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string, endOtherSessions = true): Promise<void> {
  assertPasswordAllowed(ctx, newPassword, ctx.principal.username);
  const user = await proveOwnPassword(ctx, currentPassword);
  if (await verifyPassword(user.passwordHash, newPassword)) throw new AppError('password.same_as_current');
  const passwordHash = await hashPassword(newPassword);
  // After a reset somebody else knew the old password: every other session must end.
  const endOthers = endOtherSessions || user.mustChangePassword;
  await inTransaction(ctx, async (tx) => {
    await updateUserPassword(tx.db, user.countyId, user.id, passwordHash, ctx.now());
    if (endOthers) await endUserSessions(tx.db, user.countyId, user.id, ctx.now(), ctx.principal.sessionId);
    await recordAudit(tx, {
      event: 'auth.password_change',
      objectType: 'user',
      objectId: user.id,
      after: { endedOtherSessions: endOthers, forced: user.mustChangePassword },
    });
  });
}

export function totpRequiredFor(services: Pick<Services, 'security'>, roles: readonly Role[]): boolean {
  return settingsOf(services).requireTotp && roles.some((r) => totpRoles.includes(r));
}

export function toMe(principal: Principal, services: Pick<Services, 'security'>): Me {
  return {
    id: principal.userId,
    username: principal.username,
    displayName: principal.displayName,
    roles: principal.roles.map(({ role, orgUnitId, orgUnitName, orgLevel }) => ({ role, orgUnitId, orgUnitName, orgLevel })),
    permissions: permissionsOf(principal),
    csrfToken: principal.csrfToken,
    pending: principal.pending ?? null,
    totpEnabled: principal.totpEnabled ?? false,
    totpRequired: totpRequiredFor(services, principal.roles.map((r) => r.role)),
    passwordReset: principal.passwordReset ? { by: principal.passwordReset.by, at: principal.passwordReset.at.toISOString() } : null,
  };
}
