import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { importOrgTree, exportOrgTree } from '../server/features/orgs/orgs.transfer.service.js';
import { assertXlsx } from '../server/http/xlsx.js';
import { cityOperatorCtx, withServices } from './cli-context.js';

export function registerOrgCommands(program: Command): void {
  program
    .command('import-org')
    .description('从 Excel 导入组织架构（有错误行则全部不导入）')
    .argument('<file>', '.xlsx 文件')
    .option('--city <code>', '市的组织编码（库中有多个市时必填）')
    .action((file: string, opts: { city?: string }) =>
      withServices(async (services) => {
        const ctx = await cityOperatorCtx(services, opts.city);
        const report = await importOrgTree(ctx, assertXlsx(await readFile(file)));
        console.log(`已导入 ${report.imported} 个组织`);
      }),
    );
  program
    .command('export-org')
    .description('导出组织架构到 Excel')
    .argument('<file>', '输出的 .xlsx 文件')
    .option('--city <code>', '市的组织编码（库中有多个市时必填）')
    .action((file: string, opts: { city?: string }) =>
      withServices(async (services) => {
        const ctx = await cityOperatorCtx(services, opts.city);
        await writeFile(file, await exportOrgTree(ctx));
        console.log(`已导出到 ${file}`);
      }),
    );
}
