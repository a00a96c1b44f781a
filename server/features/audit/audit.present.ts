import type { AuditEntry } from '../../../shared/contracts/audit.js';
import type { auditLog } from '../../db/schema/core.js';
import type { SheetSpec } from '../../spreadsheets/xlsx-table.js';

export function presentAuditRow(row: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: row.id,
    seq: Number(row.seq),
    at: row.at.toISOString(),
    userId: row.userId,
    username: row.username,
    role: row.role,
    event: row.event,
    objectType: row.objectType,
    objectId: row.objectId,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.requestId,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

export const auditSheet: SheetSpec<keyof AuditEntry> = {
  name: '审计日志',
  columns: [
    { key: 'seq', header: '序号', width: 8 },
    { key: 'at', header: '时间', width: 26 },
    { key: 'username', header: '用户' },
    { key: 'role', header: '角色' },
    { key: 'event', header: '事件', width: 18 },
    { key: 'objectType', header: '对象类型' },
    { key: 'objectId', header: '对象', width: 38 },
    { key: 'outcome', header: '结果', width: 10 },
    { key: 'ip', header: 'IP' },
    { key: 'requestId', header: '请求编号', width: 38 },
    { key: 'before', header: '变更前', width: 40 },
    { key: 'after', header: '变更后', width: 40 },
  ],
};
