// The panel's comment and the review notice posted in the village (在村公示) through HTTP, up to the
// public page's API: published once stage 2 is complete, as published, without personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInDepartmentStage, stageSheetAt } from '../../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let judge1: Client;
let judge2: Client;
let campaignId: string;
const v = () => t.city.villages;
const reviewUrl = (suffix = '') => `/api/campaigns/${campaignId}/villages/${v().town1[0].id}/review${suffix}`;
const publicUrl = (villageId = v().town1[0].id) => `/api/public/campaigns/${campaignId}/villages/${villageId}/review`;
const comment = '班子团结有力，集体经济稳步增长；村务公开需更及时。';

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInDepartmentStage(t, 2026, 2));
  judge1 = await loginAs(t.app, 'judge1');
  judge2 = await loginAs(t.app, 'judge2');
});
afterAll(() => t.close());

describe('the panel’s comment', () => {
  it('when a judge writes the comment, then it is kept with the author and audited with before and after', async () => {
    const res = await judge1.put(reviewUrl('/comment'), { comment });
    expect(res.json()).toMatchObject({ comment, commentBy: 'judge1 测试', canComment: true, canPublish: false, published: null, panels: [{ name: '第一评委组', departments: '农业农村局、乡村振兴局' }] });
    expect((await auditRows(t.app, 'review.comment'))[0]).toMatchObject({ before: { comment: '' }, after: { comment } });
  });

  it('when the department or an outsider writes, then the department is refused as a reader and the village gets 404', async () => {
    expect((await org.put(reviewUrl('/comment'), { comment: 'x' })).json().error.code).toBe('stage_work.locked');
    expect((await (await loginAs(t.app, 'v11')).get(reviewUrl())).statusCode).toBe(404);
    expect((await judge1.put(reviewUrl('/comment'), { comment: '书记电话13912345678' })).json().error.code).toBe('stage_work.personal_data');
  });
});

describe('publishing the review notice', () => {
  it('when stage 2 is not complete, then publishing is refused with what is missing', async () => {
    const review = (await org.get(reviewUrl())).json();
    expect(review).toMatchObject({ complete: false, canPublish: false, departmentTotal: 0 });
    expect(review.missing[1]).toBe('擂台比武：0/2 位评委已评分');
    const res = await org.post(reviewUrl('/publish'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('review.incomplete');
    expect(res.json().error.details.missing).toEqual(review.missing);
    expect((await t.app.inject({ method: 'GET', url: publicUrl() })).json().error.code).toBe('review.not_published');
  });

  it('when every indicator and both arena scores are in, then the department publishes once, audited, and judges may not publish', async () => {
    await judge1.put(`/api/campaigns/${campaignId}/sheets/department/${v().town1[0].id}`, { scores: await stageSheetAt('department', 0.9, ['arenaCompetition']) });
    await judge1.put(reviewUrl().replace('/review', '/arena'), { points: 2.5 });
    await judge2.put(reviewUrl().replace('/review', '/arena'), { points: 2.8 });
    await judge1.put(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/democratic`, { excellent: 40, good: 8, fair: 2, poor: 0 });
    await judge1.post(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/rectifications`, { title: '更新村务公开栏', ownerText: '王某某', deadline: '2026-04-20' });
    const ready = (await org.get(reviewUrl())).json();
    // 14 typed indicators at 90% of their maximum, rounded: 67 points; the arena mean (2.5 + 2.8) / 2 = 2.65
    expect(ready).toMatchObject({ complete: true, missing: [], canPublish: true, departmentTotal: 69.65, departmentMax: 77 });
    expect((await judge1.post(reviewUrl('/publish'))).statusCode).toBe(403);
    const res = await org.post(reviewUrl('/publish'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ canComment: false, canPublish: false, lockReason: '点评结果已公示，只读', published: { publishedBy: 'orgadmin 测试', publicPath: `/m/campaigns/${campaignId}/villages/${v().town1[0].id}/review` } });
    expect((await org.post(reviewUrl('/publish'))).json().error.code).toBe('review.already_published');
    expect((await judge1.put(reviewUrl('/comment'), { comment: '改' })).json().error.code).toBe('review.comment_locked');
    const rows = await auditRows(t.app, 'review.publish');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.after).toEqual({ departmentTotal: ready.departmentTotal, publishedDate: '2026-04-02', rectifications: 1 });
  });

  it('when a villager opens the notice, then it shows the village, the comment and the department total, and no person', async () => {
    const res = await t.app.inject({ method: 'GET', url: publicUrl() });
    expect(res.statusCode).toBe(200);
    const notice = res.json();
    expect(notice).toMatchObject({
      campaignName: '2026年度五星级创建',
      year: 2026,
      villageName: '甲一村',
      townName: '甲镇',
      comment,
      departmentMax: 77,
      democratic: { excellent: 40, good: 8, fair: 2, poor: 0 },
      rectifications: [{ title: '更新村务公开栏', deadline: '2026-04-20' }],
      publishedDate: '2026-04-02',
    });
    expect(notice.indicators.find((i: { name: string }) => i.name === '擂台比武表现')).toEqual({ dimensionName: '培训提升', name: '擂台比武表现', points: 2.65, maxPoints: 3 });
    expect(notice.departmentTotal).toBe(notice.indicators.reduce((n: number, i: { points: number }) => Math.round((n + i.points) * 100) / 100, 0));
    expect(res.body).not.toMatch(/judge|测试|王某某|orgadmin/);
    expect((await t.app.inject({ method: 'GET', url: publicUrl(v().town1[1].id) })).statusCode).toBe(404);
  });

  it('when scores change after publication, then the posted notice stays as published', async () => {
    await judge1.put(`/api/campaigns/${campaignId}/sheets/department/${v().town1[0].id}`, { scores: { teamBuilding: 1 } });
    const before = (await org.get(reviewUrl())).json().departmentTotal;
    const notice = (await t.app.inject({ method: 'GET', url: publicUrl() })).json();
    expect(notice.departmentTotal).not.toBe(before);
    expect(notice.indicators.find((i: { name: string }) => i.name === '班子队伍建设').points).toBe(5);
  });

  it('when one address reads the notice too often, then it is limited to 60 a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await t.app.inject({ method: 'GET', url: publicUrl(), remoteAddress: '10.9.9.9' })).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect((await t.app.inject({ method: 'GET', url: publicUrl(), remoteAddress: '10.9.9.9' })).statusCode).toBe(429);
    expect((await t.app.inject({ method: 'GET', url: publicUrl(), remoteAddress: '10.9.9.8' })).statusCode).toBe(200);
  });

  it('when the department lists the reviews, then each village shows its total, completeness and publication', async () => {
    const list = (await org.get(`/api/campaigns/${campaignId}/reviews`)).json();
    expect(list.total).toBe(4);
    expect(list.items.map((i: { villageName: string; complete: boolean; hasComment: boolean; publishedAt: string | null }) => [i.villageName, i.complete, i.hasComment, i.publishedAt !== null])).toEqual([
      ['甲一村', true, true, true],
      ['甲二村', false, false, false],
      ['乙一村', false, false, false],
      ['乙二村', false, false, false],
    ]);
  });
});
