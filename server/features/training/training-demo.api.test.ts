import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../../test/test-database.js';
import { loginAs, makeClock, testSecret } from '../../../test/test-app.js';
import { demoPassword } from '../demo/demo-city.js';
import { seedDemoCity } from '../demo/demo.service.js';
import { trainingFigureProvider } from './training.figures.js';

let app: FastifyInstance;
let database: Database;
let countyId: string;
const clock = makeClock(new Date('2026-09-15T02:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: true, now: clock.now });
  countyId = (await seedDemoCity(app.services)).countyId;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the demo city’s training year', () => {
  it('when the department opens the overview, then it reads like the article', async () => {
    const org = await loginAs(app, 'orgadmin', demoPassword);
    const o = (await org.get('/api/training/overview?year=2026')).json();
    const lectures = o.byCourse.filter((c: { courseType: string }) => c.courseType === 'lecture');
    expect(lectures.map((c: { category: string }) => c.category).sort()).toEqual(['专业能力', '思想理论', '综合提升']);
    expect(lectures.reduce((n: number, c: { attendances: number }) => n + c.attendances, 0)).toBeGreaterThan(400);
    expect(o.towns).toHaveLength(4);
    expect(o.towns.every((t: { trainees: number }) => t.trainees > 0)).toBe(true);
    expect(o.totals).toMatchObject({ tours: 2, tourParticipants: 35, reports: 34 });
    expect(o.totals.experts).toBeGreaterThanOrEqual(10);
    expect(o.totals.trainedShare).toBeGreaterThan(80);
  });

  it('when a town admin opens it, then only its villages count', async () => {
    const town = await loginAs(app, 'town01', demoPassword);
    const o = (await town.get('/api/training/overview?year=2026')).json();
    expect(o.towns.map((t: { name: string }) => t.name)).toEqual(['东岭镇']);
    expect((await town.get('/api/training/coverage?year=2026')).json().villages).toHaveLength(13);
  });

  it('when today’s lecture is opened on a phone, then a demo cadre can sign in with the last four phone digits', async () => {
    const org = await loginAs(app, 'orgadmin', demoPassword);
    const live = (await org.get('/api/training/sessions?q=乡村振兴政策解读')).json().items[0];
    expect(live).toMatchObject({ status: 'planned', signInState: 'open', present: 30 });
    const link = (await org.get(`/api/training/sessions/${live.id}/sign-in`)).json();
    const inAlready = new Set((await org.get(`/api/training/sessions/${live.id}/attendance?pageSize=100`)).json().items.map((a: { personId: string }) => a.personId));
    const person = (await org.get('/api/people?title=两委委员&pageSize=100')).json().items.find((p: { id: string }) => !inAlready.has(p.id));
    const res = await app.inject({ method: 'POST', url: `/api/public/sign-in/${link.path.slice(11)}`, payload: { name: person.name, last4: person.phoneMasked.slice(-4) } });
    expect(res.json()).toMatchObject({ result: 'signed_in', name: person.name, hours: 2 });
    expect((await org.get(`/api/training/sessions/${live.id}`)).json().present).toBe(31);
  });

  it('when the figures are collected, then every village has cadres, most of them trained', async () => {
    const figures = await trainingFigureProvider.collect(app.services.db, countyId, 2026);
    expect(figures.size).toBe(50);
    const values = [...figures.values()];
    expect(values.every((v) => (v.cadreCount ?? 0) >= 4)).toBe(true);
    expect(values.filter((v) => (v.trainedCadreShare ?? 0) < 60).length).toBeGreaterThanOrEqual(1);
    expect(values.reduce((n, v) => n + (v.trainingHoursTotal ?? 0), 0) / values.reduce((n, v) => n + (v.cadreCount ?? 0), 0)).toBeGreaterThan(10);
  });
});
