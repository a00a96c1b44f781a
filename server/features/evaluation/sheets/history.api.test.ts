// A village's star history across campaigns, its evaluation page (stages side by side, evidence,
// violations, the engine's steps, corrections) and the town committees' stars, through HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { makeAccount } from '../../../../test/factories.js';
import { campaignInCityStage, cityIndicators, finalize, proposeAndNotice, scoreCityStage } from '../../../../test/evaluation-city-factories.js';
import { upsertSurveys } from '../mutual/surveys.queries.js';

let t: TestApp;
let org: Client;
let lastYear: string;
let thisYear: string;
const v = () => t.city.villages;
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

beforeAll(async () => {
  t = await startTestApp();
  await makeAccount(t.app.services, t.city.countyId, 'inspector1', 'inspector', t.city.city.id);
  await makeAccount(t.app.services, t.city.countyId, 'inspector2', 'inspector', t.city.city.id);
  // 2025: scored, evidence attached, a confirmed discipline case in 乙二村, a correction in the notice, final.
  ({ campaignId: lastYear, org } = await campaignInCityStage(t, 2025));
  await scoreCityStage(t, org, lastYear, [1, 0.9, 0.8, 0.7]);
  const indicatorId = (await cityIndicators())[0]!.id;
  await org.upload(`/api/campaigns/${lastYear}/villages/${v().town1[0].id}/evidence?indicatorId=${indicatorId}&fileName=a.pdf`, pdf, 'application/pdf');
  // The stage-1 survey, as the evaluating team would have entered it.
  await upsertSurveys(t.app.services.db, [
    { countyId: t.city.countyId, campaignId: lastYear, villageId: v().town1[0].id, orgPath: v().town1[0].path, sampleSize: 50, satisfied: 40, basicallySatisfied: 8, unsatisfied: 2, surveyDate: '2025-03-20', enteredBy: t.city.users.town2!, enteredAt: new Date('2025-03-20T02:00:00Z') },
  ]);
  const inspector = await loginAs(t.app, 'inspector1');
  const record = (await inspector.post('/api/violations', { villageId: v().town2[1].id, personName: '周九', category: 'discipline', occurredOn: '2025-03-03' })).json();
  // The registrar never decides: a second officer confirms (separation of duties).
  await (await loginAs(t.app, 'inspector2')).post(`/api/violations/${record.id}/decide`, { to: 'confirmed', note: '属实' });
  await inspector.post('/api/violations', { villageId: v().town2[1].id, personName: '吴十', category: 'petition', occurredOn: '2025-04-04' });
  const { noticeEnds } = await proposeAndNotice(org, lastYear);
  await org.post(`/api/campaigns/${lastYear}/results/${v().town1[1].id}/correct`, { stars: 4, reason: '补充材料后上调' });
  await finalize(t, lastYear, noticeEnds);
  // 2026: stage 3 under way, results proposed.
  ({ campaignId: thisYear, org } = await campaignInCityStage(t, 2026));
  await scoreCityStage(t, org, thisYear, [0.9, 0.9, 0.9, 0.9]);
  await org.post(`/api/campaigns/${thisYear}/results/compute`);
});
afterAll(() => t.close());

describe('star history', () => {
  it('when a village’s history is read, then every campaign shows newest first, proposed or final, with corrections flagged', async () => {
    const res = (await org.get(`/api/villages/${v().town1[1].id}/star-history`)).json();
    expect(res.village).toEqual({ id: v().town1[1].id, name: '甲二村', townName: '甲镇' });
    expect(res.items.map((i: { year: number; status: string; stars: number; engineStars: number; corrected: boolean; overridden: boolean }) => [i.year, i.status, i.stars, i.engineStars, i.corrected, i.overridden])).toEqual([
      [2026, 'proposed', 3, 3, false, false],
      [2025, 'final', 4, 3, true, false],
    ]);
  });

  it('when a village was vetoed, then its history says so without stars or rank', async () => {
    const res = (await org.get(`/api/villages/${v().town2[1].id}/star-history`)).json();
    expect(res.items[1]).toMatchObject({ year: 2025, stars: null, vetoed: true, rankInCity: null });
  });

  it('when someone outside the village’s town asks, then 404; the village itself and its town may read', async () => {
    expect((await (await loginAs(t.app, 'town1')).get(`/api/villages/${v().town2[0].id}/star-history`)).statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'v11')).get(`/api/villages/${v().town1[0].id}/star-history`)).json().items).toHaveLength(2);
    expect((await (await loginAs(t.app, 'v11')).get(`/api/villages/${v().town1[1].id}/star-history`)).statusCode).toBe(404);
  });
});

describe('a village’s evaluation page', () => {
  it('when a final campaign is opened, then all stages show side by side with who entered each score, the evidence, the engine’s steps and who confirmed', async () => {
    const page = (await org.get(`/api/campaigns/${lastYear}/villages/${v().town1[0].id}/evaluation`)).json();
    expect(page.visibleStages).toEqual(['mutual', 'department', 'city']);
    const first = (await cityIndicators())[0]!;
    const row = page.indicators.find((i: { id: string }) => i.id === first.id);
    expect(row).toMatchObject({ maxPoints: first.maxPoints, evidenceCount: 1, scores: { city: { points: first.maxPoints, enteredByName: 'orgadmin 测试' } } });
    expect(page.stageTotals.city).toBe((await cityIndicators()).reduce((n, i) => n + i.maxPoints, 0));
    expect(page.evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['a.pdf']);
    expect(page.survey).toEqual({ sampleSize: 50, satisfied: 40, basicallySatisfied: 8, unsatisfied: 2, surveyDate: '2025-03-20', enteredByName: 'town2 测试' });
    expect(page.result.satisfactionRate).toBe(96);
    expect(page.result).toMatchObject({ status: 'final', stars: 3, rankInCity: 2, confirmedByName: 'orgadmin 测试', overrideReason: null });
    expect(page.result.steps.map((s: { rule: string }) => s.rule)).toContain('level');
    expect(page.result.steps.every((s: { text: string }) => s.text.length > 0)).toBe(true);
    expect(page.corrections).toEqual([]);
  });

  it('when a corrected village is opened, then the correction with its reason, phase and author is there', async () => {
    const page = (await org.get(`/api/campaigns/${lastYear}/villages/${v().town1[1].id}/evaluation`)).json();
    expect(page.corrections).toMatchObject([{ phase: 'notice', starsBefore: 3, starsAfter: 4, reason: '补充材料后上调', correctedByName: 'orgadmin 测试' }]);
    expect(page.result).toMatchObject({ stars: 4, engineStars: 3 });
  });

  it('when violations are summarized, then the department sees case numbers and every status, a town official only confirmed categories', async () => {
    const url = `/api/campaigns/${lastYear}/villages/${v().town2[1].id}/evaluation`;
    const mine = (await org.get(url)).json();
    expect(mine.violations).toEqual([
      { category: 'discipline', categoryLabel: '违反党规党纪', status: 'confirmed', occurredOn: '2025-03-03', id: expect.any(String), caseNo: 'WJ000001', inResult: true },
      { category: 'petition', categoryLabel: '违规上访', status: 'reported', occurredOn: '2025-04-04', id: expect.any(String), caseNo: 'WJ000002', inResult: false },
    ]);
    expect(mine.result.steps.find((s: { rule: string }) => s.rule === 'veto').text).toContain('WJ000001');
    const town2 = (await (await loginAs(t.app, 'town2')).get(url)).json();
    expect(town2.violations).toEqual([{ category: 'discipline', categoryLabel: '违反党规党纪', status: 'confirmed', occurredOn: null, id: null, caseNo: null, inResult: true }]);
    expect(JSON.stringify(town2)).not.toContain('周九');
  });

  it('when a case is confirmed after the stars are final, then the page shows it as not in the result, so a correction can follow', async () => {
    const inspector = await loginAs(t.app, 'inspector1');
    const late = (await inspector.post('/api/violations', { villageId: v().town1[0].id, personName: '郑十一', category: 'crime', occurredOn: '2025-06-01' })).json();
    await (await loginAs(t.app, 'inspector2')).post(`/api/violations/${late.id}/decide`, { to: 'confirmed', note: '判决生效' });
    const page = (await org.get(`/api/campaigns/${lastYear}/villages/${v().town1[0].id}/evaluation`)).json();
    expect(page.violations).toEqual([expect.objectContaining({ caseNo: late.caseNo, status: 'confirmed', inResult: false })]);
    expect(page.result.stars).toBe(3);
  });

  it('when stage 3 is still open, then a town official sees the closed stages only while the department sees all', async () => {
    const url = `/api/campaigns/${thisYear}/villages/${v().town1[0].id}/evaluation`;
    const town1 = (await (await loginAs(t.app, 'town1')).get(url)).json();
    expect(town1.visibleStages).toEqual(['mutual', 'department']);
    expect(town1.stageTotals.city).toBeNull();
    expect(town1.indicators.every((i: { scores: { city: unknown } }) => i.scores.city === null)).toBe(true);
    expect(town1.result.status).toBe('proposed');
    const department = (await org.get(url)).json();
    expect(department.stageTotals.city).toBeGreaterThan(0);
    expect((await (await loginAs(t.app, 'town2')).get(url)).statusCode).toBe(404);
  });
});

describe('town committees’ stars', () => {
  it('when the town results are read, then each town has its stars with the engine’s steps, and a town official sees only their own', async () => {
    const all = (await org.get(`/api/campaigns/${lastYear}/town-results`)).json();
    expect(all.status).toBe('final');
    expect(all.towns.map((x: { name: string }) => x.name).sort()).toEqual(['乙镇', '甲镇']);
    for (const town of all.towns) {
      expect(town.steps.map((s: { rule: string }) => s.rule)).toContain('town_level');
      expect(typeof town.stars).toBe('number');
    }
    const town1 = (await (await loginAs(t.app, 'town1')).get(`/api/campaigns/${lastYear}/town-results`)).json();
    expect(town1.towns.map((x: { name: string }) => x.name)).toEqual(['甲镇']);
  });
});

describe('a moved village', () => {
  it('when 乙二村 moves to 甲镇, then its violation records follow it into the new town’s scope', async () => {
    const inspector = await loginAs(t.app, 'inspector1');
    const inTown1 = async () => (await inspector.get(`/api/violations?townId=${t.city.towns[0].id}`)).json().items.map((x: { village: { name: string } }) => x.village.name).sort();
    expect(await inTown1()).toEqual(['甲一村']);
    const res = await org.post(`/api/org-units/${v().town2[1].id}/move`, { parentId: t.city.towns[0].id });
    expect(res.statusCode).toBe(200);
    expect(await inTown1()).toEqual(['乙二村', '乙二村', '甲一村']);
  });
});
