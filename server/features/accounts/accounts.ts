// Pure rules of accounts and role grants.
import { AppError } from '../../../shared/errors.js';
import { roleScopeLevel, separatedAdminRoles, type Role } from '../../../shared/roles.js';
import type { OrgLevel } from '../../../shared/contracts/org-units.js';

/** 三权分立: system, security and audit administration never meet in one account. */
export function assertAdminRolesSeparated(roles: readonly Role[]): void {
  const held = new Set(roles.filter((r) => separatedAdminRoles.includes(r)));
  if (held.size > 1) throw new AppError('account.admin_roles_exclusive');
}

/** A town role is held over a town, a village role over a village, the rest over the city. */
export function assertScopeLevel(role: Role, orgLevel: OrgLevel): void {
  if (roleScopeLevel[role] !== orgLevel) throw new AppError('account.role_scope_invalid');
}
