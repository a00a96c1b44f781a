// The phone survey on the command line: `fivestar surveys purge` deletes the answers of final
// campaigns past FIVESTAR_SURVEY_RETENTION_DAYS (the server also does it at start and daily).
import type { Command } from 'commander';
import { readConfig } from '../server/config.js';
import { purgeSurveyAnswers } from '../server/features/surveys/retention.service.js';
import { withServices } from './cli-context.js';

export function registerSurveyCommands(program: Command): void {
  const surveys = program.command('surveys').description('群众测评（每户一码）');
  surveys
    .command('purge')
    .description('删除已定星且保存期（FIVESTAR_SURVEY_RETENTION_DAYS，默认 365 天，自公示结束日起算）已满的评星年度的手机测评答卷和未使用的测评码；各村计数、定星结果保留；每个评星年度记入审计')
    .option('--dry-run', '只列出将删除的数量，不删除任何数据')
    .action((opts: { dryRun?: boolean }) =>
      withServices(async (services) => {
        const retentionDays = readConfig().surveyRetentionDays;
        const done = await purgeSurveyAnswers(services, { retentionDays, dryRun: opts.dryRun === true, by: 'cli' });
        if (done.length === 0) console.log(`没有保存期（${retentionDays} 天）已满的群众测评答卷`);
        for (const p of done) {
          const what = `答卷 ${p.answers} 份、未使用的测评码 ${p.unusedCodes} 个（其中已作废 ${p.revokedCodes} 个），涉及 ${p.villages} 个村`;
          console.log(`${p.campaignName}（保存至 ${p.keptUntil}）：${opts.dryRun ? `将删除${what}` : `已删除${what}；各村计数保留`}`);
        }
        if (opts.dryRun && done.length > 0) console.log('试运行：未删除任何数据');
      }),
    );
}
