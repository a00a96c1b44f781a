import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { loginAll, makeFieldworkPeople, pairThrough } from '../../../test/fieldwork-factories.js';

let t: TestApp;
let org: Client;
let town1: Client;
let town2: Client;
let tl1: Client;
let v11: Client;
let leader: Client;
let village11: string;

beforeAll(async () => {
  t = await startTestApp();
  const fp = await makeFieldworkPeople(t);
  [org, town1, town2, tl1, v11, leader] = await loginAll(t, ['orgadmin', 'town1', 'town2', 'tl1', 'v11', 'leader'] as const);
  village11 = t.city.villages.town1[0].id;
  await pairThrough(org, fp.leaderA, village11);
});
afterAll(() => t.close());

const record = (over: Record<string, unknown> = {}) => ({
  villageId: village11,
  recordDate: '2026-02-26',
  method: '蹲点调研',
  subject: '产业项目推进情况',
  summary: '在村蹲点三天',
  participants: '镇党委副书记 某某',
  findings: [{ description: '合作社账目不清', dueDate: '2026-02-28' }, { description: '项目用地未落实' }],
  ...over,
});

describe('supervision records', () => {
  it('when a town leader records supervision with findings, then the record lists them open and one audit row is written', async () => {
    const res = await tl1.post('/api/supervision/records', record());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ villageName: '甲一村', method: '蹲点调研', findingsTotal: 2, findingsOpen: 2 });
    expect(res.json().findings.map((f: { description: string; status: string; overdue: boolean }) => [f.description, f.status, f.overdue])).toEqual([
      ['合作社账目不清', 'open', true],
      ['项目用地未落实', 'open', false],
    ]);
    expect((await auditRows(t.app, 'supervision.create')).filter((r) => r.object_id === res.json().id)).toHaveLength(1);
  });

  it('when the method is unknown, the date is ahead, the unit is another town’s, or the caller is not town level, then refused', async () => {
    expect((await tl1.post('/api/supervision/records', record({ method: '喝茶聊天' }))).statusCode).toBe(400);
    expect((await tl1.post('/api/supervision/records', record({ recordDate: '2026-03-03' }))).json().error.code).toBe('fieldwork.future_date');
    expect((await town2.post('/api/supervision/records', record())).statusCode).toBe(404);
    expect((await v11.post('/api/supervision/records', record())).statusCode).toBe(403);
    expect((await org.post('/api/supervision/records', record())).statusCode).toBe(403);
    expect((await town1.get('/api/supervision/records')).json().total).toBe(1);
  });

  it('when a record names a key task of another village, then 404 keytask.not_found', async () => {
    const task = await org.post('/api/key-tasks', { villageId: t.city.villages.town1[1].id, year: 2026, category: '产业谋划', title: '甲二村产业规划' });
    const res = await tl1.post('/api/supervision/records', record({ keyTaskId: task.json().id }));
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'keytask.not_found']);
  });

  it('when lists are read, then the village, the town and the paired leader see the record; the other town does not', async () => {
    expect((await v11.get('/api/supervision/records')).json().total).toBe(1);
    expect((await leader.get('/api/supervision/records')).json().total).toBe(1);
    expect((await town2.get('/api/supervision/records')).json().total).toBe(0);
    const id = (await town1.get('/api/supervision/records')).json().items[0].id;
    expect((await town2.get(`/api/supervision/records/${id}`)).statusCode).toBe(404);
    expect((await town1.get('/api/supervision/records?method=日常调度')).json().total).toBe(0);
  });
});

describe('tracked findings (问题症结)', () => {
  it('when a finding is closed with what was done, then it leaves the open list; closing twice is 409; the town may reopen it with a reason', async () => {
    const open = (await town1.get('/api/supervision/findings?status=open')).json();
    expect(open.total).toBe(2);
    expect((await town1.get('/api/supervision/findings?overdue=true')).json().items.map((f: { description: string }) => f.description)).toEqual(['合作社账目不清']);
    const id = open.items.find((f: { description: string }) => f.description === '合作社账目不清').id;
    expect((await town1.post(`/api/supervision/findings/${id}/close`, {})).statusCode).toBe(400);
    const closed = await town1.post(`/api/supervision/findings/${id}/close`, { actionTaken: '聘请会计重新建账' });
    expect(closed.json()).toMatchObject({ status: 'closed', actionTaken: '聘请会计重新建账', closedDate: '2026-03-02', overdue: false });
    const twice = await tl1.post(`/api/supervision/findings/${id}/close`, { actionTaken: '再次' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'finding.invalid_transition']);
    expect((await town1.get('/api/supervision/findings?status=open')).json().total).toBe(1);
    expect((await v11.post(`/api/supervision/findings/${id}/reopen`, { reason: 'x' })).statusCode).toBe(403);
    const reopened = await tl1.post(`/api/supervision/findings/${id}/reopen`, { reason: '账目仍有缺口' });
    expect(reopened.json()).toMatchObject({ status: 'open', closedDate: null, reopenReason: '账目仍有缺口' });
    expect((await auditRows(t.app, 'finding.close')).filter((r) => r.object_id === id)).toHaveLength(1);
    expect((await auditRows(t.app, 'finding.reopen')).filter((r) => r.object_id === id)).toHaveLength(1);
  });

  it('when a finding is added to a record later, then the record counts it', async () => {
    const id = (await town1.get('/api/supervision/records')).json().items[0].id;
    const res = await town1.post(`/api/supervision/records/${id}/findings`, { description: '村务公开栏未更新', dueDate: '2026-03-31' });
    expect(res.json()).toMatchObject({ findingsTotal: 3, findingsOpen: 3 });
    expect((await town2.post(`/api/supervision/records/${id}/findings`, { description: 'x' })).statusCode).toBe(404);
  });
});
