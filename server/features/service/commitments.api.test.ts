import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditRows, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { loginAll, makeCommitment, makeFieldworkPeople } from '../../../test/fieldwork-factories.js';

let t: TestApp;
let town1: Client;
let town2: Client;
let v11: Client;
let v21: Client;
let leader: Client;
let village11: string;

const statusOf = async (id: string) =>
  ((await t.app.services.db.execute(sql`SELECT status FROM commitments WHERE id = ${id}`)) as unknown as { rows: { status: string }[] }).rows[0]?.status;

beforeAll(async () => {
  t = await startTestApp();
  await makeFieldworkPeople(t);
  [town1, town2, v11, v21, leader] = await loginAll(t, ['town1', 'town2', 'v11', 'v21', 'leader'] as const);
  village11 = t.city.villages.town1[0].id;
});
afterAll(() => t.close());

describe('the commitment life cycle', () => {
  it('when a village drafts, submits, the town approves, the village starts, settles and publishes, then each step is audited and on the timeline', async () => {
    const id = await makeCommitment(v11, town1, village11, 'draft', '新建文化广场');
    const later = () => t.clock.advance(60_000);
    const steps: [Client, string, unknown, string][] = [
      [v11, 'submit', {}, 'submitted'],
      [town1, 'approve', {}, 'approved'],
      [v11, 'start', {}, 'in_progress'],
      [v11, 'settle', { outcome: 'fulfilled', evidence: '竣工验收单、照片 6 张' }, 'settled'],
      [v11, 'publish', {}, 'published'],
    ];
    for (const [who, action, body, status] of steps) {
      later();
      const res = await who.post(`/api/commitments/${id}/${action}`, body);
      expect({ action, status: res.json().status }).toEqual({ action, status });
      expect((await auditRows(t.app, `commitment.${action}`)).filter((r) => r.object_id === id)).toHaveLength(1);
    }
    const detail = (await v11.get(`/api/commitments/${id}`)).json();
    expect(detail).toMatchObject({ outcome: 'fulfilled', evidence: '竣工验收单、照片 6 张', approvedDate: '2026-03-02', settledDate: '2026-03-02', publishedDate: '2026-03-02' });
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'approve', 'start', 'settle', 'publish']);
  });

  it('when the town returns a submission with a reason, then the village can edit and resubmit it', async () => {
    const id = await makeCommitment(v11, town1, village11, 'submitted', '安装路灯');
    expect((await town1.post(`/api/commitments/${id}/return`, {})).statusCode).toBe(400);
    const returned = await town1.post(`/api/commitments/${id}/return`, { reason: '请写明数量和位置' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请写明数量和位置' });
    expect((await v11.patch(`/api/commitments/${id}`, { title: '在二组、三组安装路灯 20 盏' })).json().title).toBe('在二组、三组安装路灯 20 盏');
    expect((await v11.post(`/api/commitments/${id}/submit`, {})).json().status).toBe('submitted');
    expect((await town1.post(`/api/commitments/${id}/approve`, {})).json()).toMatchObject({ status: 'approved', returnReason: '' });
  });

  it('when a step is illegal or made by the wrong level, then the code says so and the status is unchanged', async () => {
    const id = await makeCommitment(v11, town1, village11, 'draft', '非法流转');
    const approveDraft = await town1.post(`/api/commitments/${id}/approve`, {});
    expect([approveDraft.statusCode, approveDraft.json().error.code]).toEqual([409, 'commitment.invalid_transition']);
    expect((await v11.post(`/api/commitments/${id}/publish`, {})).json().error.code).toBe('commitment.invalid_transition');
    await v11.post(`/api/commitments/${id}/submit`, {});
    expect((await v11.post(`/api/commitments/${id}/approve`, {})).statusCode).toBe(403);
    expect((await town2.post(`/api/commitments/${id}/approve`, {})).statusCode).toBe(404);
    expect((await v11.patch(`/api/commitments/${id}`, { title: '提交后改' })).json().error.code).toBe('commitment.invalid_transition');
    expect(await statusOf(id)).toBe('submitted');
  });

  it('when the year-end verdict lacks its reason or evidence, then 400 and it stays in progress', async () => {
    const id = await makeCommitment(v11, town1, village11, 'in_progress', '改造危房 3 户');
    const noEvidence = await v11.post(`/api/commitments/${id}/settle`, { outcome: 'fulfilled' });
    expect([noEvidence.statusCode, noEvidence.json().error.code]).toEqual([400, 'commitment.outcome_incomplete']);
    expect(noEvidence.json().error.details.missing).toEqual(['evidence']);
    const partlyNoReason = await v11.post(`/api/commitments/${id}/settle`, { outcome: 'partly', evidence: '2 户验收' });
    expect(partlyNoReason.json().error.details.missing).toEqual(['reason']);
    expect(await statusOf(id)).toBe('in_progress');
    expect((await v11.post(`/api/commitments/${id}/progress`, { note: '已完成 2 户' })).json().progressNote).toBe('已完成 2 户');
    const settled = await v11.post(`/api/commitments/${id}/settle`, { outcome: 'partly', reason: '1 户户主外出未能施工', evidence: '2 户验收单' });
    expect(settled.json()).toMatchObject({ status: 'settled', outcome: 'partly', outcomeReason: '1 户户主外出未能施工' });
    const unfulfilled = await makeCommitment(v11, town1, village11, 'in_progress', '建设冷库');
    expect((await v11.post(`/api/commitments/${unfulfilled}/settle`, { outcome: 'unfulfilled', reason: '资金未到位' })).json().status).toBe('settled');
  });

  it('when a village publishes its year, then every settled item is published at once in one audit row', async () => {
    const res = await v11.post('/api/commitments/publish-all', { villageId: village11, year: 2026 });
    expect(res.json()).toEqual({ published: 2 });
    expect((await auditRows(t.app, 'commitment.publish_all'))[0]?.after).toMatchObject({ year: 2026, count: 2 });
    const again = await v11.post('/api/commitments/publish-all', { villageId: village11, year: 2026 });
    expect(again.json().error.code).toBe('commitment.invalid_transition');
    expect((await v21.post('/api/commitments/publish-all', { villageId: village11, year: 2026 })).statusCode).toBe(404);
  });
});

describe('scope and the public notice', () => {
  it('when lists are read, then a village sees its own, the other town nothing, a leader only paired villages', async () => {
    expect((await v11.get('/api/commitments?year=2026&pageSize=100')).json().total).toBe(5);
    expect((await v21.get('/api/commitments?year=2026')).json().total).toBe(0);
    expect((await town2.get('/api/commitments')).json().total).toBe(0);
    expect((await leader.get('/api/commitments')).json().total).toBe(0);
    const some = (await v11.get('/api/commitments?pageSize=1')).json().items[0].id;
    expect((await v21.get(`/api/commitments/${some}`)).statusCode).toBe(404);
    expect((await leader.post('/api/commitments', { villageId: village11, year: 2026, category: '其他', title: 'x' })).statusCode).toBe(403);
  });

  it('when anyone opens the village’s notice, then only published items show, with no personal data, and a flood from one address is limited', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/villages/${village11}/commitments` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ villageName: '甲一村', townName: '甲镇', year: 2026, years: [2026] });
    expect(body.items.map((i: { title: string; outcome: string }) => `${i.title}:${i.outcome}`).sort()).toEqual(
      ['改造危房 3 户:partly', '建设冷库:unfulfilled', '新建文化广场:fulfilled'].sort(),
    );
    expect(res.body).not.toMatch(/1[3-9]\d{9}|\d{17}[\dXx]/);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/villages/${t.city.towns[0].id}/commitments` })).statusCode).toBe(404);
    let last = 0;
    for (let i = 0; i < 61; i++) last = (await t.app.inject({ method: 'GET', url: `/api/public/villages/${village11}/commitments`, remoteAddress: '10.9.9.9' })).statusCode;
    expect(last).toBe(429);
  });
});
