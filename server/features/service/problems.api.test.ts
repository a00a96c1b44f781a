import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { type FieldworkPeople, loginAll, logProblem, makeFieldworkPeople, pairThrough } from '../../../test/fieldwork-factories.js';

let t: TestApp;
let fp: FieldworkPeople;
let org: Client;
let town1: Client;
let town2: Client;
let v11: Client;
let v12: Client;
let v21: Client;
let leader: Client;
let village11: string;

const statusOf = async (id: string) =>
  ((await t.app.services.db.execute(sql`SELECT status FROM problems WHERE id = ${id}`)) as unknown as { rows: { status: string }[] }).rows[0]?.status;

beforeAll(async () => {
  t = await startTestApp();
  fp = await makeFieldworkPeople(t);
  [org, town1, town2, v11, v12, v21, leader] = await loginAll(t, ['orgadmin', 'town1', 'town2', 'v11', 'v12', 'v21', 'leader'] as const);
  village11 = t.city.villages.town1[0].id;
  await pairThrough(org, fp.leaderA, village11);
});
afterAll(() => t.close());

describe('household visits and logging problems', () => {
  it('when a cadre records a household visit and logs a problem from it, then the problem is open and linked to the visit', async () => {
    const visit = await v11.post('/api/household-visits', { villageId: village11, visitDate: '2026-02-10', household: '三组 李某某户', visitors: '干部甲一', notes: '反映路灯不亮' });
    expect(visit.statusCode).toBe(200);
    const id = await logProblem(v11, village11, { householdVisitId: visit.json().id });
    const problem = (await v11.get(`/api/problems/${id}`)).json();
    expect(problem).toMatchObject({ status: 'open', villageName: '甲一村', townName: '甲镇', year: 2026, householdVisitId: visit.json().id, overdue: false, mine: false });
    expect(problem.events.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect((await v11.get(`/api/household-visits/${visit.json().id}`)).json().problemCount).toBe(1);
    const listed = (await town1.get('/api/household-visits?year=2026')).json();
    expect(listed.items.map((h: { household: string; villageName: string }) => [h.household, h.villageName])).toEqual([['三组 李某某户', '甲一村']]);
    expect((await town2.get('/api/household-visits')).json().total).toBe(0);
    expect((await town2.get(`/api/household-visits/${visit.json().id}`)).statusCode).toBe(404);
    const audit = (await auditRows(t.app, 'household_visit.create'))[0];
    expect(JSON.stringify(audit)).not.toContain('李某某');
  });

  it('when a village cadre writes to another village, then 404 and nothing is created', async () => {
    const other = t.city.villages.town2[0].id;
    expect((await v11.post('/api/household-visits', { villageId: other, visitDate: '2026-02-10', household: '某户', visitors: '某人' })).statusCode).toBe(404);
    const res = await v11.post('/api/problems', { villageId: other, title: 'x', category: '其他', source: '其他', reportedDate: '2026-02-10' });
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'org.not_found']);
    expect((await org.get(`/api/problems?orgUnitId=${other}`)).json().total).toBe(0);
  });

  it('when a problem is dated in the future or at a town, then 400 with the code', async () => {
    const future = await v11.post('/api/problems', { villageId: village11, title: 'x', category: '其他', source: '其他', reportedDate: '2026-03-09' });
    expect(future.json().error.code).toBe('fieldwork.future_date');
    const town = await town1.post('/api/problems', { villageId: t.city.towns[0].id, title: 'x', category: '其他', source: '其他', reportedDate: '2026-03-01' });
    expect(town.json().error.code).toBe('fieldwork.village_required');
  });
});

describe('claiming and closing (销号)', () => {
  it('when a cadre claims, works and resolves a problem, and the town confirms it, then each step is audited once and timed on the timeline', async () => {
    const id = await logProblem(v11, village11, { title: '排水沟堵塞' });
    const later = () => t.clock.advance(60_000);
    later();
    const claimed = await v11.post(`/api/problems/${id}/claim`, { assigneeId: fp.cadre11 });
    expect(claimed.json()).toMatchObject({ status: 'claimed', claimedByName: '干部甲一', assigneeName: '干部甲一', claimedDate: '2026-03-02', mine: true });
    later();
    expect((await v11.post(`/api/problems/${id}/start`, {})).json().status).toBe('in_progress');
    later();
    const resolved = await v11.post(`/api/problems/${id}/resolve`, { resolution: '已清淤疏通' });
    expect(resolved.json().problem).toMatchObject({ status: 'resolved', resolvedDate: '2026-03-02', resolution: '已清淤疏通' });
    expect(resolved.json().confirmPath).toMatch(/^\/m\/problems\/confirm\/[A-Za-z0-9_-]{32}$/);
    later();
    const confirmed = await town1.post(`/api/problems/${id}/confirm`, { note: '现场核实' });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedVia: 'town', confirmedDate: '2026-03-02' });
    const detail = (await town1.get(`/api/problems/${id}`)).json();
    expect(detail.events.map((e: { action: string; toStatus: string }) => `${e.action}:${e.toStatus}`)).toEqual([
      'create:open',
      'claim:claimed',
      'start:in_progress',
      'resolve:resolved',
      'confirm:confirmed',
    ]);
    for (const event of ['problem.claim', 'problem.start', 'problem.resolve', 'problem.confirm']) {
      expect((await auditRows(t.app, event)).filter((r) => r.object_id === id)).toHaveLength(1);
    }
  });

  it('when a step is illegal in the current state, then 409 with the code and the status is unchanged', async () => {
    const id = await logProblem(v11, village11, { title: '非法流转' });
    const early = await v11.post(`/api/problems/${id}/resolve`, { resolution: '跳过认领' });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'problem.invalid_transition']);
    expect((await town1.post(`/api/problems/${id}/confirm`, {})).json().error.code).toBe('problem.invalid_transition');
    expect((await town1.post(`/api/problems/${id}/reopen`, { reason: 'x' })).json().error.code).toBe('problem.invalid_transition');
    await v11.post(`/api/problems/${id}/claim`, {});
    expect((await v11.post(`/api/problems/${id}/claim`, {})).json().error.code).toBe('problem.invalid_transition');
    expect(await statusOf(id)).toBe('claimed');
    const noResolution = await v11.post(`/api/problems/${id}/resolve`, { resolution: ' ' });
    expect(noResolution.statusCode).toBe(400);
    expect(await statusOf(id)).toBe('claimed');
  });

  it('when someone other than the claimer or the village admin tries to close, then 403 problem.not_claimer and nothing changes', async () => {
    const id = await logProblem(town1, village11, { title: '镇里登记的问题' });
    const claim = await town1.post(`/api/problems/${id}/claim`, {});
    expect(claim.json()).toMatchObject({ status: 'claimed', claimedByName: 'town1 测试', mine: true });
    const other = await loginAs(t.app, 'town1');
    expect((await other.post(`/api/problems/${id}/resolve`, { resolution: '同一账户可以' })).statusCode).toBe(200);
    const id2 = await logProblem(v11, village11, { title: '村里认领' });
    await v11.post(`/api/problems/${id2}/claim`, {});
    const byTown = await town1.post(`/api/problems/${id2}/resolve`, { resolution: '镇代为销号' });
    expect([byTown.statusCode, byTown.json().error.code]).toEqual([403, 'problem.not_claimer']);
    expect(await statusOf(id2)).toBe('claimed');
    const byVillageAdmin = await v11.post(`/api/problems/${id2}/release`, {});
    expect(byVillageAdmin.json()).toMatchObject({ status: 'open', claimedByName: '' });
  });

  it('when a village cadre tries to confirm or reopen, then 403: only the town confirms', async () => {
    const id = await logProblem(v11, village11, { title: '待确认' });
    await v11.post(`/api/problems/${id}/claim`, {});
    await v11.post(`/api/problems/${id}/resolve`, { resolution: '已办' });
    expect((await v11.post(`/api/problems/${id}/confirm`, {})).statusCode).toBe(403);
    expect((await town2.post(`/api/problems/${id}/confirm`, {})).statusCode).toBe(404);
    expect(await statusOf(id)).toBe('resolved');
  });

  it('when the town reopens a confirmed problem with a reason, then it is back in progress with the claimer, counted as reopened', async () => {
    const id = await logProblem(v11, village11, { title: '复发问题' });
    await v11.post(`/api/problems/${id}/claim`, {});
    await v11.post(`/api/problems/${id}/resolve`, { resolution: '已修' });
    await town1.post(`/api/problems/${id}/confirm`, {});
    expect((await town1.post(`/api/problems/${id}/reopen`, {})).statusCode).toBe(400);
    const reopened = await town1.post(`/api/problems/${id}/reopen`, { reason: '群众反映又坏了' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', reopenCount: 1, reopenReason: '群众反映又坏了', resolvedDate: null, confirmedVia: null, claimedByName: 'v11 测试' });
    const rows = (await auditRows(t.app, 'problem.reopen')).filter((r) => r.object_id === id);
    expect(rows[0]?.after).toMatchObject({ status: 'in_progress', reason: '群众反映又坏了' });
  });

  it('when a closed problem is edited, then 409; an open one accepts edits', async () => {
    const id = await logProblem(v11, village11, { title: '可编辑' });
    expect((await v11.patch(`/api/problems/${id}`, { title: '可编辑（改）', dueDate: null })).json()).toMatchObject({ title: '可编辑（改）', dueDate: null });
    await v11.post(`/api/problems/${id}/claim`, {});
    await v11.post(`/api/problems/${id}/resolve`, { resolution: '办结' });
    expect((await v11.patch(`/api/problems/${id}`, { title: '再改' })).json().error.code).toBe('problem.invalid_transition');
  });
});

describe('villager confirmation by the one-time link', () => {
  it('when the villager opens the link and is satisfied, then the problem is confirmed by the villager and the link is spent', async () => {
    const id = await logProblem(v11, village11, { title: '村民确认' });
    await v11.post(`/api/problems/${id}/claim`, {});
    const path = (await v11.post(`/api/problems/${id}/resolve`, { resolution: '换了新灯' })).json().confirmPath as string;
    const token = path.split('/').pop();
    const shown = await t.app.inject({ method: 'GET', url: `/api/public/problem-confirmations/${token}` });
    expect(shown.json()).toEqual({ villageName: '甲一村', title: '村民确认', resolution: '换了新灯', resolvedDate: '2026-03-02' });
    expect(shown.body).not.toContain('测试户');
    const answer = await t.app.inject({ method: 'POST', url: `/api/public/problem-confirmations/${token}`, payload: { satisfied: true } });
    expect(answer.json()).toEqual({ status: 'confirmed' });
    expect((await v11.get(`/api/problems/${id}`)).json()).toMatchObject({ status: 'confirmed', confirmedVia: 'villager' });
    const again = await t.app.inject({ method: 'POST', url: `/api/public/problem-confirmations/${token}`, payload: { satisfied: false } });
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'problem.confirm_link_invalid']);
    expect((await auditRows(t.app, 'problem.villager_confirm'))[0]).toMatchObject({ username: 'villager', object_id: id });
  });

  it('when the villager is not satisfied, then the problem is reopened with their words', async () => {
    const id = await logProblem(v11, village11, { title: '不满意' });
    await v11.post(`/api/problems/${id}/claim`, {});
    const token = ((await v11.post(`/api/problems/${id}/resolve`, { resolution: '修了' })).json().confirmPath as string).split('/').pop();
    await t.app.inject({ method: 'POST', url: `/api/public/problem-confirmations/${token}`, payload: { satisfied: false, note: '还是不亮' } });
    expect((await v11.get(`/api/problems/${id}`)).json()).toMatchObject({ status: 'in_progress', reopenCount: 1, reopenReason: '村民不满意：还是不亮' });
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/problem-confirmations/not-a-real-token-at-all-123' });
    expect(bad.statusCode).toBe(404);
  });
});

describe('lists, overdue and scope', () => {
  it('when a problem is past its due date and not closed, then it is marked overdue and found by the overdue filter', async () => {
    const id = await logProblem(v11, village11, { title: '逾期问题', reportedDate: '2026-01-05', dueDate: '2026-02-01' });
    const list = (await v11.get('/api/problems?overdue=true&pageSize=100')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(list.items.every((p: { overdue: boolean }) => p.overdue)).toBe(true);
    expect((await v11.get(`/api/problems/${id}`)).json().overdue).toBe(true);
  });

  it('when lists are read, then a village sees its own, a town its villages, a leader only paired villages', async () => {
    await logProblem(v21, t.city.villages.town2[0].id, { title: '乙一村问题' });
    await logProblem(v12, t.city.villages.town1[1].id, { title: '甲二村问题' });
    const names = async (c: Client) => new Set((await c.get('/api/problems?pageSize=100')).json().items.map((p: { villageName: string }) => p.villageName));
    expect(await names(v11)).toEqual(new Set(['甲一村']));
    expect(await names(v21)).toEqual(new Set(['乙一村']));
    expect(await names(town1)).toEqual(new Set(['甲一村', '甲二村']));
    expect(await names(leader)).toEqual(new Set(['甲一村']));
    expect(await names(org)).toEqual(new Set(['甲一村', '甲二村', '乙一村']));
    const foreign = (await v21.get('/api/problems?pageSize=1')).json().items[0].id;
    expect((await v11.get(`/api/problems/${foreign}`)).statusCode).toBe(404);
    expect((await leader.post(`/api/problems/${foreign}/claim`, {})).statusCode).toBe(403);
  });

  it('when a village moves to another town, then its problems move with it', async () => {
    const made = await org.post('/api/org-units', { parentId: t.city.towns[0].id, kind: '行政村', name: '迁移村', code: 'T1-MV', partyOrgType: '党支部', partyOrgName: '迁移村党支部' });
    const id = await logProblem(town1, made.json().id, { title: '随村迁移' });
    await org.post(`/api/org-units/${made.json().id}/move`, { parentId: t.city.towns[1].id });
    expect((await town1.get(`/api/problems/${id}`)).statusCode).toBe(404);
    expect((await town2.get(`/api/problems/${id}`)).json()).toMatchObject({ villageName: '迁移村', townName: '乙镇' });
  });
});
