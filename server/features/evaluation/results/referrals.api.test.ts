// A standard that refers quota ties to the department (quotas.ties = 'refer'): the ranking lists
// the tied villages with the open places, the notice waits until the department decides by
// override with a reason, and a place given by override still counts against the quota.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInCityStage, scoreCityStage, tumenStandard } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;

type Referral = { stars: number; places: number; given: number; resolved: boolean; text: string; villages: { orgUnitId: string; name: string; stars: number | null; decided: boolean }[] };
const referralsOf = async (): Promise<Referral[]> => (await org.get(`/api/campaigns/${campaignId}/results`)).json().referrals;
const override = (villageId: string, stars: number, reason: string) => org.post(`/api/campaigns/${campaignId}/results/${villageId}/override`, { stars, reason });
const toNotice = () => org.post(`/api/campaigns/${campaignId}/advance`, { to: 'notice', reason: '测试数据：只为四个村打分' });

beforeAll(async () => {
  t = await startTestApp();
  const tumen = await tumenStandard();
  // At most half of the four villages at three stars (2 places); ties at the boundary go to the department.
  const document = {
    ...tumen,
    stages: tumen.stages.map((s) => ({ ...s, kind: s.id })),
    formatVersion: 2,
    version: '2022-并列报部门',
    quotas: { scope: 'city', base: 'allVillages', limits: [{ stars: 3, maxPercent: 50 }], ties: 'refer' },
  };
  ({ campaignId, org } = await campaignInCityStage(t, 2026, document));
  // Three villages with the same sheet (tied on every key, three stars each), one far behind.
  await scoreCityStage(t, org, campaignId, [1, 1, 1, 0.5]);
});
afterAll(() => t.close());

describe('quota ties referred to the department', () => {
  it('when the results are computed, then the three tied villages are listed with the 2 open places and none keeps three stars for now', async () => {
    const computed = await org.post(`/api/campaigns/${campaignId}/results/compute`);
    expect(computed.statusCode).toBe(200);
    expect(computed.json().referrals).toEqual([expect.objectContaining({ stars: 3, places: 2, villages: expect.any(Array) })]);
    const [referral, ...rest] = await referralsOf();
    expect(rest).toEqual([]);
    expect(referral).toMatchObject({ stars: 3, places: 2, given: 0, resolved: false });
    expect(referral?.villages).toHaveLength(3);
    expect(referral?.villages.every((v) => v.stars === 2 && !v.decided)).toBe(true);
    expect(referral?.text).toContain('报部门决定');
  });

  it('when the department confirms and opens the notice while the tie is open, then 409 campaign.referrals_unresolved names the villages and nothing moves', async () => {
    expect((await org.post(`/api/campaigns/${campaignId}/results/confirm`)).statusCode).toBe(200);
    const refused = await toNotice();
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe('campaign.referrals_unresolved');
    const blocker = (error.details.blockers as { kind: string; overridable: boolean; details: string[]; text: string }[]).find((b) => b.kind === 'unresolved_referrals');
    expect(blocker).toMatchObject({ overridable: false, count: 1 });
    expect(blocker?.text).toContain('名额并列待部门裁定');
    expect(blocker?.details[0]).toContain('3 星剩余名额 2 个');
    expect((await org.get(`/api/campaigns/${campaignId}`)).json().status).toBe('city');
  });

  it('when the department gives both places by override, then the tie is resolved, a third village cannot take a place and the notice opens', async () => {
    const [referral] = await referralsOf();
    const [a, b, c] = referral?.villages ?? [];
    expect((await override(a?.orgUnitId ?? '', 3, '部门会议研究：并列村中群众满意度更高')).statusCode).toBe(200);
    expect((await referralsOf())[0]).toMatchObject({ given: 1, resolved: false });
    expect((await toNotice()).json().error.code).toBe('campaign.referrals_unresolved');
    expect((await override(b?.orgUnitId ?? '', 3, '部门会议研究：并列村中集体经济增长更快')).statusCode).toBe(200);
    expect((await referralsOf())[0]).toMatchObject({ given: 2, resolved: true });

    const third = await override(c?.orgUnitId ?? '', 3, '也给三星');
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe('results.quota_full');
    expect(third.json().error.details.text).toContain('全市 3 星名额 2 个');
    const stars = (await org.get(`/api/campaigns/${campaignId}/results`)).json().villages as { orgUnitId: string; stars: number | null }[];
    expect(stars.filter((v) => v.stars === 3)).toHaveLength(2);
    expect(stars.find((v) => v.orgUnitId === c?.orgUnitId)?.stars).toBe(2);

    expect((await toNotice()).statusCode).toBe(200);
  });
});

describe('deciding a referral without filling its places', () => {
  it('when each tied village carries a written decision, then the referral counts as resolved', async () => {
    const { referralStatuses } = await import('./referrals.js');
    const referral = { scope: 'city' as const, townId: null, stars: 5, places: 1, villages: ['x', 'y'], text: '' };
    const row = (id: string, overrideReason: string | null) => ({ villageId: id, name: id, townName: '甲镇', townId: 't', orgPath: '/', stars: 4, engineStars: 4, vetoed: false, overrideReason, referral });
    expect(referralStatuses([row('x', null), row('y', '维持四星')])[0]?.resolved).toBe(false);
    expect(referralStatuses([row('x', '维持四星'), row('y', '维持四星')])[0]).toMatchObject({ resolved: true, given: 0 });
  });
});
