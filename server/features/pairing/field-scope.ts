// Where field work may be read or written. Most roles act over their org subtree; a city
// leader acts as a person, over the villages they are (or were) paired with.
import type { Permission } from '../../../shared/roles.js';
import { rolePermissions } from '../../../shared/roles.js';
import type { Principal } from '../auth/principal.js';

export type FieldScope = {
  /** Materialized-path prefixes the caller may touch; empty means nowhere. */
  paths: string[];
  /** Set when the caller holds the permission only as a city leader: lists of pairings and
   *  visits then show that leader's own, not every leader's in the same village. */
  leaderId: string | null;
};

const nobody = '00000000-0000-0000-0000-000000000000';

const holds = (principal: Pick<Principal, 'roles'>, permission: Permission) =>
  principal.roles.filter((r) => rolePermissions[r.role].includes(permission));

/** Whether the leader's person and pairings must be looked up to know the scope. */
export function needsLeaderPairings(principal: Pick<Principal, 'roles'>, permission: Permission): boolean {
  return holds(principal, permission).some((r) => r.role === 'city_leader');
}

export function fieldScopeOf(
  principal: Pick<Principal, 'roles'>,
  permission: Permission,
  leader: { personId: string | null; pairedPaths: string[] } | null,
): FieldScope {
  const roles = holds(principal, permission);
  const others = roles.filter((r) => r.role !== 'city_leader').map((r) => r.orgPath);
  const asLeader = roles.some((r) => r.role === 'city_leader') ? (leader?.pairedPaths ?? []) : [];
  const all = [...new Set([...others, ...asLeader])];
  // Fewest prefixes: drop paths inside a wider one.
  const paths = all.filter((p) => !all.some((q) => q !== p && p.startsWith(q)));
  const leaderOnly = others.length === 0 && roles.some((r) => r.role === 'city_leader');
  // A leader account not linked to a person is nobody's leader: it matches no pairing.
  return { paths, leaderId: leaderOnly ? (leader?.personId ?? nobody) : null };
}

export function inFieldScope(scope: FieldScope, orgPath: string): boolean {
  return scope.paths.some((p) => orgPath.startsWith(p));
}
