// Star corrections through HTTP: not before the notice (overrides are for that), during the
// notice and after final by the department only, with a reason, audited, re-ranked, listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInCityStage, finalize, proposeAndNotice, scoreCityStage } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const v = () => t.city.villages;
const correct = (villageId: string, body: object) => org.post(`/api/campaigns/${campaignId}/results/${villageId}/correct`, body);
const table = async () =>
  ((await org.get(`/api/campaigns/${campaignId}/results`)).json().villages as { name: string; stars: number | null; rankInCity: number | null; rankInTown: number | null }[]).map((x) => [
    x.name,
    x.stars,
    x.rankInCity,
    x.rankInTown,
  ]);

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInCityStage(t, 2026));
  await scoreCityStage(t, org, campaignId, [1, 0.9, 0.8, 0.7]);
});
afterAll(() => t.close());

describe('star corrections', () => {
  it('when results are still being confirmed, then a correction is refused: overrides serve that stage', async () => {
    await org.post(`/api/campaigns/${campaignId}/results/compute`);
    const res = await correct(v().town1[0].id, { stars: 2, reason: '测试' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'results.correction_not_allowed', details: { status: 'city' } });
  });

  it('when the notice runs, then the department lowers a village with a reason, the ranks are applied again, and one audit row keeps before and after', async () => {
    await proposeAndNotice(org, campaignId);
    expect(await table()).toEqual([
      ['甲一村', 3, 1, 1],
      ['甲二村', 3, 2, 2],
      ['乙一村', 2, 3, 1],
      ['乙二村', 1, 4, 2],
    ]);
    const res = await correct(v().town1[0].id, { stars: 2, reason: '公示期间核实村集体经济收入数据有误' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phase: 'notice', starsBefore: 3, starsAfter: 2, village: { name: '甲一村', townName: '甲镇' }, correctedByName: 'orgadmin 测试', objectionReceiptNo: null });
    expect(await table()).toEqual([
      ['甲二村', 3, 1, 1],
      ['甲一村', 2, 2, 2],
      ['乙一村', 2, 3, 1],
      ['乙二村', 1, 4, 2],
    ]);
    const audit = await auditRows(t.app, 'results.correct');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ object_id: `${campaignId}/${v().town1[0].id}`, before: { stars: 3, rankInCity: 1 }, after: { stars: 2, phase: 'notice', ranksMoved: 2 } });
  });

  it('when the stars would not change, the reason is blank, or the caller is not the department, then 409, 400 and 403', async () => {
    expect((await correct(v().town1[0].id, { stars: 2, reason: '再次调整' })).json().error.code).toBe('results.correction_no_change');
    expect((await correct(v().town1[0].id, { stars: 3, reason: '   ' })).statusCode).toBe(400);
    expect((await correct(v().town1[0].id, { stars: 6, reason: '超出' })).statusCode).toBe(400);
    const town1 = await loginAs(t.app, 'town1');
    expect((await town1.post(`/api/campaigns/${campaignId}/results/${v().town1[0].id}/correct`, { stars: 5, reason: '本镇要求' })).statusCode).toBe(403);
    expect(await auditRows(t.app, 'results.correct')).toHaveLength(1);
  });

  it('when the campaign is final, then a correction still changes the stars (withdrawal included), the campaign stays final and the results stay final', async () => {
    const campaign = (await org.get(`/api/campaigns/${campaignId}`)).json();
    org = await finalize(t, campaignId, campaign.noticeEnds);
    const res = await correct(v().town2[0].id, { stars: null, reason: '定星后经查实存在违规上访，撤销星级' });
    expect(res.json()).toMatchObject({ phase: 'final', starsBefore: 2, starsAfter: null });
    expect((await org.get(`/api/campaigns/${campaignId}`)).json().status).toBe('final');
    const results = (await org.get(`/api/campaigns/${campaignId}/results`)).json();
    expect(results.status).toBe('final');
    expect(await table()).toEqual([
      ['甲二村', 3, 1, 1],
      ['甲一村', 2, 2, 2],
      ['乙二村', 1, 3, 1],
      ['乙一村', null, null, null],
    ]);
    expect((await org.post(`/api/campaigns/${campaignId}/results/${v().town2[0].id}/override`, { stars: 3, reason: 'x' })).json().error.code).toBe('results.not_editable');
  });

  it('when corrections are listed, then both appear in order with their phase, and a town official sees only their town’s', async () => {
    const list = (await org.get(`/api/campaigns/${campaignId}/corrections`)).json();
    expect(list.total).toBe(2);
    expect(list.items.map((c: { village: { name: string }; phase: string; starsAfter: number | null }) => [c.village.name, c.phase, c.starsAfter])).toEqual([
      ['甲一村', 'notice', 2],
      ['乙一村', 'final', null],
    ]);
    const town1 = await loginAs(t.app, 'town1');
    expect((await town1.get(`/api/campaigns/${campaignId}/corrections`)).json().items.map((c: { village: { name: string } }) => c.village.name)).toEqual(['甲一村']);
  });
});
