// Reads config, opens the database, loads the demo city when asked, starts listening.
import path from 'node:path';
import { readConfig } from './config.js';
import { buildApp } from './app.js';
import { openConfiguredDatabase, webDir } from './start.js';
import { isDatabaseEmpty, seedDemoCity } from './features/demo/demo.service.js';
import { demoPassword } from './features/demo/demo-city.js';

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
});

if (config.mode === 'demo' && (await isDatabaseEmpty(app.services))) {
  const seeded = await seedDemoCity(app.services);
  console.log(`已载入演示城市：${seeded.units} 个组织，${seeded.people} 名人员，${seeded.accounts} 个账户（密码 ${demoPassword}）`);
}

await app.listen({ port: config.port, host: config.host });
console.log(`fivestar 已启动：http://localhost:${config.port}/`);
console.log(`数据库：${database.description}`);
console.log(`模式：${config.mode === 'demo' ? '演示（demo）' : '生产（production）'}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}
