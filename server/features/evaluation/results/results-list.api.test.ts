// The results list paged and filtered on the server (a province's 10,000 villages), while the
// county's page, which asks without paging, gets the whole ranking as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInCityStage, scoreCityStage } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
type Village = { orgUnitId: string; name: string; townName: string; stars: number | null; rankInCity: number | null; rankInTown: number | null };
let whole: Village[];

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInCityStage(t, 2031));
  // Four shares of the stage-3 maximum: more than one star level among the villages.
  await scoreCityStage(t, org, campaignId, [1, 0.85, 0.95, 0.5]);
  const computed = await org.post(`/api/campaigns/${campaignId}/results/compute`);
  expect(computed.statusCode).toBe(200);
  const res = await org.get(`/api/campaigns/${campaignId}/results`);
  expect(res.statusCode).toBe(200);
  whole = res.json().villages;
});
afterAll(() => t.close());

const url = (q: string) => `/api/campaigns/${campaignId}/results?${q}`;

describe('campaign results list', () => {
  it('when no page is asked for, then the whole ranking comes as before, without paging fields or explanations', async () => {
    const res = await org.get(`/api/campaigns/${campaignId}/results`);
    expect(whole.map((v) => v.name).sort()).toEqual(['乙一村', '乙二村', '甲一村', '甲二村']);
    const ranks = whole.map((v) => v.rankInCity as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(res.json().page).toBeUndefined();
    expect(res.json().status).toBe('proposed');
    expect(res.body).not.toContain('explanation');
  });

  it('when pages are asked for, then they follow the ranking without gaps, say whether more follow, and count nothing unasked', async () => {
    const p1 = (await org.get(url('page=1&pageSize=3'))).json();
    const p2 = (await org.get(url('page=2&pageSize=3'))).json();
    expect(p1.villages.map((v: Village) => v.orgUnitId)).toEqual(whole.slice(0, 3).map((v) => v.orgUnitId));
    expect(p2.villages.map((v: Village) => v.orgUnitId)).toEqual(whole.slice(3).map((v) => v.orgUnitId));
    expect(p1.page).toEqual({ page: 1, pageSize: 3, hasMore: true, total: null });
    expect(p2.page).toEqual({ page: 2, pageSize: 3, hasMore: false, total: null });
    const counted = (await org.get(url('page=1&pageSize=3&count=true'))).json();
    expect(counted.page.total).toBe(4);
  });

  it('when a page lies past the end, then it is empty and the campaign still reads as computed', async () => {
    const res = (await org.get(url('page=9&pageSize=3'))).json();
    expect(res.villages).toEqual([]);
    expect(res.status).toBe('proposed');
    expect(res.page.hasMore).toBe(false);
  });

  it('when filtered by town, then only its villages come, in their town ranking', async () => {
    const town = t.city.towns[1];
    const res = (await org.get(url(`town=${town.id}&pageSize=10&count=true`))).json();
    expect(res.villages.map((v: Village) => v.townName)).toEqual(['乙镇', '乙镇']);
    expect(res.villages.map((v: Village) => v.rankInTown)).toEqual([1, 2]);
    expect(res.page.total).toBe(2);
  });

  it('when searched by name or filtered by stars, then exactly the matching villages come', async () => {
    const search = (await org.get(url(`search=${encodeURIComponent('二村')}&pageSize=10`))).json();
    expect(search.villages.map((v: Village) => v.name).sort()).toEqual(['乙二村', '甲二村']);
    // A LIKE wildcard typed by the user is text, not a pattern.
    expect((await org.get(url(`search=${encodeURIComponent('%')}&pageSize=10`))).json().villages).toEqual([]);
    for (const stars of [...new Set(whole.map((v) => v.stars))]) {
      const res = (await org.get(url(`stars=${stars ?? 0}&pageSize=10`))).json();
      expect(res.villages.map((v: Village) => v.orgUnitId).sort()).toEqual(whole.filter((v) => v.stars === stars).map((v) => v.orgUnitId).sort());
    }
  });

  it('when a town admin asks for another town, then nothing outside their scope comes, whatever the filter', async () => {
    const town1 = await loginAs(t.app, 'town1');
    const own = (await town1.get(url('pageSize=10&count=true'))).json();
    expect(own.villages.map((v: Village) => v.townName)).toEqual(['甲镇', '甲镇']);
    expect(own.page.total).toBe(2);
    const other = (await town1.get(url(`town=${t.city.towns[1].id}&pageSize=10&count=true`))).json();
    expect(other.villages).toEqual([]);
    expect(other.page.total).toBe(0);
  });

  it('when the towns are asked for or not, then they come by default and with towns=true, and are left out with towns=false', async () => {
    const names = (body: { towns?: { name: string }[] }) => body.towns?.map((x) => x.name).sort();
    expect(names((await org.get(url('page=1&pageSize=3'))).json())).toEqual(['乙镇', '甲镇']);
    expect(names((await org.get(url('page=2&pageSize=3&towns=true'))).json())).toEqual(['乙镇', '甲镇']);
    const without = await org.get(url('page=1&pageSize=3&towns=false'));
    expect(without.statusCode).toBe(200);
    expect(without.json().towns).toBeUndefined();
    // The rest of the page is what it is with the towns.
    const { towns: _towns, ...withTowns } = (await org.get(url('page=1&pageSize=3'))).json();
    expect(without.json()).toEqual(withTowns);
    // The whole list without paging leaves them out the same way when asked.
    expect((await org.get(url('towns=false'))).json().towns).toBeUndefined();
    const town1 = await loginAs(t.app, 'town1');
    expect(names((await town1.get(url('pageSize=10'))).json())).toEqual(['甲镇']);
  });

  it('when the towns flag is not true or false, then it is refused with the field named and a Chinese message', async () => {
    const bad = await org.get(url('page=1&pageSize=3&towns=no'));
    expect(bad.statusCode).toBe(400);
    const error = bad.json().error;
    expect(error.code).toBe('validation.failed');
    expect(error.message).toBe('提交的数据不符合要求，请检查后重试');
    expect(JSON.stringify(error.details)).toContain('towns');
  });

  it('when the query has an unknown field or a page size past 500, then it is refused with the field named', async () => {
    const unknown = await org.get(url('pageSize=10&sort=score'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('validation.unknown_field');
    const big = await org.get(url('pageSize=501'));
    expect(big.statusCode).toBe(400);
    expect(big.json().error.code).toBe('validation.failed');
    expect((await org.get(url('stars=6'))).statusCode).toBe(400);
  });
});
