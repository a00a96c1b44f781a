// Integrity commands: `verify` checks every sealed row (scores → results → notices) against its
// HMAC and the campaign's root; `reproduce` rates a campaign's stored inputs again. Both exit 1
// when anything fails, naming each row.
import type { Command } from 'commander';
import { listCampaignRows } from '../server/features/campaigns/campaigns.queries.js';
import { verifyCampaign } from '../server/features/evaluation/seals/seals.service.js';
import { reproduceCampaign } from '../server/features/evaluation/seals/reproduce.service.js';
import { cityOperatorCtx, withServices } from './cli-context.js';

const stars = (s: number | null) => (s === null ? '不定级' : `${s}星`);

export function registerSealCommands(program: Command): void {
  program
    .command('verify')
    .description('校验评分、定星结果、更正和公示记录的封存（HMAC）；有记录被改动或删除时逐条列出并以 1 退出')
    .option('--campaign <id>', '只校验这一评星年度')
    .option('--city <code>', '库中有多个市时，市的组织编码')
    .action((opts: { campaign?: string; city?: string }) =>
      withServices(async (services) => {
        const ctx = await cityOperatorCtx(services, opts.city);
        const ids = opts.campaign ? [opts.campaign] : (await listCampaignRows(ctx.db, ctx.principal.countyId, { page: 1, pageSize: 1000 })).items.map((c) => c.id);
        let failed = false;
        for (const id of ids) {
          const r = await verifyCampaign(ctx, id);
          console.log(`${r.name}（${r.year}）：校验 ${r.checked} 项，${r.ok ? '全部通过' : `${r.failures.length} 项未通过`}${r.rootIntact ? '' : '；封存总校验值不一致（封存记录被增删）'}`);
          for (const f of r.failures) console.log(`  ✗ ${f.text}  [${f.rowKey}#${f.field}]`);
          failed ||= !r.ok;
        }
        if (failed) process.exitCode = 1;
      }),
    );

  program
    .command('reproduce')
    .description('按已存的评分等输入重新运行评星引擎，与已存结果逐村比对；有差异时逐村列出并以 1 退出')
    .requiredOption('--campaign <id>', '评星年度')
    .option('--city <code>', '库中有多个市时，市的组织编码')
    .action((opts: { campaign: string; city?: string }) =>
      withServices(async (services) => {
        const ctx = await cityOperatorCtx(services, opts.city);
        const r = await reproduceCampaign(ctx, opts.campaign);
        console.log(`重新计算 ${r.villages} 个村：${r.identical}/${r.villages} 个与已存结果一致`);
        for (const d of r.differences) console.log(`  ✗ ${d.name}：已存 ${d.storedScore ?? '—'} 分 ${stars(d.storedStars)}，重算 ${d.score ?? '—'} 分 ${stars(d.stars)}`);
        if (r.differences.length) process.exitCode = 1;
      }),
    );
}
