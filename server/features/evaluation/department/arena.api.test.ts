// 擂台比武 and 民主评价 in stage 2 through HTTP: the campaign's arena indicator, every panel judge's
// score, the trimmed mean written to the department sheet (never typed there), and the votes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInDepartmentStage, campaignInMutualStage, judges } from '../../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const v = () => t.city.villages;
const arenaUrl = () => `/api/campaigns/${campaignId}/villages/${v().town1[0].id}/arena`;
const sheetUrl = () => `/api/campaigns/${campaignId}/sheets/department/${v().town1[0].id}`;
const judge = (n: number) => loginAs(t.app, `judge${n}`);

beforeAll(async () => {
  t = await startTestApp();
  await judges(t, 6); // judge6 sits on no panel
});
afterAll(() => t.close());

describe('the arena indicator of a campaign', () => {
  it('when the department names it before stage 2, then only department-stage indicators are accepted, and each change is audited', async () => {
    const { campaignId: planned, org: admin } = await campaignInMutualStage(t, 2027);
    const url = `/api/campaigns/${planned}/arena/settings`;
    const initial = (await admin.get(url)).json();
    expect(initial).toMatchObject({ indicatorId: 'arenaCompetition', indicatorName: '擂台比武表现', maxPoints: 3, source: 'default', canEdit: true });
    expect(initial.candidates.map((c: { id: string }) => c.id)).toContain('localExperts');
    expect(initial.candidates.map((c: { id: string }) => c.id)).not.toContain('btxStandard');
    expect((await admin.put(url, { indicatorId: 'btxStandard' })).json().error.code).toBe('arena.invalid_indicator');
    expect((await admin.put(url, { indicatorId: 'localExperts' })).json()).toMatchObject({ indicatorId: 'localExperts', source: 'campaign', maxPoints: 3 });
    expect((await admin.put(url, { indicatorId: null })).json()).toMatchObject({ indicatorId: null, source: 'none' });
    expect((await auditRows(t.app, 'arena.settings')).map((r) => [r.before, r.after])).toEqual([
      [{ indicatorId: 'arenaCompetition' }, { indicatorId: 'localExperts' }],
      [{ indicatorId: 'localExperts' }, { indicatorId: null }],
    ]);
    expect((await (await loginAs(t.app, 'town1')).put(url, { indicatorId: null })).statusCode).toBe(403);
  });

  it('when stage 2 has started, then the indicator can no longer change', async () => {
    ({ campaignId, org } = await campaignInDepartmentStage(t, 2026, 5));
    const res = await org.put(`/api/campaigns/${campaignId}/arena/settings`, { indicatorId: 'localExperts' });
    expect(res.json().error.code).toBe('arena.settings_locked');
    expect((await org.get(`/api/campaigns/${campaignId}/arena/settings`)).json()).toMatchObject({ indicatorId: 'arenaCompetition', canEdit: false });
  });
});

describe('the arena competition', () => {
  it('when four judges score, then the plain mean becomes the department sheet’s arena points, shown as computed', async () => {
    for (const [n, points] of [[1, 2.5], [2, 2.6], [3, 2.7], [4, 2.85]] as const) {
      expect((await (await judge(n)).put(arenaUrl(), { points })).statusCode).toBe(200);
    }
    // (2.5 + 2.6 + 2.7 + 2.85) / 4 = 2.6625 → 2.66
    const sheet = (await org.get(sheetUrl())).json();
    expect(sheet.indicators.find((i: { id: string }) => i.id === 'arenaCompetition')).toMatchObject({ points: 2.66, computedFrom: 'arena', enteredBy: 'judge4 测试' });
    expect(sheet.indicators.find((i: { id: string }) => i.id === 'teamBuilding').computedFrom).toBeNull();
    expect((await org.get(arenaUrl())).json().result).toEqual({ points: 2.66, judgesScored: 4, trimmed: false, dropped: null });
  });

  it('when the fifth judge scores, then the highest and the lowest are dropped', async () => {
    const res = await (await judge(5)).put(arenaUrl(), { points: 0.5 });
    // drop 2.85 and 0.5: (2.5 + 2.6 + 2.7) / 3 = 2.60
    expect(res.json()).toMatchObject({ myPoints: 0.5, panelJudges: 5, scores: null, result: null, canEdit: true });
    const dept = (await org.get(arenaUrl())).json();
    expect(dept.result).toEqual({ points: 2.6, judgesScored: 5, trimmed: true, dropped: { highest: 2.85, lowest: 0.5 } });
    expect(dept.scores.map((s: { judgeName: string; points: number }) => [s.judgeName, s.points])).toEqual([
      ['judge1 测试', 2.5], ['judge2 测试', 2.6], ['judge3 测试', 2.7], ['judge4 测试', 2.85], ['judge5 测试', 0.5],
    ]);
    expect((await org.get(sheetUrl())).json().indicators.find((i: { id: string }) => i.id === 'arenaCompetition').points).toBe(2.6);
    const list = (await org.get(`/api/campaigns/${campaignId}/arena`)).json();
    expect(list.items.find((i: { villageId: string }) => i.villageId === v().town1[0].id)).toMatchObject({ panelJudges: 5, judgesScored: 5, points: 2.6 });
  });

  it('when a judge changes or withdraws a score, then the result follows, each change one audit row with the result before and after', async () => {
    const before = (await auditRows(t.app, 'arena.score')).length;
    const j5 = await judge(5);
    await j5.put(arenaUrl(), { points: 0.5 }); // the same score: no change, no row
    await j5.put(arenaUrl(), { points: null });
    const rows = await auditRows(t.app, 'arena.score');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ before: { points: 0.5, result: 2.6, judges: 5 }, after: { points: null, result: 2.66, judges: 4 } });
    expect((await org.get(sheetUrl())).json().indicators.find((i: { id: string }) => i.id === 'arenaCompetition').points).toBe(2.66);
    await j5.put(arenaUrl(), { points: 0.5 });
  });

  it('when a judge types the arena points on the sheet, then 400; the other indicators still save', async () => {
    const j1 = await judge(1);
    expect((await j1.put(sheetUrl(), { scores: { arenaCompetition: 3 } })).json().error.code).toBe('sheet.computed_indicator');
    expect((await j1.put(sheetUrl(), { scores: { teamBuilding: 5 } })).statusCode).toBe(200);
    expect((await org.get(sheetUrl())).json().indicators.find((i: { id: string }) => i.id === 'arenaCompetition').points).toBe(2.6);
  });

  it('when a score is out of range, the judge is on no panel, or the caller is no judge, then 400, 404 or 403', async () => {
    const j1 = await judge(1);
    expect((await j1.put(arenaUrl(), { points: 3.5 })).json().error).toMatchObject({ code: 'arena.points_out_of_range', details: { maxPoints: 3 } });
    expect((await j1.put(arenaUrl(), { points: 1.234 })).json().error.code).toBe('arena.points_out_of_range');
    expect((await j1.put(arenaUrl(), { points: 2, note: 'x' })).json().error.code).toBe('validation.unknown_field');
    expect((await (await judge(6)).put(arenaUrl(), { points: 2 })).statusCode).toBe(404);
    expect((await (await judge(6)).get(arenaUrl())).statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'town1')).put(arenaUrl(), { points: 2 })).statusCode).toBe(403);
    expect((await org.put(arenaUrl(), { points: 2 })).statusCode).toBe(403);
  });
});

describe('democratic evaluation', () => {
  const url = () => `/api/campaigns/${campaignId}/villages/${v().town2[0].id}/democratic`;

  it('when a panel judge enters the votes, then they are kept as counts with their total and audited once', async () => {
    const j2 = await judge(2);
    const res = await j2.put(url(), { excellent: 30, good: 12, fair: 5, poor: 1 });
    expect(res.json()).toMatchObject({ votes: { excellent: 30, good: 12, fair: 5, poor: 1, total: 48, enteredBy: 'judge2 测试' }, canEdit: true });
    expect((await auditRows(t.app, 'democratic.save'))[0]).toMatchObject({ before: null, after: { excellent: 30, good: 12, fair: 5, poor: 1 } });
  });

  it('when no vote is counted or a field is unknown, then 400; the department reads, a judge of no panel gets 404', async () => {
    const j2 = await judge(2);
    expect((await j2.put(url(), { excellent: 0, good: 0, fair: 0, poor: 0 })).json().error.code).toBe('democratic.empty');
    expect((await j2.put(url(), { excellent: 1, good: 0, fair: 0, poor: 0, score: 90 })).json().error.code).toBe('validation.unknown_field');
    expect((await org.get(url())).json()).toMatchObject({ canEdit: false, votes: { total: 48 } });
    expect((await org.put(url(), { excellent: 1, good: 0, fair: 0, poor: 0 })).json().error.code).toBe('stage_work.locked');
    expect((await (await judge(6)).get(url())).statusCode).toBe(404);
  });

  it('when stage 2 has closed, then arena scores and votes are read-only and say why', async () => {
    await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'city', reason: '测试：提前进入市级考评' });
    const j1 = await judge(1);
    expect((await j1.put(arenaUrl(), { points: 1 })).json().error).toMatchObject({ code: 'stage_work.locked', details: { reason: '部门点评阶段已结束，评分只读' } });
    expect((await j1.get(url())).json()).toMatchObject({ canEdit: false, lockReason: '部门点评阶段已结束，评分只读' });
  });
});
