// Reads config, opens the database, loads the demo city when asked, starts listening.
import path from 'node:path';
import { readConfig } from './config.js';
import { buildApp } from './app.js';
import { openConfiguredDatabase, webDir } from './start.js';
import { isDatabaseEmpty, seedDemoCity } from './features/demo/demo.service.js';
import { demoPassword } from './features/demo/demo-city.js';
import { purgeSurveyAnswers, scheduleSurveyPurge } from './features/surveys/retention.service.js';

const config = readConfig();
const database = await openConfiguredDatabase(config);
const app = await buildApp({
  database,
  secretKey: config.secretKey,
  secure: config.mode === 'production',
  trustProxy: config.trustProxy,
  requireHttps: config.mode === 'production',
  webDir,
  logger: true,
  evidenceDir: path.join(config.dataDir, 'evidence'),
  security: config.security,
  keepSessions: config.keepSessions,
});

if (config.mode === 'demo' && (await isDatabaseEmpty(app.services))) {
  const seeded = await seedDemoCity(app.services);
  console.log(`已载入演示城市：${seeded.units} 个组织，${seeded.people} 名人员，${seeded.accounts} 个账户（密码 ${demoPassword}）`);
}

await app.listen({ port: config.port, host: config.host });
console.log(`fivestar 已启动：http://localhost:${config.port}/`);
console.log(`数据库：${database.description}`);
console.log(`监听地址：${config.host}${config.mode === 'demo' && !process.env.HOST ? '（演示模式仅本机可访问；设置 HOST 可改变）' : ''}`);
if (database.kind === 'postgres' && !database.leastPrivilege) {
  console.log('注意：未设置 DATABASE_OWNER_URL，服务以数据库所有者登录，可切回所有者修改审计日志。生产环境请按 docs/operations.md 使用独立的服务登录。');
}
if (database.kind === 'pglite') {
  // Said plainly at every start: the embedded database has one user, so the database cannot
  // hold the server to its least-privilege role (docs/security.md, item 16).
  console.log('注意：嵌入式数据库（PGlite）只有一个数据库用户，无法强制最小权限登录；审计日志的只增不改仅由应用切换的角色保证，进程内代码可切回所有者。生产环境请使用 PostgreSQL 并按 docs/operations.md 配置独立的所有者与服务登录。');
}
console.log(`模式：${config.mode === 'demo' ? '演示（demo）' : '生产（production）'}`);

// Phone-survey answers past their retention: deleted now and once a day (docs/operations.md).
const surveyRetention = scheduleSurveyPurge(
  async () => {
    for (const p of await purgeSurveyAnswers(app.services, { retentionDays: config.surveyRetentionDays, by: 'system' })) {
      app.log.info({ campaignId: p.campaignId, answers: p.answers, unusedCodes: p.unusedCodes }, 'survey answers past retention deleted');
    }
  },
  { onError: (err) => app.log.error({ err }, 'survey answers retention run failed') },
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    surveyRetention.stop();
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}
