// The demo city as loaded: last year's final campaign reproduces village by village (50/50) and
// the auditor's 数据完整性校验 (GET /api/integrity, the check behind `fivestar verify`) finds every
// sealed row intact; only the auditor may run it, each run is audited, and a result edited in the
// database is named. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../../app.js';
import type { Database } from '../../../db/client.js';
import { openTestDatabase } from '../../../../test/test-database.js';
import { auditRows, loginAs, makeClock, testSecret } from '../../../../test/test-app.js';
import type { Ctx } from '../../../context.js';
import type { IntegrityReport } from '../../../../shared/contracts/integrity.js';
import { seedDemoCity } from '../../demo/demo.service.js';
import { demoPassword } from '../../demo/demo-city.js';
import { listCampaignRows } from '../../campaigns/campaigns.queries.js';
import { reproduceCampaign } from './reproduce.service.js';

let app: FastifyInstance;
let database: Database;
let countyId: string;
const operator = () => ({ ...app.services, principal: { countyId, userId: '', username: 'cli', displayName: '命令行', roles: [], sessionId: '', csrfToken: '' } }) as unknown as Ctx;
const finalCampaign = async () => (await listCampaignRows(app.services.db, countyId, { page: 1, pageSize: 10 })).items.find((c) => c.status === 'final');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: true, now: makeClock(new Date('2026-12-05T02:00:00Z')).now });
  await app.ready();
  ({ countyId } = await seedDemoCity(app.services));
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the demo campaigns are intact as loaded', () => {
  it('when last year’s final campaign is rated again from its stored inputs, then all 50 villages are identical', async () => {
    const final = await finalCampaign();
    expect(final?.year).toBe(2025);
    const r = await reproduceCampaign(operator(), final?.id as string);
    expect(r.differences).toEqual([]);
    expect(r).toMatchObject({ villages: 50, identical: 50 });
  });

  it('when the auditor runs 数据完整性校验, then both campaigns are intact with every sealed field counted, and the run is audited', async () => {
    const auditor = await loginAs(app, 'auditor', demoPassword);
    const res = await auditor.get('/api/integrity');
    expect(res.statusCode).toBe(200);
    const report = res.json() as IntegrityReport;
    expect(report.ok).toBe(true);
    expect(report.campaigns.map((c) => [c.year, c.ok, c.rootIntact, c.failures.length])).toEqual([
      [2026, true, true, 0],
      [2025, true, true, 0],
    ]);
    // Last year: 50 villages × 8 result fields, at least, besides the scores.
    expect(report.campaigns[1]?.checked).toBeGreaterThan(50 * 8);
    const rows = await auditRows(app, 'seal.verify');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'auditor', outcome: 'success' });
  });

  it('when the department or an officer asks for the check, then 403: the checked do not check themselves', async () => {
    for (const name of ['orgadmin', 'inspector01', 'sysadmin']) {
      const client = await loginAs(app, name, demoPassword);
      expect((await client.get('/api/integrity')).statusCode).toBe(403);
    }
    expect(await auditRows(app, 'seal.verify')).toHaveLength(1);
  });

  it('when a final result is edited in the database, then the page’s check names the village and the field and says the campaign failed', async () => {
    const final = await finalCampaign();
    await app.services.db.execute(sql`UPDATE campaign_results SET stars = 5 WHERE campaign_id = ${final?.id as string} AND rank_in_city = 50`);
    const auditor = await loginAs(app, 'auditor', demoPassword);
    const report = (await auditor.get('/api/integrity')).json() as IntegrityReport;
    expect(report.ok).toBe(false);
    const last = report.campaigns.find((c) => c.year === 2025);
    expect(last?.ok).toBe(false);
    expect(last?.failures.map((f) => [f.villageName, f.fieldLabel, f.problem])).toEqual([['育才村', '星级', 'altered']]);
    expect(last?.failures[0]?.text).toBe('北川街道育才村 定星结果“星级”内容与封存时不一致（被改动）');
    expect(report.campaigns.find((c) => c.year === 2026)?.ok).toBe(true);
  });

  it('when a stored score of last year is edited in the database, then reproduce names that village and only it', async () => {
    const final = await finalCampaign();
    const village = (await app.services.db.execute(sql`SELECT village_id FROM campaign_results WHERE campaign_id = ${final?.id as string} AND rank_in_city = 1`)) as unknown as { rows: { village_id: string }[] };
    const villageId = village.rows[0]?.village_id as string;
    await app.services.db.execute(sql`UPDATE score_entries SET points = 0 WHERE campaign_id = ${final?.id as string} AND village_id = ${villageId} AND stage = 'city'`);
    const r = await reproduceCampaign(operator(), final?.id as string);
    expect(r).toMatchObject({ villages: 50, identical: 49 });
    expect(r.differences.map((d) => [d.villageId, d.storedStars])).toEqual([[villageId, 5]]);
    expect(r.differences[0]?.score).toBeLessThan(r.differences[0]?.storedScore as number);
  });
});
