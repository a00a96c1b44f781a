// Security operations on the command line: the incident query of docs/security.md.
import type { Command } from 'commander';
import { affectedBy } from '../server/features/audit/incident.service.js';
import { withServices } from './cli-context.js';

export function registerSecurityCommands(program: Command): void {
  const incident = program.command('incident').description('安全事件处置');
  incident
    .command('affected')
    .description('列出某账户自某日起查看完整信息或导出的人员与记录（来自审计日志）')
    .requiredOption('--account <username>', '涉事账户的用户名')
    .requiredOption('--since <date>', '起始日期，如 2026-03-01')
    .action((opts: { account: string; since: string }) =>
      withServices(async (services) => {
        const since = new Date(opts.since);
        if (Number.isNaN(since.getTime())) throw new Error(`日期无效：${opts.since}`);
        const report = await affectedBy(services, opts.account, since);
        console.log(`账户 ${opts.account} 自 ${opts.since} 起：查看完整证件号/手机号的人员 ${report.people.length} 人，其他查看与导出 ${report.records.length} 次`);
        for (const p of report.people) console.log(['人员', p.at.toISOString(), p.name, p.idNumberMasked ?? '', p.phoneMasked ?? ''].join('\t'));
        for (const r of report.records) console.log(['记录', r.at.toISOString(), r.event, r.objectType ?? '', r.objectId ?? '', JSON.stringify(r.detail ?? null)].join('\t'));
      }),
    );
}
