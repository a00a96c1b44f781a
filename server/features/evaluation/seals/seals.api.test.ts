// Sealed results through the real use cases (PGlite and PostgreSQL): every save seals its rows;
// a result edited in the database, a score row deleted, or a seal deleted with its row are all
// named by verify (village, field); the public notice leaves out the edited row, also when the
// edit comes after the notice's seal check was kept; a later save
// refuses to build on it; reproduce rates the stored inputs again, identical for every village.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInNotice } from '../../../../test/evaluation-city-factories.js';
import type { Ctx } from '../../../context.js';
import { verifyCampaign } from './seals.service.js';
import { reproduceCampaign } from './reproduce.service.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const v = () => t.city.villages;
// What the CLI builds for the operator: the county and the services, no HTTP caller.
const operator = () => ({ ...t.app.services, principal: { countyId: t.city.countyId, userId: '', username: 'cli', displayName: '命令行', roles: [], sessionId: '', csrfToken: '' } }) as unknown as Ctx;
const verify = async () => verifyCampaign(operator(), campaignId);
const exec = (q: ReturnType<typeof sql>) => t.app.services.db.execute(q);

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInNotice(t, 2026));
});
afterAll(() => t.close());

describe('sealed results', () => {
  it('when nothing was touched outside the application, then every sealed field verifies and the stored results reproduce for every village', async () => {
    const r = await verify();
    expect(r).toMatchObject({ ok: true, rootIntact: true, failures: [] });
    expect(r.checked).toBeGreaterThan(4 * 8);
    const rep = await reproduceCampaign(operator(), campaignId);
    expect(rep).toMatchObject({ villages: 4, identical: 4, differences: [] });
  });

  it('when a result is edited in the database (1★ → 5★), then verify names the village and the field, the public notice leaves it out, and a correction refuses to build on it', async () => {
    await exec(sql`UPDATE campaign_results SET stars = 5, score = 99.99 WHERE village_id = ${v().town2[1].id}`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => [f.villageName, f.fieldLabel, f.problem]).sort()).toEqual([
      ['乙二村', '星级', 'altered'],
      ['乙二村', '综合得分', 'altered'],
    ]);
    expect(r.failures[0]?.text).toContain('乙镇乙二村 定星结果');
    const notice = (await t.app.inject({ method: 'GET', url: `/api/public/campaigns/${campaignId}/notice` })).json();
    expect(notice.villages.map((x: { name: string }) => x.name)).toEqual(['甲一村', '甲二村', '乙一村']);
    const res = await org.post(`/api/campaigns/${campaignId}/results/${v().town1[0].id}/correct`, { stars: 2, reason: '公示期间核实' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('seal.broken');
    expect(res.json().error.details.text).toContain('乙二村');
  });

  it('when a score row is deleted, and when a correction row is deleted together with its seals, then verify names the row and the root no longer matches', async () => {
    await exec(sql`DELETE FROM score_entries WHERE village_id = ${v().town1[0].id} AND indicator_id = (SELECT min(indicator_id) FROM score_entries WHERE village_id = ${v().town1[0].id})`);
    const r = await verify();
    expect(r.failures.filter((f) => f.problem === 'deleted').map((f) => [f.villageName, f.kind])).toEqual([
      ['甲一村', 'score'],
      ['甲一村', 'score'],
    ]);
    await exec(sql`DELETE FROM record_seals WHERE row_key LIKE ${`score/city/${v().town1[0].id}/%`}`);
    const after = await verify();
    expect(after.rootIntact).toBe(false);
    expect(after.ok).toBe(false);
  });

  it('when the notice has been read (its seal check kept) and a result, then a seal, is edited in the database, then the very next read leaves that village out too', async () => {
    const names = async () => (await t.app.inject({ method: 'GET', url: `/api/public/campaigns/${campaignId}/notice` })).json().villages.map((x: { name: string }) => x.name);
    expect(await names()).toEqual(['甲一村', '甲二村', '乙一村']);
    expect(await names()).toEqual(['甲一村', '甲二村', '乙一村']);
    // A field the notice does not even show: still sealed, still caught.
    await exec(sql`UPDATE campaign_results SET override_reason = '手工改动' WHERE village_id = ${v().town1[1].id}`);
    expect(await names()).toEqual(['甲一村', '乙一村']);
    // A seal deleted, its row untouched: the row is no longer sealed.
    await exec(sql`DELETE FROM record_seals WHERE row_key LIKE ${`result/${v().town1[0].id}#%`}`);
    expect(await names()).toEqual(['乙一村']);
    // The edit undone by hand: the row verifies again on the next read.
    await exec(sql`UPDATE campaign_results SET override_reason = NULL WHERE village_id = ${v().town1[1].id}`);
    expect(await names()).toEqual(['甲二村', '乙一村']);
  });
});
