// Audit retention on the command line (run with the owner's database URL, DATABASE_OWNER_URL).
import type { Command } from 'commander';
import { auditRetentionDays, purgeAudit } from '../server/features/audit/retention.service.js';
import { openServices } from './cli-context.js';

export function registerAuditCommands(program: Command): void {
  program
    .command('audit-purge')
    .description('清理早于指定日期的审计日志；保存期（FIVESTAR_AUDIT_RETENTION_DAYS，不少于 180 天）内的记录拒绝清理；清理本身记入审计')
    .requiredOption('--before <date>', '清理此日期之前的记录，如 2025-06-01')
    .action(async (opts: { before: string }) => {
      const before = new Date(opts.before);
      if (Number.isNaN(before.getTime())) throw new Error(`日期无效：${opts.before}`);
      const { services, database } = await openServices();
      try {
        await purgeAudit(services, database, before, auditRetentionDays(process.env.FIVESTAR_AUDIT_RETENTION_DAYS));
        console.log(`已清理 ${opts.before} 之前的审计日志`);
      } catch (err) {
        const e = err as { code?: string; message?: string };
        const { messageFor } = await import('../shared/errors.js');
        console.error(e.code ? `错误 ${e.code}：${messageFor(e.code)}` : `错误：${e.message}`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
