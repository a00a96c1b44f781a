// A use-case context for the command line: the operator acts as the city's 组织部管理员, audited as "cli".
import { readConfig } from '../server/config.js';
import { openConfiguredDatabase } from '../server/start.js';
import { createFieldCrypto } from '../server/security/field-crypto.js';
import { selectCities } from '../server/features/orgs/orgs.queries.js';
import type { Ctx, Services } from '../server/context.js';
import type { Database } from '../server/db/client.js';

export async function openServices(): Promise<{ services: Services; database: Database }> {
  const config = readConfig();
  const database = await openConfiguredDatabase(config);
  return { database, services: { db: database.db, crypto: createFieldCrypto(config.secretKey), now: () => new Date(), security: config.security } };
}

export async function cityOperatorCtx(services: Services, cityCode?: string): Promise<Ctx> {
  const cities = await selectCities(services.db, cityCode);
  const [city] = cities;
  if (!city) throw new Error(cityCode ? `没有编码为 ${cityCode} 的市` : '数据库中还没有市级组织：先运行 fivestar create-admin --city 名称');
  if (cities.length > 1) throw new Error('数据库中有多个市，请用 --city 指定市的组织编码');
  return {
    ...services,
    principal: {
      userId: '00000000-0000-0000-0000-000000000000',
      countyId: city.countyId,
      username: 'cli',
      displayName: '命令行',
      roles: [{ role: 'orgadmin', orgUnitId: city.id, orgUnitName: city.name, orgPath: city.path, orgLevel: 'city' }],
      sessionId: '',
      csrfToken: '',
    },
    actor: { countyId: city.countyId, userId: null, username: 'cli', role: 'orgadmin', ip: null, requestId: null },
  };
}

/** Runs a command body with an open database and a clean exit code on coded errors. */
export async function withServices(fn: (services: Services) => Promise<void>): Promise<void> {
  const { services, database } = await openServices();
  try {
    await fn(services);
  } catch (err) {
    const e = err as { code?: string; details?: unknown; message?: string };
    const { messageFor } = await import('../shared/errors.js');
    console.error(e.code ? `错误 ${e.code}：${messageFor(e.code)}` : `错误：${e.message}`);
    if (e.details) console.error(JSON.stringify(e.details, null, 2));
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
