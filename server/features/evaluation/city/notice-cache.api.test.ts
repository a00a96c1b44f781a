// The public notice kept per campaign (notice-cache.ts) and the results version that keys it
// (migrations/0028): whatever changes what the notice shows, through the application or by hand in
// the database, is on the very next read; a hand edit with the triggers switched off is the one
// change the kept notice does not see (bounded by its minute, notice-cache.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { selectRows } from '../../../db/rows.js';
import { campaignInNotice } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const v = () => t.city.villages;
const exec = (q: ReturnType<typeof sql>) => t.app.services.db.execute(q);
type Shown = { villages: { name: string; townName: string; stars: number | null }[]; towns: { name: string; stars: number | null }[] };
const notice = async (): Promise<Shown> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/campaigns/${campaignId}/notice` });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const version = async () =>
  Number((await selectRows<{ v: string }>(t.app.services.db, sql`SELECT coalesce(max(version), 0) AS v FROM campaign_result_versions WHERE campaign_id = ${campaignId}`))[0]?.v ?? 0);

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInNotice(t, 2026));
});
afterAll(() => t.close());

describe('the public notice kept per campaign', () => {
  it('when a village is renamed in the database after the notice was read twice, then the next read shows the new name', async () => {
    const before = await notice();
    expect(await notice()).toEqual(before);
    expect(before.villages.map((x) => x.name)).toContain('甲二村');
    await exec(sql`UPDATE org_units SET name = '甲二新村' WHERE id = ${v().town1[1].id}`);
    expect((await notice()).villages.map((x) => x.name)).toContain('甲二新村');
  });

  it('when a town result is changed in the database, then the next read shows it', async () => {
    const town = t.city.towns[0];
    const shown = async () => (await notice()).towns.find((x) => x.name === town.name)?.stars;
    const was = await shown();
    await exec(sql`UPDATE campaign_town_results SET stars = ${was === 3 ? 4 : 3} WHERE campaign_id = ${campaignId} AND town_id = ${town.id}`);
    expect(await shown()).toBe(was === 3 ? 4 : 3);
  });

  it('when a result is corrected through the application, then the next read shows the corrected stars', async () => {
    const village = v().town2[0];
    const starsOf = async () => (await notice()).villages.find((x) => x.name === village.name)?.stars;
    const was = await starsOf();
    const to = was === 2 ? 3 : 2;
    const res = await org.post(`/api/campaigns/${campaignId}/results/${village.id}/correct`, { stars: to, reason: '公示期间核实' });
    expect(res.statusCode).toBe(200);
    expect(await starsOf()).toBe(to);
  });

  it('when the results version moves with each kind of write and not with a score seal, then only what the notice reads moves it', async () => {
    const v0 = await version();
    await exec(sql`UPDATE campaign_results SET notes = notes WHERE campaign_id = ${campaignId} AND village_id = ${v().town1[0].id}`);
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    await exec(sql`UPDATE record_seals SET sealed_at = sealed_at WHERE campaign_id = ${campaignId} AND kind = 'score'`);
    expect(await version()).toBe(v1);
    await exec(sql`UPDATE record_seals SET sealed_at = sealed_at WHERE campaign_id = ${campaignId} AND kind = 'result'`);
    expect(await version()).toBeGreaterThan(v1);
  });

  it('when a village is renamed with the triggers switched off, then the kept notice still shows the old name until a write moves the version', async () => {
    const village = v().town2[1];
    await notice();
    await t.database.runAsOwner(`SET session_replication_role = replica; UPDATE org_units SET name = '乙二改名村' WHERE id = '${village.id}'; SET session_replication_role = DEFAULT;`);
    expect((await notice()).villages.map((x) => x.name)).not.toContain('乙二改名村');
    await exec(sql`UPDATE campaign_town_results SET stars = stars WHERE campaign_id = ${campaignId}`);
    expect((await notice()).villages.map((x) => x.name)).toContain('乙二改名村');
  });
});
