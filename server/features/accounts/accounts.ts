// Pure rules of accounts and role grants.
import { randomInt } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { roleConflict, roleScopeLevel, separatedAdminRoles, type Role } from '../../../shared/roles.js';
import type { OrgLevel } from '../../../shared/contracts/org-units.js';
import { totpRoles } from '../auth/auth.js';

/** 三权分立 and the inspector's separation: see roleConflict (shared/roles.ts). */
export function assertRolesSeparated(roles: readonly Role[]): void {
  const conflict = roleConflict(roles);
  if (conflict) throw new AppError(conflict);
}

/** A town role is held over a town, a village role over a village, the rest over the city. */
export function assertScopeLevel(role: Role, orgLevel: OrgLevel): void {
  if (roleScopeLevel[role] !== orgLevel) throw new AppError('account.role_scope_invalid');
}

export function holdsAdminRole(roles: readonly Role[]): boolean {
  return roles.some((r) => separatedAdminRoles.includes(r));
}

/**
 * Accounts whose reset needs a second person: the admin roles and every role that holds a second
 * factor (a reset of a not-yet-enrolled account would otherwise let the resetter enrol their own).
 */
export function resetNeedsApproval(roles: readonly Role[]): boolean {
  return roles.some((r) => totpRoles.includes(r));
}

/**
 * Who may approve such a reset: the security or audit administrator (another of the three than
 * the system administrator who asked), never the account itself nor the one who asked.
 */
export function canApproveReset(approver: { userId: string; roles: readonly Role[] }, target: { id: string; requestedBy: string | null }): boolean {
  return approver.roles.some((r) => r === 'secadmin' || r === 'auditor') && approver.userId !== target.id && approver.userId !== target.requestedBy;
}

// Letters and digits that cannot be misread when read out or copied from a screen.
const otpAlphabets = ['ABCDEFGHJKMNPQRSTUVWXYZ', 'abcdefghjkmnpqrstuvwxyz', '23456789'];

/** A one-time password of 16 characters from all three classes, for a reset (never stored plain). */
export function oneTimePassword(): string {
  const all = otpAlphabets.join('');
  const chars = Array.from({ length: 16 }, () => all[randomInt(all.length)] as string);
  // One of each class at distinct places, so the password always passes the rule it must meet.
  const places = new Set<number>();
  while (places.size < 3) places.add(randomInt(16));
  const at = [...places];
  otpAlphabets.forEach((a, i) => (chars[at[i] as number] = a[randomInt(a.length)] as string));
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}-${chars.slice(12).join('')}`;
}
