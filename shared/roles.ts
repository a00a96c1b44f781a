// Roles and the permissions they grant. A role is always held over an org subtree (its scope).
export const roles = [
  'sysadmin',
  'secadmin',
  'auditor',
  'orgadmin',
  'city_leader',
  'town_admin',
  'town_leader',
  'village_admin',
  'judge',
  'inspector',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  orgadmin: '组织部管理员',
  city_leader: '市级领导',
  town_admin: '镇级管理员',
  town_leader: '镇级领导',
  village_admin: '村级管理员',
  judge: '评委',
  inspector: '纪检 / 信访专员',
};

/** 三权分立: one account never holds two of these. */
export const separatedAdminRoles: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

export const permissions = [
  'org:read',
  'org:write',
  'people:read',
  'people:write',
  'account:read',
  'account:write',
  // The second person of a privileged account's password reset (security or audit administrator).
  'account:reset_approve',
  'role:assign',
  'audit:read',
  'standard:read',
  'standard:write',
  'campaign:read',
  'campaign:manage',
  // The violation register (违纪违法核查): personal data, read by the officers and the department.
  'violation:read',
  'violation:write',
  'score:mutual',
  'score:department',
  'score:city',
  // 整改: the village submits its rectification evidence (the panel or the department verifies).
  'rectification:submit',
  // 自评: the village fills and submits, its town approves or returns, the department sends an approved one back.
  'selfeval:submit',
  'selfeval:review',
  'selfeval:unapprove',
  // Training (三门课程): records read in scope; sessions written by their organizer (city or town).
  'training:read',
  'training:write',
  // Field work (三级共进): read scoped; leaders only where they are paired.
  'fieldwork:read',
  'pairing:write',
  'visit:write',
  'keytask:write',
  'supervision:write',
  'service:write',
  'service:approve',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  // System admin runs accounts and reads the structure, but never audit or business data.
  sysadmin: ['org:read', 'account:read', 'account:write'],
  // Security admin sets roles and unlocks accounts: no business work.
  secadmin: ['org:read', 'account:read', 'role:assign', 'account:reset_approve'],
  auditor: ['audit:read', 'account:reset_approve'],
  orgadmin: ['org:read', 'org:write', 'people:read', 'people:write', 'standard:read', 'standard:write', 'fieldwork:read', 'pairing:write', 'visit:write', 'keytask:write', 'training:read', 'training:write', 'campaign:read', 'campaign:manage', 'score:city', 'violation:read', 'selfeval:unapprove'],
  city_leader: ['org:read', 'people:read', 'standard:read', 'fieldwork:read', 'visit:write', 'keytask:write', 'training:read', 'campaign:read'],
  town_admin: ['org:read', 'org:write', 'people:read', 'people:write', 'standard:read', 'fieldwork:read', 'keytask:write', 'supervision:write', 'service:write', 'service:approve', 'training:read', 'training:write', 'campaign:read', 'score:mutual', 'selfeval:review'],
  town_leader: ['org:read', 'people:read', 'standard:read', 'fieldwork:read', 'keytask:write', 'supervision:write', 'training:read', 'campaign:read', 'score:mutual'],
  village_admin: ['org:read', 'people:read', 'people:write', 'standard:read', 'fieldwork:read', 'service:write', 'training:read', 'campaign:read', 'rectification:submit', 'selfeval:submit'],
  judge: ['org:read', 'standard:read', 'campaign:read', 'score:department'],
  inspector: ['org:read', 'people:read', 'standard:read', 'campaign:read', 'violation:read', 'violation:write'],
};

/** The org level a role's scope must sit at. */
export const roleScopeLevel: Record<Role, 'city' | 'town' | 'village'> = {
  sysadmin: 'city',
  secadmin: 'city',
  auditor: 'city',
  orgadmin: 'city',
  city_leader: 'city',
  town_admin: 'town',
  town_leader: 'town',
  village_admin: 'village',
  judge: 'city',
  inspector: 'city',
};

/** 纪检 / 信访专员 decide vetoes: they never score (评委) nor decide stars (组织部管理员). */
export const inspectorExcludedRoles: readonly Role[] = ['judge', 'orgadmin'];

export type RoleConflict = 'account.admin_roles_exclusive' | 'account.admin_role_alone' | 'account.inspector_conflict';

/**
 * 三权分立 and separation of duties (SECURITY.md items 12, 13): one account never holds two of the
 * system, security and audit admin roles, nor one of them with any other role; an inspector holds
 * no judge or department role. Used by the server at grant time and by the role form.
 */
export function roleConflict(held: readonly Role[]): RoleConflict | null {
  const distinct = new Set(held);
  const admin = [...distinct].filter((r) => separatedAdminRoles.includes(r));
  if (admin.length > 1) return 'account.admin_roles_exclusive';
  if (admin.length === 1 && distinct.size > 1) return 'account.admin_role_alone';
  if (distinct.has('inspector') && inspectorExcludedRoles.some((r) => distinct.has(r))) return 'account.inspector_conflict';
  return null;
}
