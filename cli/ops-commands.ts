import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { roles, type Role } from '../shared/roles.js';
import { usernameSchema } from '../shared/contracts/accounts.js';
import { createCityAdmin } from '../server/features/accounts/bootstrap.service.js';
import { disableIdleAccounts } from '../server/features/accounts/idle.service.js';
import { isDatabaseEmpty, seedDemoCity } from '../server/features/demo/demo.service.js';
import { withServices } from './cli-context.js';

export function registerOpsCommands(program: Command): void {
  program
    .command('serve')
    .description('启动 Web 服务（PORT、DATABASE_URL、DATA_DIR 等环境变量配置）')
    .action(async () => {
      await import('../server/main.js');
    });

  program
    .command('migrate')
    .description('执行数据库迁移（启动时也会自动执行）')
    .action(() => withServices(async () => console.log('数据库结构已是最新')));

  program
    .command('seed-demo')
    .description('向空数据库载入演示城市')
    .action(() =>
      withServices(async (services) => {
        if (!(await isDatabaseEmpty(services))) throw new Error('数据库不是空的，未载入演示数据');
        const r = await seedDemoCity(services);
        console.log(`已载入演示城市：${r.units} 个组织，${r.people} 名人员，${r.accounts} 个账户`);
      }),
    );

  program
    .command('create-admin')
    .description('创建市级管理员账户（生产环境的第一个账户由此创建）；密码取自 FIVESTAR_ADMIN_PASSWORD 或交互输入')
    .requiredOption('--username <name>', '用户名')
    .option('--display-name <name>', '姓名', '管理员')
    .option('--role <role>', `角色：sysadmin、secadmin、auditor、orgadmin 等市级角色`, 'sysadmin')
    .option('--city <name>', '库中还没有市时，新建的市名称')
    .option('--city-code <code>', '市的组织编码')
    .action((opts: { username: string; displayName: string; role: string; city?: string; cityCode?: string }) =>
      withServices(async (services) => {
        const username = usernameSchema.parse(opts.username);
        if (!(roles as readonly string[]).includes(opts.role)) throw new Error(`未知角色：${opts.role}`);
        const password = process.env.FIVESTAR_ADMIN_PASSWORD ?? (await askPassword());
        const r = await createCityAdmin(services, {
          username,
          displayName: opts.displayName,
          password,
          role: opts.role as Role,
          cityName: opts.city,
          cityCode: opts.cityCode,
        });
        console.log(`已创建账户 ${username}（${opts.role}，${r.city}）`);
      }),
    );

  program
    .command('disable-idle')
    .description('停用超过 FIVESTAR_IDLE_DAYS（默认 90）天未登录的账户，逐个记入审计日志；可每日定时运行')
    .action(() =>
      withServices(async (services) => {
        const names = await disableIdleAccounts(services);
        console.log(names.length === 0 ? '没有需要停用的闲置账户' : `已停用 ${names.length} 个闲置账户：${names.join('、')}`);
      }),
    );
}

async function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write('密码（至少 12 位，含三类字符）：');
  const answer = await rl.question('');
  rl.close();
  return answer.trim();
}
