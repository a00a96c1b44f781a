import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { createSession, loginEach, makePerson, readSheet, sessionInput, type TestPerson } from '../../../test/training-factories.js';
import { figureProviders } from '../figures/figure-providers.js';
import { collectFigures } from '../figures/figures.js';
import { trainingFigureProvider } from './training.figures.js';

// Known data for 2026 (the test clock's year):
//   甲一村 cadres: sec11 (书记) 3+2+40 h, member11 (excused at the lecture; trained in 2025 only)
//          plus a cadre who left in 2025 (not counted) and one who joined in June 2026 (counted)
//   甲二村 cadres: twinA 2 h, twinB untrained
//   乙一村 cadres: sec21 3+40 h
//   乙二村 no cadres; a pioneer 3 h
let t: TestApp;
let org: Client;
let town1: Client;
let v11: Client;
let sec11: TestPerson;
let member11: TestPerson;
let twinA: TestPerson;
let twinB: TestPerson;
let sec21: TestPerson;
let pioneer: TestPerson;
let newCadre: TestPerson;
let tour: string;

beforeAll(async () => {
  t = await startTestApp();
  [org, town1, v11] = await loginEach(t.app, ['orgadmin', 'town1', 'v11'] as const);
  const { countyId, villages } = t.city;
  const s = t.app.services;
  sec11 = await makePerson(s, countyId, villages.town1[0], { name: '甲书记', titles: ['书记'] });
  member11 = await makePerson(s, countyId, villages.town1[0], { name: '甲委员' });
  await makePerson(s, countyId, villages.town1[0], { name: '已离任', startDate: '2021-01-01', endDate: '2025-06-30' });
  newCadre = await makePerson(s, countyId, villages.town1[0], { name: '新委员', startDate: '2026-06-01' });
  twinA = await makePerson(s, countyId, villages.town1[1], { name: '甲二甲' });
  twinB = await makePerson(s, countyId, villages.town1[1], { name: '甲二乙' });
  sec21 = await makePerson(s, countyId, villages.town2[0], { name: '乙书记', titles: ['书记'] });
  pioneer = await makePerson(s, countyId, villages.town2[1], { name: '乙带头人', titles: ['致富带头人'] });

  const lecture = (await createSession(org, sessionInput(t.city, { audience: [] }))).id;
  const mentoring = (await createSession(org, sessionInput(t.city, { courseType: 'mentoring', category: '农业产业', topic: '产业辅导', orgUnitId: t.city.towns[0].id, hours: 2 }))).id;
  tour = (await createSession(org, sessionInput(t.city, { courseType: 'tour', category: null, topic: '赴烟台研修', place: '山东烟台', date: '2026-02-10', endDate: '2026-02-14', hours: 40 }))).id;
  const lastYear = (await createSession(org, sessionInput(t.city, { topic: '去年的课', date: '2025-11-01', hours: 2 }))).id;
  const mark = async (session: string, person: TestPerson, status = 'present') =>
    expect((await org.put(`/api/training/sessions/${session}/attendance/${person.id}`, { status })).statusCode).toBe(200);
  await mark(lecture, sec11);
  await mark(lecture, member11, 'excused');
  await mark(lecture, sec21);
  await mark(lecture, pioneer);
  await mark(mentoring, sec11);
  await mark(mentoring, twinA);
  await mark(tour, sec11);
  await mark(tour, sec21);
  await mark(lastYear, member11);
  await org.put(`/api/training/sessions/${tour}/attendance/${sec11.id}/report`, { title: '研修报告', content: '收获', submittedOn: '2026-02-20' });
});
afterAll(() => t.close());

const byName = <T extends { name: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.name, r]));

describe('coverage and the figures provider', () => {
  it('when the provider collects 2026, then each village has its cadre hours, cadre count and trained share', async () => {
    const figures = await trainingFigureProvider.collect(t.app.services.db, t.city.countyId, 2026);
    const [v11id, v12id] = t.city.villages.town1.map((v) => v.id);
    const [v21id, v22id] = t.city.villages.town2.map((v) => v.id);
    expect(figures.get(v11id as string)).toEqual({ trainingHoursTotal: 45, cadreCount: 3, trainedCadreCount: 1, trainedCadreShare: 33.3 });
    expect(figures.get(v12id as string)).toEqual({ trainingHoursTotal: 2, cadreCount: 2, trainedCadreCount: 1, trainedCadreShare: 50 });
    expect(figures.get(v21id as string)).toEqual({ trainingHoursTotal: 43, cadreCount: 1, trainedCadreCount: 1, trainedCadreShare: 100 });
    expect(figures.get(v22id as string)).toEqual({ trainingHoursTotal: 0, cadreCount: 0, trainedCadreCount: 0, trainedCadreShare: 0 });
    const lastYear = await trainingFigureProvider.collect(t.app.services.db, t.city.countyId, 2025);
    expect(lastYear.get(v11id as string)).toEqual({ trainingHoursTotal: 2, cadreCount: 3, trainedCadreCount: 1, trainedCadreShare: 33.3 });
  });

  it('when the registry is collected, then the training figures are among them under the ids tumen-2022 reads', async () => {
    expect(figureProviders).toContain(trainingFigureProvider);
    const all = await collectFigures(t.app.services.db, t.city.countyId, 2026, [trainingFigureProvider]);
    expect(all.get(t.city.villages.town2[0].id)).toMatchObject({ trainingHoursTotal: 43, cadreCount: 1 });
  });

  it('when the department reads coverage, then villages and towns add up; a town reads only its own', async () => {
    const all = (await org.get('/api/training/coverage?year=2026')).json();
    expect(byName(all.villages)['甲一村']).toMatchObject({ parentName: '甲镇', cadres: 3, trainedCadres: 1, trainedShare: 33.3, hours: 45, hoursPerCadre: 15 });
    expect(all.towns).toEqual([
      { orgUnitId: t.city.towns[0].id, name: '甲镇', parentName: null, cadres: 5, trainedCadres: 2, trainedShare: 40, hours: 47, hoursPerCadre: 9.4 },
      { orgUnitId: t.city.towns[1].id, name: '乙镇', parentName: null, cadres: 1, trainedCadres: 1, trainedShare: 100, hours: 43, hoursPerCadre: 43 },
    ]);
    const mine = (await town1.get('/api/training/coverage?year=2026')).json();
    expect(mine.villages.map((v: { name: string }) => v.name)).toEqual(['甲一村', '甲二村']);
    expect(mine.towns.map((v: { name: string }) => v.name)).toEqual(['甲镇']);
    const village = (await org.get(`/api/training/coverage?year=2026&orgUnitId=${t.city.towns[1].id}`)).json();
    expect(village.villages.map((v: { name: string }) => v.name)).toEqual(['乙一村', '乙二村']);
    expect((await town1.get(`/api/training/coverage?orgUnitId=${t.city.towns[1].id}`)).json().error.code).toBe('org.not_found');
  });

  it('when the coverage export is opened, then each town’s villages are followed by the town total', async () => {
    const res = await org.get('/api/training/coverage/export.xlsx?year=2026');
    const rows = await readSheet(res.rawPayload);
    expect(rows.map((r) => [r['镇（街道）'], r['村（社区）'], r['两委干部人数'], r['已参训人数'], r['参训率（%）'], r['参训总学时']])).toEqual([
      ['甲镇', '甲一村', '3', '1', '33.3', '45'],
      ['甲镇', '甲二村', '2', '1', '50', '2'],
      ['甲镇', '（合计）', '5', '2', '40', '47'],
      ['乙镇', '乙一村', '1', '1', '100', '43'],
      ['乙镇', '乙二村', '0', '0', '0', '0'],
      ['乙镇', '（合计）', '1', '1', '100', '43'],
    ]);
    expect((await auditRows(t.app, 'export')).some((r) => r.object_type === 'training_coverage')).toBe(true);
  });
});

describe('overview', () => {
  it('when the department opens 2026, then trainees, sessions, hours, courses, towns and tours match the records', async () => {
    const o = (await org.get('/api/training/overview?year=2026')).json();
    expect(o.totals).toEqual({
      sessions: 3,
      trainees: 4,
      attendances: 7,
      hours: 93,
      cadres: 6,
      trainedCadres: 3,
      trainedShare: 50,
      hoursPerCadre: 15,
      tours: 1,
      tourParticipants: 2,
      reports: 1,
      experts: 0,
    });
    expect(o.byCourse).toEqual([
      { courseType: 'lecture', category: '思想理论', sessions: 1, attendances: 3, trainees: 3, hours: 9 },
      { courseType: 'mentoring', category: '农业产业', sessions: 1, attendances: 2, trainees: 2, hours: 4 },
      { courseType: 'tour', category: null, sessions: 1, attendances: 2, trainees: 2, hours: 80 },
    ]);
    expect(byName(o.towns)['甲镇']).toMatchObject({ trainees: 2, attendances: 4, cadres: 5 });
    expect(byName(o.towns)['乙镇']).toMatchObject({ trainees: 2, attendances: 3 });
    expect(o.tours).toEqual([{ id: tour, topic: '赴烟台研修', place: '山东烟台', date: '2026-02-10', endDate: '2026-02-14', participants: 2, reports: 1 }]);
  });

  it('when a village admin opens it, then only its own people count', async () => {
    const o = (await v11.get('/api/training/overview?year=2026')).json();
    expect(o.totals).toMatchObject({ trainees: 1, attendances: 3, hours: 45, cadres: 3, trainedCadres: 1 });
    expect(o.towns.map((x: { name: string }) => x.name)).toEqual(['甲镇']);
  });

  it('when the year is 2025, then only that year counts', async () => {
    const o = (await org.get('/api/training/overview?year=2025')).json();
    expect(o.totals).toMatchObject({ sessions: 1, trainees: 1, hours: 2, tours: 0 });
  });
});

describe('people’s training records', () => {
  it('when the department lists 2026, then the audience groups’ people show sessions and hours; leavers are gone', async () => {
    const res = (await org.get('/api/training/records?year=2026&pageSize=100')).json();
    const rows = byName(res.items as { name: string; sessions: number; hours: number; lastDate: string | null }[]);
    expect(Object.keys(rows).sort()).toEqual(['乙书记', '乙带头人', '新委员', '甲书记', '甲二乙', '甲二甲', '甲委员'].sort());
    expect(rows['甲书记']).toMatchObject({ sessions: 3, hours: 45, lastDate: '2026-03-02', titles: ['书记'] });
    expect(rows['甲委员']).toMatchObject({ sessions: 0, hours: 0, lastDate: null });
  });

  it('when asked who was not trained this year among the cadres, then exactly those come back', async () => {
    const res = (await org.get('/api/training/records?year=2026&group=两委干部&trained=false')).json();
    expect(res.items.map((r: { name: string }) => r.name).sort()).toEqual(['新委员', '甲二乙', '甲委员'].sort());
    const town = (await town1.get(`/api/training/records?year=2026&trained=true&orgUnitId=${t.city.villages.town1[1].id}`)).json();
    expect(town.items.map((r: { name: string }) => r.name)).toEqual(['甲二甲']);
    expect((await town1.get(`/api/training/records?orgUnitId=${t.city.towns[1].id}`)).statusCode).toBe(404);
  });

  it('when a person’s record is opened, then it lists the history with hours credited and hours per year', async () => {
    const rec = (await org.get(`/api/training/people/${member11.id}`)).json();
    expect(rec.person).toEqual({ id: member11.id, name: '甲委员', orgUnitName: '甲一村', titles: ['两委委员'] });
    expect(rec.years).toEqual([{ year: 2025, sessions: 1, hours: 2 }]);
    expect(rec.history.map((h: { date: string; status: string; hoursCredited: number }) => [h.date, h.status, h.hoursCredited])).toEqual([
      ['2026-03-02', 'excused', 0],
      ['2025-11-01', 'present', 2],
    ]);
    const sec = (await v11.get(`/api/training/people/${sec11.id}`)).json();
    expect(sec.years).toEqual([{ year: 2026, sessions: 3, hours: 45 }]);
    expect((await v11.get(`/api/training/people/${sec21.id}`)).statusCode).toBe(404);
  });

  it('when records are exported, then the sheet opens back with the year’s hours, and the export is audited', async () => {
    const res = await town1.get('/api/training/records/export.xlsx?year=2026&group=两委干部');
    const rows = await readSheet(res.rawPayload);
    expect(rows.map((r) => [r['姓名'], r['参训学时'], r['最近参训日期']])).toEqual([
      ['新委员', '0', '未参训'],
      ['甲书记', '45', '2026-03-02'],
      ['甲委员', '0', '未参训'],
      ['甲二乙', '0', '未参训'],
      ['甲二甲', '2', '2026-03-02'],
    ]);
    expect((await auditRows(t.app, 'export')).filter((r) => r.object_type === 'training_record').at(-1)).toMatchObject({ username: 'town1', after: { rows: 5, year: 2026 } });
  });

  it('when roles without training:read ask, then 403; anonymous 401', async () => {
    const sys = await loginAs(t.app, 'sysadmin');
    for (const url of [
      '/api/training/records',
      '/api/training/records/export.xlsx',
      '/api/training/coverage',
      '/api/training/coverage/export.xlsx',
      '/api/training/overview',
      `/api/training/people/${sec11.id}`,
    ]) {
      expect((await sys.get(url)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('when a village moves to another town, then its people’s records move with it', async () => {
    const town2 = await loginAs(t.app, 'town2');
    expect((await town2.get(`/api/training/people/${twinA.id}`)).statusCode).toBe(404);
    expect((await org.post(`/api/org-units/${t.city.villages.town1[1].id}/move`, { parentId: t.city.towns[1].id })).statusCode).toBe(200);
    expect((await town2.get(`/api/training/people/${twinA.id}`)).json().years).toEqual([{ year: 2026, sessions: 1, hours: 2 }]);
    expect((await town1.get(`/api/training/people/${twinB.id}`)).statusCode).toBe(404);
    expect(newCadre.name).toBe('新委员');
  });
});
