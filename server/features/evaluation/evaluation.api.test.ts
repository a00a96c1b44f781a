// The whole evaluation through HTTP: a campaign from draft to final stars and rankings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { makeAccount } from '../../../test/factories.js';
import { loadShippedStandards } from '../standards/shipped-standards.js';
import type { Standard } from '../../../shared/standards/standard.js';

let t: TestApp;
let org: Client;
let campaignId: string;
let tumen: Standard;
const day = 86_400_000;
const windows = {
  mutual: { opens: '2026-03-01', closes: '2026-03-31' },
  department: { opens: '2026-04-01', closes: '2026-04-30' },
  city: { opens: '2026-05-01', closes: '2026-05-31' },
};
const v = () => t.city.villages;
const stageIds = (stage: string) =>
  tumen.dimensions
    .flatMap((d) => d.indicators)
    .flatMap((i) => (i.kind === 'scored' && i.stages.includes(stage as 'city') ? [i] : []));
/** Every indicator of the stage at a share of its maximum, rounded to whole points. */
const sheetAt = (stage: string, share: number) => Object.fromEntries(stageIds(stage).map((i) => [i.id, Math.round(i.maxPoints * share)]));

beforeAll(async () => {
  t = await startTestApp();
  org = await loginAs(t.app, 'orgadmin');
  [tumen] = (await loadShippedStandards()) as [Standard];
  await makeAccount(t.app.services, t.city.countyId, 'judge1', 'judge', t.city.city.id);
  await makeAccount(t.app.services, t.city.countyId, 'judge2', 'judge', t.city.city.id);
});
afterAll(() => t.close());

describe('campaign from draft to final', () => {
  it('when a campaign is created, then it starts in draft with the standard’s weights; bad windows or weights are refused', async () => {
    const standardId = (await org.post('/api/standards', { document: tumen })).json().id;
    const bad = await org.post('/api/campaigns', { year: 2026, name: 'x', standardId, windows: { ...windows, city: { opens: '2026-02-01', closes: '2026-01-01' } } });
    expect(bad.json().error.code).toBe('campaign.invalid_windows');
    const badWeights = await org.post('/api/campaigns', { year: 2026, name: 'x', standardId, windows, stageWeights: { mutual: 50, department: 50, city: 50 } });
    expect(badWeights.json().error.code).toBe('campaign.weights_not_100');
    // Tumen's arena indicator is scored only in stage 2: weighing stage 2 at 0 would leave it unscored.
    const unfit = await org.post('/api/campaigns', { year: 2026, name: 'x', standardId, windows, stageWeights: { mutual: 30, department: 0, city: 70 } });
    expect(unfit.json().error.code).toBe('campaign.standard_invalid_with_weights');
    const res = await org.post('/api/campaigns', { year: 2026, name: '2026年度五星级创建', standardId, windows });
    expect(res.json()).toMatchObject({ status: 'draft', stageWeights: { mutual: 20, department: 30, city: 50 }, noticeDays: 5 });
    campaignId = res.json().id;
    expect((await org.post('/api/campaigns', { year: 2026, name: 'dup', standardId, windows })).statusCode).toBe(409);
  });

  it('when teams are proposed, then no town evaluates itself; a plan where one does is refused', async () => {
    const proposal = (await org.post(`/api/campaigns/${campaignId}/teams/propose`)).json();
    expect(proposal).toEqual([
      { evaluatorTownId: t.city.towns[0].id, targetTownId: t.city.towns[1].id },
      { evaluatorTownId: t.city.towns[1].id, targetTownId: t.city.towns[0].id },
    ]);
    const self = await org.put(`/api/campaigns/${campaignId}/teams`, { teams: [{ evaluatorTownId: t.city.towns[0].id, targetTownId: t.city.towns[0].id }] });
    expect(self.json().error.code).toBe('teams.invalid');
    const teams = proposal.map((p: { evaluatorTownId: string }, i: number) => ({ ...p, memberIds: [i === 0 ? t.city.users.town1 : t.city.users.town2] }));
    const saved = await org.put(`/api/campaigns/${campaignId}/teams`, { teams });
    expect(saved.json().map((x: { targetTown: { name: string } }) => x.targetTown.name)).toEqual(['乙镇', '甲镇']);
  });

  it('when the campaign has not started, then sheets are locked and say why', async () => {
    const town1 = await loginAs(t.app, 'town1');
    const sheet = await town1.get(`/api/campaigns/${campaignId}/sheets/mutual/${v().town2[0].id}`);
    expect(sheet.json().lockReason).toBe('评星年度尚未启动：组织部推进到摸底互评后才开始评分；摸底互评计划填报时间为 2026-03-01 至 2026-03-31');
    const save = await town1.put(`/api/campaigns/${campaignId}/sheets/mutual/${v().town2[0].id}`, { scores: sheetAt('mutual', 1) });
    expect(save.json().error).toMatchObject({ code: 'sheet.locked', details: { reason: expect.stringContaining('评星年度尚未启动') } });
  });

  it('when stage 1 runs, then town1’s team scores town2’s villages, never its own, and each save is audited once with before and after', async () => {
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'department' })).json().error.code).toBe('campaign.illegal_transition');
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'mutual' })).json().status).toBe('mutual');
    const town1 = await loginAs(t.app, 'town1');
    const list = (await town1.get(`/api/campaigns/${campaignId}/sheets/mutual`)).json();
    expect(list.map((x: { name: string }) => x.name).sort()).toEqual(['乙一村', '乙二村']);
    expect((await town1.get(`/api/campaigns/${campaignId}/sheets/mutual/${v().town1[0].id}`)).statusCode).toBe(404);
    const first = await town1.put(`/api/campaigns/${campaignId}/sheets/mutual/${v().town2[0].id}`, { scores: sheetAt('mutual', 0.5) });
    expect(first.statusCode).toBe(200);
    const full = await town1.put(`/api/campaigns/${campaignId}/sheets/mutual/${v().town2[0].id}`, { scores: sheetAt('mutual', 1) });
    expect(full.json().total).toBe(full.json().maxTotal);
    const rows = (await auditRows(t.app, 'score.change')).filter((r) => String(r.object_id).endsWith(v().town2[0].id));
    expect(rows).toHaveLength(2);
    const someId = stageIds('mutual')[0]!.id;
    expect((rows[1]?.before as Record<string, number>)[someId]).toBe(Math.round(stageIds('mutual')[0]!.maxPoints * 0.5));
    const town2 = await loginAs(t.app, 'town2');
    for (const village of [...v().town1, ...v().town2]) {
      const c = village.path.includes(t.city.towns[0].id) ? town2 : town1;
      await c.put(`/api/campaigns/${campaignId}/sheets/mutual/${village.id}`, { scores: sheetAt('mutual', 0.9) });
    }
  });

  it('when a sheet names an indicator of another stage or too many points, then 400 and nothing changes', async () => {
    const town1 = await loginAs(t.app, 'town1');
    const url = `/api/campaigns/${campaignId}/sheets/mutual/${v().town2[1].id}`;
    const before = (await town1.get(url)).json().total;
    const cityOnly = stageIds('city').find((i) => !i.stages.includes('mutual'))!.id;
    expect((await town1.put(url, { scores: { [cityOnly]: 1 } })).json().error.code).toBe('sheet.unknown_indicator');
    const one = stageIds('mutual')[0]!;
    expect((await town1.put(url, { scores: { [one.id]: one.maxPoints + 1 } })).json().error.code).toBe('sheet.points_out_of_range');
    expect((await town1.put(url, { scores: { [one.id]: 1.234 } })).json().error.code).toBe('sheet.points_out_of_range');
    expect((await town1.get(url)).json().total).toBe(before);
  });

  it('when stage 2 runs, then only panel judges score their villages and stage 1 is read-only', async () => {
    // The department picks judges from the evaluator list (it holds no account-administration right).
    const evaluators = (await org.get('/api/evaluators')).json().items;
    expect(evaluators.map((a: { username: string }) => a.username)).toEqual(['judge1', 'judge2', 'town1', 'town2']);
    expect((await (await loginAs(t.app, 'town1')).get('/api/evaluators')).statusCode).toBe(403);
    const byName = Object.fromEntries(evaluators.map((a: { id: string; username: string }) => [a.username, a.id]));
    const panel = await org.post(`/api/campaigns/${campaignId}/panels`, { name: '第一评委组', departments: '农业农村局、乡村振兴局', memberIds: [byName.judge1], villageIds: [...v().town1, ...v().town2].map((x) => x.id) });
    expect(panel.statusCode).toBe(200);
    // Before the department window opens: the gate wants a written reason.
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'department', reason: '测试：提前进入部门点评' })).statusCode).toBe(200);
    t.clock.set(new Date('2026-04-02T02:00:00Z'));
    org = await loginAs(t.app, 'orgadmin'); // the clock moved past the session's idle limit
    const town1 = await loginAs(t.app, 'town1');
    expect((await town1.get(`/api/campaigns/${campaignId}/sheets/mutual/${v().town2[0].id}`)).json().lockReason).toBe('摸底互评阶段已结束，评分只读');
    const judge1 = await loginAs(t.app, 'judge1');
    const judge2 = await loginAs(t.app, 'judge2');
    expect((await judge2.get(`/api/campaigns/${campaignId}/sheets/department/${v().town1[0].id}`)).statusCode).toBe(404);
    for (const village of [...v().town1, ...v().town2]) {
      // The arena indicator is computed from the judges' arena scores, never typed on the sheet.
      const { arenaCompetition: arena, ...typed } = sheetAt('department', 0.9);
      const res = await judge1.put(`/api/campaigns/${campaignId}/sheets/department/${village.id}`, { scores: typed });
      expect(res.statusCode).toBe(200);
      expect((await judge1.put(`/api/campaigns/${campaignId}/villages/${village.id}/arena`, { points: arena })).statusCode).toBe(200);
    }
  });

  it('when stage 3 runs, then the department scores, the engine proposes stars, and a change needs a reason', async () => {
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'city', reason: '测试：提前进入市级考评，点评结果未公示' })).statusCode).toBe(200);
    t.clock.set(new Date('2026-05-06T02:00:00Z'));
    org = await loginAs(t.app, 'orgadmin');
    const shares = [1, 0.9, 0.75, 0.55];
    const all = [...v().town1, ...v().town2];
    for (const [i, village] of all.entries()) {
      const res = await org.put(`/api/campaigns/${campaignId}/sheets/city/${village.id}`, { scores: sheetAt('city', shares[i]!) });
      expect(res.statusCode).toBe(200);
    }
    expect((await org.get(`/api/campaigns/${campaignId}/results`)).json().status).toBe('none');
    for (const town of t.city.towns) expect((await org.put(`/api/campaigns/${campaignId}/towns/${town.id}/score`, { score: 86 })).statusCode).toBe(200);
    expect((await org.put(`/api/campaigns/${campaignId}/towns/${v().town1[0].id}/score`, { score: 86 })).statusCode).toBe(404);
    const summary = (await org.post(`/api/campaigns/${campaignId}/results/compute`)).json();
    expect(summary.villages).toBe(4);
    const results = (await org.get(`/api/campaigns/${campaignId}/results`)).json();
    expect(results.status).toBe('proposed');
    const scores = results.villages.map((x: { score: number }) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(results.villages[0]).toMatchObject({ name: '甲一村', rankInCity: 1, rankInTown: 1 });
    expect(results.villages.at(-1).stars).toBeLessThan(results.villages[0].stars);
    // Own score 86 for both; 甲镇's villages are all at three stars or more (four stars), half of
    // 乙镇's are not (below the 60% the scheme asks for three stars).
    expect(results.towns.map((x: { name: string; stars: number }) => [x.name, x.stars])).toEqual([['甲镇', 4], ['乙镇', 2]]);

    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'notice' })).json().error.code).toBe('campaign.results_unconfirmed');
    const noReason = await org.post(`/api/campaigns/${campaignId}/results/${all[3]!.id}/override`, { stars: 3, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const override = await org.post(`/api/campaigns/${campaignId}/results/${all[3]!.id}/override`, { stars: 3, reason: '整改到位，经集体研究上调' });
    expect(override.statusCode).toBe(200);
    expect((await auditRows(t.app, 'results.override'))[0]).toMatchObject({ after: { stars: 3, reason: '整改到位，经集体研究上调' } });
    expect((await org.post(`/api/campaigns/${campaignId}/results/confirm`)).json()).toEqual({ confirmed: 3 });
    const confirmed = (await org.get(`/api/campaigns/${campaignId}/results`)).json();
    expect(confirmed.villages.every((x: { confirmed: boolean }) => x.confirmed)).toBe(true);
    expect(confirmed.towns.map((x: { ownScore: number }) => x.ownScore)).toEqual([86, 86]);
  });

  it('when the notice runs its 5 working days, then final is refused before the end and accepted after, and results are final', async () => {
    const notice = (await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'notice' })).json();
    expect(notice).toMatchObject({ status: 'notice', noticeStarts: '2026-05-06', noticeEnds: '2026-05-12' });
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'final' })).json().error.code).toBe('campaign.notice_running');
    t.clock.advance(7 * day);
    org = await loginAs(t.app, 'orgadmin');
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'final' })).json().status).toBe('final');
    const results = (await org.get(`/api/campaigns/${campaignId}/results`)).json();
    expect(results.status).toBe('final');
    expect(results.villages.find((x: { orgUnitId: string }) => x.orgUnitId === v().town2[1].id)).toMatchObject({ stars: 3, overridden: true });
    expect(results.towns).toHaveLength(2);
    const override = await org.post(`/api/campaigns/${campaignId}/results/${v().town1[0].id}/override`, { stars: 1, reason: 'x' });
    expect(override.json().error.code).toBe('results.not_editable');
    expect((await org.get('/api/standards')).json().items[0].locked).toBe(true);
  });

  it('when a town official reads results, then only their own town’s villages are listed', async () => {
    const town1 = await loginAs(t.app, 'town1');
    const res = (await town1.get(`/api/campaigns/${campaignId}/results`)).json();
    expect(res.villages.map((x: { name: string }) => x.name).sort()).toEqual(['甲一村', '甲二村']);
    expect(res.towns.map((x: { name: string }) => x.name)).toEqual(['甲镇']);
    expect((await town1.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(403);
  });
});
