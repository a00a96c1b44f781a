// Who is calling, and over which org subtrees each permission holds.
import type { Permission, Role } from '../../../shared/roles.js';
import { rolePermissions } from '../../../shared/roles.js';
import type { OrgLevel } from '../../../shared/contracts/org-units.js';
import type { PendingStep } from './auth.js';

export type PrincipalRole = { role: Role; orgUnitId: string; orgUnitName: string; orgPath: string; orgLevel: OrgLevel };

export type Principal = {
  userId: string;
  countyId: string;
  username: string;
  displayName: string;
  roles: PrincipalRole[];
  sessionId: string;
  csrfToken: string;
  /** What the session still owes before it may work (absent for CLI callers). */
  pending?: PendingStep | null;
  /** The last password or TOTP proof of this session (re-authentication). */
  reauthAt?: Date | null;
  totpEnabled?: boolean;
  /** Who completed the last reset of this account's password, shown after login. */
  passwordReset?: { by: string; at: Date } | null;
};

export function permissionsOf(principal: Pick<Principal, 'roles'>): Permission[] {
  return [...new Set(principal.roles.flatMap((r) => rolePermissions[r.role]))].sort();
}

export function hasPermission(principal: Pick<Principal, 'roles'>, permission: Permission): boolean {
  return principal.roles.some((r) => rolePermissions[r.role].includes(permission));
}

/** The path prefixes of the subtrees where the permission holds; empty means nowhere. */
export function scopePaths(principal: Pick<Principal, 'roles'>, permission: Permission): string[] {
  const paths = principal.roles.filter((r) => rolePermissions[r.role].includes(permission)).map((r) => r.orgPath);
  // Drop paths already covered by a wider one, so SQL gets the fewest prefixes.
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

export function isInScope(paths: readonly string[], orgPath: string): boolean {
  return paths.some((p) => orgPath.startsWith(p));
}

/** The role names the audit row records for the actor. */
export function roleSummary(principal: Pick<Principal, 'roles'>): string {
  return [...new Set(principal.roles.map((r) => r.role))].join(',');
}
