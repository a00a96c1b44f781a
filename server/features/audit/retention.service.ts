// Audit retention (item 18; Cybersecurity Law: logs kept at least six months): a purge removes
// only rows older than the retention, runs as the database owner (the server's login cannot
// delete audit rows), records where each county's chain now starts, and is audited itself —
// a refused purge too.
import type { Services } from '../../context.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import { systemCountyId } from './audit.js';
import { recordAuditAs } from './audit.service.js';

export const minimumRetentionDays = 180;

/** FIVESTAR_AUDIT_RETENTION_DAYS, never below 180. */
export function auditRetentionDays(value: string | undefined): number {
  if (!value) return minimumRetentionDays;
  const days = Number(value);
  if (!Number.isInteger(days) || days < minimumRetentionDays) throw new Error(`FIVESTAR_AUDIT_RETENTION_DAYS 须为不小于 ${minimumRetentionDays} 的整数`);
  return days;
}

const operator = { countyId: systemCountyId, userId: null, username: 'cli', role: 'owner', ip: null, requestId: null };

export async function purgeAudit(services: Services, database: Pick<Database, 'runAsOwner'>, before: Date, retentionDays: number) {
  const oldestAllowed = new Date(services.now().getTime() - retentionDays * 24 * 3600_000);
  const after = { before: before.toISOString(), retentionDays };
  if (!(before.getTime() <= oldestAllowed.getTime())) {
    await recordAuditAs(services, operator, { event: 'audit.purge', outcome: 'denied', objectType: 'audit_log', after });
    throw new AppError('audit.retention_too_short', { oldestAllowed: oldestAllowed.toISOString() });
  }
  const at = before.toISOString(); // from a Date: safe as a literal
  await database.runAsOwner(`
    WITH cut AS (SELECT county_id, max(seq) AS seq FROM audit_log WHERE at < '${at}' GROUP BY county_id),
    gone AS (DELETE FROM audit_log l USING cut WHERE l.county_id = cut.county_id AND l.seq <= cut.seq RETURNING l.county_id, l.seq, l.hash)
    INSERT INTO audit_purges (county_id, through_seq, through_hash, before_at, rows_deleted)
    SELECT county_id, max(seq), (array_agg(hash ORDER BY seq DESC))[1], '${at}', count(*) FROM gone GROUP BY county_id`);
  await recordAuditAs(services, operator, { event: 'audit.purge', objectType: 'audit_log', after });
}
