import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../../test/test-database.js';
import { loginAs, testSecret, type Client } from '../../../test/test-app.js';
import { demoPassword } from '../demo/demo-city.js';
import { seedDemoCity } from '../demo/demo.service.js';

let app: FastifyInstance;
let database: Database;
let org: Client;
let seedMs = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: false, now: () => new Date('2026-11-20T02:00:00Z') });
  const started = performance.now();
  await seedDemoCity(app.services);
  seedMs = performance.now() - started;
  org = await loginAs(app, 'orgadmin', demoPassword);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the demo city’s field work', () => {
  it('when loaded, then 28 leaders are paired with all 50 villages, a few pairings are overdue, and it loads quickly', async () => {
    const o = (await org.get('/api/fieldwork/overview?year=2026')).json();
    expect(o.totals).toMatchObject({ villages: 50, pairedVillages: 50, pairingCoverage: 100 });
    expect(o.pairings).toBe(50);
    expect(o.overduePairings).toBe(4);
    expect(o.leaders).toHaveLength(28);
    expect(o.leaders.filter((l: { villages: number }) => l.villages === 2)).toHaveLength(22);
    expect(o.totals.leaderVisits).toBeGreaterThan(150);
    expect(seedMs).toBeLessThan(15_000);
  });

  it('when loaded, then about 62 matters are fulfilled city-wide and most of the problem list is closed', async () => {
    const o = (await org.get('/api/fieldwork/overview?year=2026')).json();
    expect(o.totals.commitmentsFulfilled).toBe(62);
    expect(o.totals.closureRate).toBeGreaterThan(75);
    expect(o.totals.closureRate).toBeLessThan(100);
    expect(o.totals.problemsOverdue).toBeGreaterThan(0);
    expect(o.totals.findingsOpen).toBeGreaterThan(0);
    expect(o.totals.keyTasksDone).toBeGreaterThan(0);
    const published = (await org.get('/api/commitments?status=published&pageSize=1')).json().total;
    expect(published).toBe(47);
  });

  it('when leader01 logs in with the demo password, then they see only their two paired villages', async () => {
    const leader01 = await loginAs(app, 'leader01', demoPassword);
    const pairings = (await leader01.get('/api/pairings')).json();
    expect(pairings.total).toBe(2);
    const o = (await leader01.get('/api/fieldwork/overview?year=2026')).json();
    expect(o).toMatchObject({ level: 'leader', pairings: 2 });
    const v01 = await loginAs(app, 'v01', demoPassword);
    const problems = (await v01.get('/api/problems?pageSize=100')).json();
    expect(new Set(problems.items.map((p: { villageName: string }) => p.villageName)).size).toBe(1);
  });
});
