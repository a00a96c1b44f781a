import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { loginAll, logProblem, makeCommitment, makeFieldworkPeople, pairThrough } from '../../../test/fieldwork-factories.js';
import { collectFigures } from '../figures/figures.js';
import { figureProviders } from '../figures/figure-providers.js';
import { fieldworkFigureProviders } from './overview.service.js';

let t: TestApp;
let org: Client;
let town1: Client;
let v11: Client;
let leader: Client;
let v1: string;
let v2: string;

/** Known data: 甲一村 has 3 problems (2 closed), 2 commitments (1 fulfilled, 1 only drafted), 2 visits; 乙一村 1 open problem. */
beforeAll(async () => {
  t = await startTestApp();
  const fp = await makeFieldworkPeople(t);
  let tl1: Client;
  let v21: Client;
  [org, town1, tl1, v11, v21, leader] = await loginAll(t, ['orgadmin', 'town1', 'tl1', 'v11', 'v21', 'leader'] as const);
  v1 = t.city.villages.town1[0].id;
  v2 = t.city.villages.town2[0].id;
  const pairA = await pairThrough(org, fp.leaderA, v1);
  await pairThrough(org, fp.leaderB, v2);
  await leader.post('/api/visits', { pairingId: pairA, visitDate: '2026-01-20', kind: '调研' });
  await leader.post('/api/visits', { pairingId: pairA, visitDate: '2026-02-20', kind: '座谈' });
  await org.post('/api/visits', { pairingId: pairA, visitDate: '2025-12-20', kind: '座谈' }).catch(() => undefined);
  for (const title of ['一', '二', '三']) {
    const id = await logProblem(v11, v1, { title, dueDate: '2026-02-01' });
    if (title === '三') continue;
    await v11.post(`/api/problems/${id}/claim`, {});
    await v11.post(`/api/problems/${id}/resolve`, { resolution: '已办' });
  }
  await logProblem(v21, v2, { title: '乙村', reportedDate: '2025-12-01' });
  await makeCommitment(v11, town1, v1, 'settled', '已兑现');
  await makeCommitment(v11, town1, v1, 'draft', '仅草稿');
  const task = await org.post('/api/key-tasks', { villageId: v1, year: 2026, category: '产业谋划', title: '任务' });
  await org.patch(`/api/key-tasks/${task.json().id}`, { progress: 40 });
  await tl1.post('/api/supervision/records', { villageId: v1, recordDate: '2026-02-01', method: '日常调度', subject: '调度', findings: [{ description: '待办' }] });
});
afterAll(() => t.close());

describe('figures for the standard’s formula indicators', () => {
  it('when the providers collect 2026, then each village has the counts the standard reads', async () => {
    const figures = await collectFigures(t.app.services.db, t.city.countyId, 2026, fieldworkFigureProviders);
    expect(figures.get(v1)).toMatchObject({
      problemsListed: 3,
      problemsClosed: 2,
      commitmentsMade: 1,
      commitmentsFulfilled: 1,
      pairedLeaders: 1,
      visitsByLeaders: 2,
      keyTasks: 1,
      keyTaskProgress: 40,
      supervisionRecords: 1,
      findingsOpen: 1,
    });
    // 乙一村's problem was reported in 2025: it counts there, not in 2026.
    expect(figures.get(v2)).toMatchObject({ problemsListed: 0, problemsClosed: 0, pairedLeaders: 1 });
    expect((await collectFigures(t.app.services.db, t.city.countyId, 2025, fieldworkFigureProviders)).get(v2)).toMatchObject({ problemsListed: 1 });
    expect(figures.get(t.city.villages.town1[1].id)).toMatchObject({ problemsListed: 0, pairedLeaders: 0 });
    expect(figureProviders).toEqual(expect.arrayContaining(fieldworkFigureProviders));
  });
});

describe('the overview', () => {
  it('when the department opens it, then the city totals, towns, villages and leaders add up', async () => {
    const o = (await org.get('/api/fieldwork/overview?year=2026')).json();
    expect(o).toMatchObject({ level: 'city', scopeName: '测试市', pairings: 2, overduePairings: 0 });
    expect(o.totals).toMatchObject({ villages: 4, pairedVillages: 2, pairingCoverage: 50, leaderVisits: 2, problemsListed: 3, problemsClosed: 2, problemsOverdue: 1, closureRate: 66.7, commitmentsFulfilled: 1 });
    expect(o.towns.map((x: { name: string; problemsListed: number }) => [x.name, x.problemsListed])).toEqual([
      ['甲镇', 3],
      ['乙镇', 0],
    ]);
    expect(o.leaders.map((l: { name: string; visits: number; villages: number }) => [l.name, l.visits, l.villages])).toEqual([
      ['领导甲', 2, 1],
      ['领导乙', 0, 1],
    ]);
  });

  it('when a town, a village or a leader opens it, then it covers only their scope', async () => {
    const town = (await town1.get('/api/fieldwork/overview?year=2026')).json();
    expect(town).toMatchObject({ level: 'town', scopeName: '甲镇' });
    expect(town.villages.map((v: { name: string }) => v.name)).toEqual(['甲一村', '甲二村']);
    const village = (await v11.get('/api/fieldwork/overview?year=2026')).json();
    expect(village).toMatchObject({ level: 'village', scopeName: '甲一村' });
    expect(village.totals).toMatchObject({ villages: 1, problemsListed: 3 });
    const mine = (await leader.get('/api/fieldwork/overview?year=2026')).json();
    expect(mine).toMatchObject({ level: 'leader', scopeName: '领导甲', pairings: 1 });
    expect(mine.villages.map((v: { name: string }) => v.name)).toEqual(['甲一村']);
    const auditor = (await loginAll(t, ['auditor'] as const))[0];
    expect((await auditor.get('/api/fieldwork/overview?year=2026')).statusCode).toBe(403);
  });
});
