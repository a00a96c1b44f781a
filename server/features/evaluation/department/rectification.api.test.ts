// 整改 after the department review through HTTP: set by the panel, submitted by the village,
// verified or returned by the panel or the department; illegal moves are 409 and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInDepartmentStage, judges } from '../../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let judge1: Client;
let v11: Client;
let campaignId: string;
let taskId: string;
const v = () => t.city.villages;
const task = { title: '更新村务公开栏', requirement: '按季度公开财务收支', ownerText: '村党支部书记', deadline: '2026-04-20' };
const url = (suffix = '') => `/api/campaigns/${campaignId}/rectifications${suffix}`;

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInDepartmentStage(t, 2026, 2));
  judge1 = await loginAs(t.app, 'judge1');
  v11 = await loginAs(t.app, 'v11');
});
afterAll(() => t.close());

describe('setting rectification tasks', () => {
  it('when a panel judge sets a task for 甲一村, then it is open with the judge as author and audited without the owner', async () => {
    const res = await judge1.post(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/rectifications`, task);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...task, status: 'open', overdue: false, villageName: '甲一村', townName: '甲镇', createdBy: 'judge1 测试', actions: ['edit'] });
    taskId = res.json().id;
    const [row] = await auditRows(t.app, 'rectification.create');
    expect(row?.after).toEqual({ villageId: v().town1[0].id, title: task.title, deadline: task.deadline, status: 'open' });
    expect(JSON.stringify(row)).not.toContain('村党支部书记');
  });

  it('when the village, its town, the other village or a judge of no panel look, then the village and its town see it, the others do not', async () => {
    expect((await v11.get(url(`/${taskId}`))).json()).toMatchObject({ status: 'open', actions: ['attach', 'submit'] });
    const town1 = await loginAs(t.app, 'town1');
    expect((await town1.get(url())).json().total).toBe(1);
    expect((await town1.get(url(`/${taskId}`))).json().actions).toEqual([]);
    expect((await (await loginAs(t.app, 'town2')).get(url())).json().total).toBe(0);
    expect((await (await loginAs(t.app, 'v21')).get(url(`/${taskId}`))).statusCode).toBe(404);
    expect((await org.get(url())).json().items[0].actions).toEqual(['edit']);
    await judges(t, 3); // judge3 sits on no panel
    const judge3 = await loginAs(t.app, 'judge3');
    expect((await judge3.get(url())).json().total).toBe(0);
    expect((await judge3.get(url(`/${taskId}`))).statusCode).toBe(404);
  });

  it('when a task is set by someone outside the panel, or with a phone number, or bad fields, then 404 or 400', async () => {
    const village = `/api/campaigns/${campaignId}/villages/${v().town1[0].id}/rectifications`;
    expect((await v11.post(village, task)).statusCode).toBe(404);
    expect((await judge1.post(village, { ...task, ownerText: '张三 13812345678' })).json().error.code).toBe('stage_work.personal_data');
    expect((await judge1.post(village, { ...task, deadline: '2026-4-20' })).statusCode).toBe(400);
    expect((await judge1.post(village, { ...task, status: 'verified' })).json().error.code).toBe('validation.unknown_field');
    expect((await org.get(url())).json().total).toBe(1);
  });
});

describe('the task’s life', () => {
  it('when the village submits with evidence, then it waits for verification; nobody else may submit and it cannot be submitted twice', async () => {
    expect((await judge1.post(url(`/${taskId}/submit`), { evidence: 'x' })).statusCode).toBe(403);
    expect((await v11.post(url(`/${taskId}/verify`), {})).statusCode).toBe(403);
    expect((await v11.post(url(`/${taskId}/submit`), { evidence: ' ' })).statusCode).toBe(400);
    const res = await v11.post(url(`/${taskId}/submit`), { evidence: '已于4月8日更新公开栏，附照片3张' });
    expect(res.json()).toMatchObject({ status: 'submitted', submittedBy: 'v11 测试', evidence: '已于4月8日更新公开栏，附照片3张', actions: [] });
    expect((await v11.post(url(`/${taskId}/submit`), { evidence: '再交' })).json().error).toMatchObject({ code: 'rectification.invalid_transition', details: { from: 'submitted', action: 'submit' } });
    expect((await judge1.patch(url(`/${taskId}`), { title: '改' })).json().error.code).toBe('rectification.invalid_transition');
  });

  it('when the judge returns it with a reason and the village submits again, then the department verifies it; a verified task moves no more', async () => {
    expect((await judge1.post(url(`/${taskId}/return`), {})).statusCode).toBe(400);
    const returned = (await judge1.post(url(`/${taskId}/return`), { reason: '照片看不清公开内容' })).json();
    expect(returned).toMatchObject({ status: 'returned', returnReason: '照片看不清公开内容' });
    await v11.post(url(`/${taskId}/submit`), { evidence: '重新拍摄，附清晰照片' });
    const verified = (await org.post(url(`/${taskId}/verify`), { note: '核验属实' })).json();
    expect(verified).toMatchObject({ status: 'verified', verifiedBy: 'orgadmin 测试', verifyNote: '核验属实', actions: [] });
    for (const move of ['verify', 'return'] as const) {
      const res = await judge1.post(url(`/${taskId}/${move}`), move === 'return' ? { reason: 'x' } : {});
      expect(res.statusCode).toBe(409);
    }
    expect((await v11.post(url(`/${taskId}/submit`), { evidence: 'x' })).statusCode).toBe(409);
    const events = ['submit', 'return', 'verify'];
    const counts = await Promise.all(events.map(async (e) => (await auditRows(t.app, `rectification.${e}`)).length));
    expect(counts).toEqual([2, 1, 1]);
    expect((await auditRows(t.app, 'rectification.return'))[0]).toMatchObject({ before: { status: 'submitted' }, after: { status: 'returned', reason: '照片看不清公开内容' } });
  });

  it('when an open task passes its deadline, then it is marked overdue and the overdue filter finds it', async () => {
    const late = (await judge1.post(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/rectifications`, { ...task, title: '修缮活动阵地', deadline: '2026-04-05' })).json();
    const edited = await judge1.patch(url(`/${late.id}`), { deadline: '2026-04-06' });
    expect(edited.json()).toMatchObject({ deadline: '2026-04-06', overdue: false });
    expect((await auditRows(t.app, 'rectification.update'))[0]).toMatchObject({ before: { deadline: '2026-04-05' }, after: { deadline: '2026-04-06' } });
    t.clock.set(new Date('2026-04-10T02:00:00Z'));
    org = await loginAs(t.app, 'orgadmin');
    const overdue = (await org.get(url('?overdue=true'))).json();
    expect(overdue.items.map((i: { title: string; overdue: boolean }) => [i.title, i.overdue])).toEqual([['修缮活动阵地', true]]);
    expect((await org.get(url('?overdue=false'))).json().items.map((i: { title: string }) => i.title)).toEqual(['更新村务公开栏']);
    expect((await org.get(url('?status=verified'))).json().total).toBe(1);
  });

  it('when the campaign is final, then tasks are read-only and no new ones are set', async () => {
    // Tasks not yet verified hold the gate to stage 3 until the department writes why it goes on.
    const gate = (await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'city' })).json().error;
    expect(gate.code).toBe('campaign.not_ready');
    const unverified = (await org.get(url())).json().items.filter((i: { status: string }) => i.status !== 'verified').length;
    expect(unverified).toBeGreaterThan(0);
    expect(gate.details.blockers.find((b: { kind: string }) => b.kind === 'open_rectifications')).toMatchObject({ overridable: true, count: unverified });
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'city', reason: '测试：整改与评分并行，进入市级考评' })).statusCode).toBe(200);
    judge1 = await loginAs(t.app, 'judge1'); // the clock moved past the session's idle limit
    const created = await judge1.post(`/api/campaigns/${campaignId}/villages/${v().town2[0].id}/rectifications`, task);
    expect(created.statusCode).toBe(200); // stage 3 may still set tasks
    await org.post(`/api/campaigns/${campaignId}/results/compute`);
    await org.post(`/api/campaigns/${campaignId}/results/confirm`);
    const notice = (await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'notice', reason: '测试：市级考评表未填，整改未核验' })).json();
    const refused = await judge1.post(`/api/campaigns/${campaignId}/villages/${v().town2[0].id}/rectifications`, task);
    expect(refused.json().error).toMatchObject({ code: 'rectification.locked', details: { reason: '结果公示期间不能再新建整改任务' } });
    t.clock.set(new Date(`${notice.noticeEnds}T20:00:00Z`));
    org = await loginAs(t.app, 'orgadmin');
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'final' })).json().status).toBe('final');
    const open = (await org.get(url('?status=open'))).json().items.find((i: { villageId: string }) => i.villageId === v().town2[0].id);
    expect(open.actions).toEqual([]);
    const v21 = await loginAs(t.app, 'v21');
    expect((await v21.post(url(`/${open.id}/submit`), { evidence: 'x' })).json().error).toMatchObject({ code: 'rectification.locked', details: { reason: '本年度已定星，整改任务只读' } });
  });
});
