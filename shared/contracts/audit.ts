import { z } from 'zod';
import { pageQuerySchema } from './common.js';

export const auditEntrySchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  at: z.string(),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  event: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = pageQuerySchema.extend({
  event: z.string().trim().max(60).optional(),
  username: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(40).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditVerifySchema = z.object({ ok: z.boolean(), checked: z.number().int(), brokenAt: z.number().int().nullable() });

/** Chinese names of audit events for the viewer and exports. */
export const auditEventLabels: Record<string, string> = {
  'auth.login': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.lockout': '账户锁定',
  'auth.logout': '退出登录',
  'auth.password_change': '修改密码',
  'access.denied': '越权访问被拒绝',
  'account.create': '创建账户',
  'account.update': '修改账户',
  'account.password_reset': '重置密码',
  'account.unlock': '解除锁定',
  'role.change': '角色变更',
  'org.create': '新增组织',
  'org.update': '修改组织',
  'org.move': '调整隶属',
  'org.deactivate': '停用组织',
  'org.activate': '启用组织',
  'org.import': '导入组织',
  'person.create': '新增人员',
  'person.update': '修改人员',
  'person.import': '导入人员',
  'person.reveal': '查看完整证件号/手机号',
  export: '导出数据',
  'demo.seed': '载入演示数据',
};
