import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { type FieldworkPeople, loginAll, makeFieldworkPeople, pairThrough } from '../../../test/fieldwork-factories.js';

let t: TestApp;
let fp: FieldworkPeople;
let org: Client;
let town1: Client;
let town2: Client;
let leader: Client;
let v11: Client;
let taskId: string;

beforeAll(async () => {
  t = await startTestApp();
  fp = await makeFieldworkPeople(t);
  [org, town1, town2, leader, v11] = await loginAll(t, ['orgadmin', 'town1', 'town2', 'leader', 'v11'] as const);
  await pairThrough(org, fp.leaderA, t.city.villages.town1[0].id);
});
afterAll(() => t.close());

describe('key tasks (重点工作)', () => {
  it('when the department sets a key task with milestones and an owner, then it is planned at 0 % with milestones in date order', async () => {
    const res = await org.post('/api/key-tasks', {
      villageId: t.city.villages.town1[0].id,
      year: 2026,
      category: '产业谋划',
      title: '木耳种植基地',
      ownerId: fp.leaderA,
      dueDate: '2026-02-28',
      milestones: [
        { title: '建成大棚', dueDate: '2026-08-31', doneDate: null },
        { title: '完成选址', dueDate: '2026-04-30', doneDate: null },
      ],
    });
    expect(res.statusCode).toBe(200);
    taskId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'planned', progress: 0, ownerName: '领导甲', villageName: '甲一村', overdue: true });
    expect(res.json().milestones.map((m: { title: string }) => m.title)).toEqual(['完成选址', '建成大棚']);
    expect((await auditRows(t.app, 'key_task.create')).filter((r) => r.object_id === taskId)).toHaveLength(1);
  });

  it('when the paired leader and the town push it along, then progress and status move; completing sets 100 %', async () => {
    expect((await leader.post(`/api/key-tasks/${taskId}/transition`, { action: 'start' })).json().status).toBe('in_progress');
    expect((await town1.patch(`/api/key-tasks/${taskId}`, { progress: 60, dueDate: '2026-09-30' })).json()).toMatchObject({ progress: 60, overdue: false });
    expect((await town1.post(`/api/key-tasks/${taskId}/transition`, { action: 'stall', note: '用地审批未下' })).json().status).toBe('stalled');
    expect((await town1.post(`/api/key-tasks/${taskId}/transition`, { action: 'resume' })).json().status).toBe('in_progress');
    expect((await town1.post(`/api/key-tasks/${taskId}/transition`, { action: 'complete' })).json()).toMatchObject({ status: 'done', progress: 100 });
    expect((await auditRows(t.app, 'key_task.stall'))[0]?.after).toMatchObject({ status: 'stalled', note: '用地审批未下' });
  });

  it('when a finished task is moved or edited, then 409 and it stays done', async () => {
    const again = await town1.post(`/api/key-tasks/${taskId}/transition`, { action: 'start' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'keytask.invalid_transition']);
    expect((await org.patch(`/api/key-tasks/${taskId}`, { progress: 50 })).json().error.code).toBe('keytask.invalid_transition');
    expect((await org.patch(`/api/key-tasks/${taskId}`, { progress: 100 })).statusCode).toBe(400);
    expect((await org.get(`/api/key-tasks/${taskId}`)).json()).toMatchObject({ status: 'done', progress: 100 });
  });

  it('when callers outside the village or without the right try, then 404 or 403', async () => {
    expect((await town2.get(`/api/key-tasks/${taskId}`)).statusCode).toBe(404);
    expect((await town2.patch(`/api/key-tasks/${taskId}`, { title: 'x' })).statusCode).toBe(404);
    expect((await v11.get(`/api/key-tasks/${taskId}`)).statusCode).toBe(200);
    expect((await v11.post('/api/key-tasks', { villageId: t.city.villages.town1[0].id, year: 2026, category: '其他', title: 'x' })).statusCode).toBe(403);
    const other = await leader.post('/api/key-tasks', { villageId: t.city.villages.town2[0].id, year: 2026, category: '其他', title: '不在包保村' });
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'org.not_found']);
    const unknownOwner = await org.post('/api/key-tasks', { villageId: t.city.villages.town2[0].id, year: 2026, category: '其他', title: 'x', ownerId: t.city.city.id });
    expect(unknownOwner.json().error.code).toBe('person.not_found');
  });

  it('when lists are filtered, then year, status and category apply within scope', async () => {
    await org.post('/api/key-tasks', { villageId: t.city.villages.town2[0].id, year: 2026, category: '乡村治理标准化', title: '村规民约修订' });
    expect((await org.get('/api/key-tasks?year=2026')).json().total).toBe(2);
    expect((await org.get('/api/key-tasks?status=done')).json().items.map((k: { title: string }) => k.title)).toEqual(['木耳种植基地']);
    expect((await org.get(`/api/key-tasks?category=${encodeURIComponent('乡村治理标准化')}`)).json().total).toBe(1);
    expect((await leader.get('/api/key-tasks')).json().total).toBe(1);
    expect((await org.get('/api/key-tasks?year=2025')).json().total).toBe(0);
  });
});
