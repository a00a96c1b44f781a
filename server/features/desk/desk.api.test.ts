// 待办 through HTTP: each role finds its own kinds of work, counted within its scope, and the
// counts fall as the work is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { logProblem, makeCommitment } from '../../../test/fieldwork-factories.js';
import { campaignInDepartmentStage } from '../../../test/evaluation-stage-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Desk = { items: { kind: string; count: number; overdue: number; deadline: string | null; link: string }[]; total: number };
const deskOf = async (username: string) => (await (await loginAs(t.app, username)).get('/api/desk')).json() as Desk;
const countOf = (d: Desk, kind: string) => d.items.find((i) => i.kind === kind)?.count ?? 0;

describe('the desk (待办)', () => {
  it('when nothing waits, then the desk is empty, and without a session it is 401', async () => {
    expect(await deskOf('sysadmin')).toEqual({ items: [], total: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/desk' })).statusCode).toBe(401);
  });

  it('when a village lists problems and submits a commitment, then the village sees problems to claim and its town commitments to approve; the other town sees none', async () => {
    const [v11, town1] = [await loginAs(t.app, 'v11'), await loginAs(t.app, 'town1')];
    const village = t.city.villages.town1[0].id;
    const first = await logProblem(v11, village, { dueDate: '2026-02-28' }); // past due on 2 March
    await logProblem(v11, village);
    await makeCommitment(v11, town1, village, 'submitted');
    const mine = await deskOf('v11');
    expect(mine.items.find((i) => i.kind === 'problems_claim')).toMatchObject({ count: 2, overdue: 1, deadline: '2026-02-28', link: '/service?tab=problems' });
    expect(countOf(await deskOf('town1'), 'commitments_approve')).toBe(1);
    expect(countOf(await deskOf('town2'), 'commitments_approve')).toBe(0);
    expect(countOf(await deskOf('v21'), 'problems_claim')).toBe(0);

    // The village claims and closes one; the town's confirmations rise and the village's claims fall.
    for (const [step, body] of [['claim', {}], ['resolve', { resolution: '已更换路灯' }]] as const) {
      expect((await v11.post(`/api/problems/${first}/${step}`, body)).statusCode).toBe(200);
    }
    expect(countOf(await deskOf('v11'), 'problems_claim')).toBe(1);
    expect(countOf(await deskOf('town1'), 'problems_confirm')).toBe(1);
    expect((await town1.post(`/api/problems/${first}/confirm`, {})).statusCode).toBe(200);
    expect(countOf(await deskOf('town1'), 'problems_confirm')).toBe(0);
  });

  it('when a judge sits on a panel in stage 2, then the panel’s unfinished sheets are on the desk with the window’s close, and fall as rows are filled', async () => {
    const { campaignId } = await campaignInDepartmentStage(t, 2026, 1);
    const desk = await deskOf('judge1');
    const sheets = desk.items.find((i) => i.kind === 'sheets');
    expect(sheets).toMatchObject({ count: 4, deadline: '2026-04-30', link: `/campaigns/${campaignId}/grid/department` });
    const judge = await loginAs(t.app, 'judge1');
    const grid = (await judge.get(`/api/campaigns/${campaignId}/grid/department`)).json() as { indicators: { id: string; maxPoints: number; computedFrom: string | null }[]; rows: { villageId: string }[] };
    const row = grid.rows[0] as { villageId: string };
    const scores = Object.fromEntries(grid.indicators.filter((i) => i.computedFrom === null).map((i) => [i.id, 0]));
    expect((await judge.put(`/api/campaigns/${campaignId}/grid/department/${row.villageId}`, { version: 0, scores })).statusCode).toBe(200);
    expect(countOf(await deskOf('judge1'), 'sheets')).toBe(3);
    expect(countOf(await deskOf('v11'), 'sheets')).toBe(0);
  });
});
