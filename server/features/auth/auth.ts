// Pure rules of login throttling and session lifetime.
import type { Role } from '../../../shared/roles.js';
const minute = 60_000;

export const lockoutPolicy = { maxFailures: 5, windowMs: 15 * minute, lockMs: 30 * minute } as const;
export const sessionPolicy = { idleMs: 30 * minute, absoluteMs: 12 * 60 * minute, touchEveryMs: 30_000 } as const;

export type Throttle = { failures: number; windowStart: Date; lockedUntil: Date | null };

export function isLocked(t: Pick<Throttle, 'lockedUntil'> | undefined, now: Date): boolean {
  return !!t?.lockedUntil && t.lockedUntil > now;
}

/**
 * Whether a login attempt may check its password. Every attempt first takes a numbered ticket in
 * one atomic statement (auth.queries.ts, reserveLoginAttempt), so parallel guesses cannot all read
 * the same low count: beyond the fifth ticket of the window nothing is verified. With 5 tries per
 * 15 minutes and a 30-minute lock an account sees at most 10 verified failures an hour.
 */
export function attemptAllowed(ticket: Throttle, now: Date): boolean {
  return !isLocked(ticket, now) && ticket.failures <= lockoutPolicy.maxFailures;
}

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };

export function sessionState(s: SessionTimes, now: Date): 'active' | 'ended' | 'idle' | 'expired' {
  if (s.endedAt) return 'ended';
  // A session lives 12 hours: at 12:00:00 after login it is over (idle counts from the last use).
  if (now.getTime() - s.createdAt.getTime() >= sessionPolicy.absoluteMs) return 'expired';
  if (now.getTime() - s.lastSeenAt.getTime() > sessionPolicy.idleMs) return 'idle';
  return 'active';
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Account-security settings (README, configuration); production turns the second factor on. */
export type SecuritySettings = {
  /** Roles in `totpRoles` must enrol TOTP before they may work (FIVESTAR_REQUIRE_TOTP). */
  requireTotp: boolean;
  /** Production refuses the published demo password. */
  production: boolean;
  /** Admin roles must choose a new password after this many days (FIVESTAR_ADMIN_PASSWORD_DAYS). */
  adminPasswordMaxAgeDays: number;
  /** Accounts not used for this many days are disabled (FIVESTAR_IDLE_DAYS). */
  idleDisableDays: number;
};

export const defaultSecuritySettings: SecuritySettings = {
  requireTotp: false,
  production: false,
  adminPasswordMaxAgeDays: 90,
  idleDisableDays: 90,
};

const day = 24 * 60 * minute;

/** Sensitive actions need a password or TOTP proof this recent (SECURITY.md item 8). */
export const reauthWindowMs = 5 * minute;

/** The roles that hold a second factor (SECURITY.md item 5). */
export const totpRoles: readonly Role[] = ['sysadmin', 'secadmin', 'auditor', 'orgadmin', 'judge', 'inspector'];
/** The roles whose passwords rotate (等保 定期更换; ASVS keeps rotation to admin accounts). */
export const rotatingRoles: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

/**
 * What a logged-in session still owes before it may work: its second factor, a new password
 * (after a reset, or an admin password past its age), or enrolling TOTP where it is required.
 */
export type PendingStep = 'second_factor' | 'password_change' | 'totp_enrol';

export type AccountState = {
  secondFactorPending: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  totpEnabled: boolean;
  roles: readonly Role[];
};

export function pendingStep(a: AccountState, settings: SecuritySettings, now: Date): PendingStep | null {
  if (a.secondFactorPending) return 'second_factor';
  if (a.mustChangePassword || passwordExpired(a, settings, now)) return 'password_change';
  if (settings.requireTotp && !a.totpEnabled && a.roles.some((r) => totpRoles.includes(r))) return 'totp_enrol';
  return null;
}

export function passwordExpired(a: Pick<AccountState, 'passwordChangedAt' | 'roles'>, settings: SecuritySettings, now: Date): boolean {
  if (!a.roles.some((r) => rotatingRoles.includes(r))) return false;
  return now.getTime() - a.passwordChangedAt.getTime() > settings.adminPasswordMaxAgeDays * day;
}

/** Idle since the last login, or since creation for an account never used. */
export function isIdle(u: { lastLoginAt: Date | null; createdAt: Date }, settings: SecuritySettings, now: Date): boolean {
  const since = u.lastLoginAt ?? u.createdAt;
  return now.getTime() - since.getTime() > settings.idleDisableDays * day;
}

export function reauthFresh(reauthAt: Date | null | undefined, now: Date): boolean {
  return !!reauthAt && now.getTime() - reauthAt.getTime() <= reauthWindowMs;
}
