// PostgreSQL only: someone with the database's superuser login (not the application's role) edits
// a final result and a score and deletes a score row. `fivestar verify` — the command itself and
// the service behind it — names each row by village and field and exits 1; before the edit it
// exits 0. PGlite has a single user, so this file runs with DATABASE_URL (npm run test:pg).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.js';
import type { Database } from '../../../db/client.js';
import { openTestDatabase } from '../../../../test/test-database.js';
import { makeClock, testSecret } from '../../../../test/test-app.js';
import type { Ctx } from '../../../context.js';
import { seedDemoCity } from '../../demo/demo.service.js';
import { listCampaignRows } from '../../campaigns/campaigns.queries.js';
import { verifyCampaign } from './seals.service.js';

const adminUrl = process.env.DATABASE_URL;
const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

let app: FastifyInstance;
let database: Database;
let countyId: string;
let campaignId: string;
let superuserUrl: string;
const operator = () => ({ ...app.services, principal: { countyId, userId: '', username: 'cli', displayName: '命令行', roles: [], sessionId: '', csrfToken: '' } }) as unknown as Ctx;

/** `fivestar verify --campaign` as an operator runs it, against the test database with the test key. */
async function fivestarVerify(): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env, DATABASE_URL: superuserUrl, DATABASE_OWNER_URL: '', FIVESTAR_SECRET: testSecret.toString('hex'), FIVESTAR_MODE: 'demo' };
  try {
    const { stdout } = await run(tsx, ['cli/main.ts', 'verify', '--campaign', campaignId], { env, timeout: 120_000 });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

async function asSuperuser<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<pg.QueryResult<T>> {
  const c = new pg.Client({ connectionString: superuserUrl });
  await c.connect();
  try {
    return await c.query<T>(text, params);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  if (!adminUrl) return;
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: true, now: makeClock(new Date('2026-12-05T02:00:00Z')).now });
  await app.ready();
  ({ countyId } = await seedDemoCity(app.services));
  campaignId = (await listCampaignRows(app.services.db, countyId, { page: 1, pageSize: 10 })).items.find((c) => c.status === 'final')?.id as string;
  // The test's own database on the same server, reached with the administrator's login.
  const name = ((await app.services.db.execute(sql`SELECT current_database() AS name`)) as unknown as { rows: { name: string }[] }).rows[0]?.name as string;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  superuserUrl = url.toString();
}, 180_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe.runIf(adminUrl)('a superuser edits sealed rows on PostgreSQL', () => {
  it('when nothing was edited, then fivestar verify passes and exits 0', async () => {
    const r = await fivestarVerify();
    expect(r.stdout).toContain('全部通过');
    expect(r.code).toBe(0);
  }, 180_000);

  it('when a result and a score are edited and a score row is deleted with the superuser login, then verify names each village and field and exits 1', async () => {
    const who = await asSuperuser<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    expect(who.rows[0]?.rolsuper).toBe(true);
    // The last village (1★) raised to 5★, the first one's city score changed, another's score row deleted.
    const pick = async (rank: number) =>
      (await asSuperuser<{ village_id: string; name: string }>('SELECT r.village_id, u.name FROM campaign_results r JOIN org_units u ON u.id = r.village_id WHERE r.campaign_id = $1 AND r.rank_in_city = $2', [campaignId, rank])).rows[0] as { village_id: string; name: string };
    const [last, first, second] = [await pick(50), await pick(1), await pick(2)];
    await asSuperuser('UPDATE campaign_results SET stars = 5, score = 99.99 WHERE campaign_id = $1 AND village_id = $2', [campaignId, last.village_id]);
    await asSuperuser(
      "UPDATE score_entries SET points = points + 1 WHERE campaign_id = $1 AND village_id = $2 AND stage = 'city' AND indicator_id = 'teamBuilding'",
      [campaignId, first.village_id],
    );
    const deleted = await asSuperuser(
      "DELETE FROM score_entries WHERE campaign_id = $1 AND village_id = $2 AND stage = 'mutual' AND indicator_id = 'organizationalLife'",
      [campaignId, second.village_id],
    );
    expect(deleted.rowCount).toBe(1);

    const r = await verifyCampaign(operator(), campaignId);
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => [f.villageName, f.fieldLabel, f.problem]).sort()).toEqual(
      [
        [last.name, '星级', 'altered'],
        [last.name, '综合得分', 'altered'],
        [first.name, '市级考评·班子队伍建设·得分', 'altered'],
        [second.name, '摸底互评·组织生活规范·得分', 'deleted'],
        [second.name, '摸底互评·组织生活规范·评分人', 'deleted'],
      ].sort(),
    );

    const cli = await fivestarVerify();
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('5 项未通过');
    expect(cli.stdout).toContain(`${last.name} 定星结果“星级”内容与封存时不一致（被改动）`);
    expect(cli.stdout).toContain(`${first.name} 评分“市级考评·班子队伍建设·得分”内容与封存时不一致（被改动）`);
    expect(cli.stdout).toContain(`${second.name} 评分“摸底互评·组织生活规范·得分”封存的记录已不存在（被删除）`);
  }, 180_000);
});
