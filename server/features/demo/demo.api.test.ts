import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../../test/test-database.js';
import { loginAs, testSecret } from '../../../test/test-app.js';
import { isValidIdNumber } from '../../../shared/mask.js';
import { createCityAdmin } from '../accounts/bootstrap.service.js';
import { buildDemoCity, demoPassword } from './demo-city.js';
import { isDatabaseEmpty, seedDemoCity } from './demo.service.js';

let app: FastifyInstance;
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: false });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('demo city', () => {
  it('when built, then it is shaped like the article: 4 towns, 50 villages, 28 city leaders, valid fictional IDs', () => {
    const city = buildDemoCity();
    expect(city.units.filter((u) => u.level === 'town')).toHaveLength(4);
    expect(city.units.filter((u) => u.level === 'village')).toHaveLength(50);
    expect(city.people.filter((p) => p.titles.includes('市级领导'))).toHaveLength(28);
    expect(city.people.every((p) => isValidIdNumber(p.idNumber) && p.idNumber.startsWith('999999'))).toBe(true);
    expect(city.people.every((p) => p.name.includes('演'))).toBe(true);
    expect(new Set(city.units.map((u) => u.code)).size).toBe(city.units.length);
    expect(city.accounts.map((a) => a.username)).toEqual(expect.arrayContaining(['orgadmin', 'sysadmin', 'secadmin', 'auditor', 'inspector01', 'petition01', 'town04', 'v01', 'v50']));
  });

  it('when loaded into an empty database, then the demo accounts log in with their scopes', async () => {
    expect(await isDatabaseEmpty(app.services)).toBe(true);
    await seedDemoCity(app.services);
    expect(await isDatabaseEmpty(app.services)).toBe(false);
    const org = await loginAs(app, 'orgadmin', demoPassword);
    expect((await org.get('/api/org-units?level=village&pageSize=100')).json().total).toBe(50);
    expect((await org.get('/api/standards')).json().items.map((x: { code: string }) => x.code).sort()).toEqual(['named-stars-500', 'satisfaction-weighted', 'tumen-2022']);
    const campaigns = (await org.get('/api/campaigns')).json().items;
    expect(campaigns.map((c: { status: string }) => c.status)).toEqual(['mutual', 'final']);
    const finished = (await org.get(`/api/campaigns/${campaigns[1].id}/results`)).json();
    const stars = finished.villages.map((x: { stars: number }) => x.stars);
    expect(finished.status).toBe('final');
    expect(stars.filter((n: number) => n >= 3)).toHaveLength(48);
    expect(stars.filter((n: number) => n === 4)).toHaveLength(23);
    expect(stars.filter((n: number) => n === 5)).toHaveLength(1);
    expect(finished.towns.every((x: { stars: number }) => x.stars >= 3)).toBe(true);
    const town01 = await loginAs(app, 'town01', demoPassword);
    const sheets = (await town01.get(`/api/campaigns/${campaigns[0].id}/sheets/mutual`)).json();
    expect(sheets).toHaveLength(13); // 东岭镇's team evaluates 西河镇's 13 villages
    expect((await town01.get('/api/org-units?level=village&pageSize=100')).json().total).toBe(13);
    const v01 = await loginAs(app, 'v01', demoPassword);
    const people = (await v01.get('/api/people')).json();
    expect(people.total).toBeGreaterThanOrEqual(4);
    expect(people.items[0].phoneMasked).toMatch(/^138\*{4}\d{4}$/);
  });

  it('when the demo’s two officers open the violation register, then each case was registered by one and is decided only by the other', async () => {
    const inspector = await loginAs(app, 'inspector01', demoPassword);
    const petition = await loginAs(app, 'petition01', demoPassword);
    const list = (await inspector.get('/api/violations')).json();
    expect(list.items.map((x: { caseNo: string; status: string; reportedByName: string; decidedByName: string | null }) => [x.caseNo, x.status, x.reportedByName, x.decidedByName]).sort()).toEqual([
      ['WJ000001', 'dismissed', '信访专员', '纪检专员'],
      ['WJ000002', 'reported', '纪检专员', null],
    ]);
    const waiting = list.items.find((x: { caseNo: string }) => x.caseNo === 'WJ000002');
    const own = await inspector.post(`/api/violations/${waiting.id}/decide`, { to: 'confirmed', note: '自己登记自己确认' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('violation.own_record');
    const judge = await loginAs(app, 'judge01', demoPassword);
    expect((await judge.post(`/api/violations/${waiting.id}/decide`, { to: 'confirmed', note: '评委确认' })).statusCode).toBe(403);
    const other = await petition.post(`/api/violations/${waiting.id}/decide`, { to: 'dismissed', note: '经信访专员核实，不予认定' });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ status: 'dismissed', reportedByName: '纪检专员', decidedByName: '信访专员' });
  });

  it('when the first production admin is created, then a new city needs its name, and names are unique', async () => {
    const fresh = await openTestDatabase();
    const freshApp = await buildApp({ database: fresh, secretKey: testSecret, secure: true });
    try {
      const input = { username: 'root', displayName: '管理员', password: 'First-Admin-2026', role: 'sysadmin' as const };
      await expect(createCityAdmin(freshApp.services, input)).rejects.toThrow('请用 --city');
      const made = await createCityAdmin(freshApp.services, { ...input, cityName: '新市' });
      expect(made.city).toBe('新市');
      await expect(createCityAdmin(freshApp.services, input)).rejects.toMatchObject({ code: 'account.duplicate_username' });
      await expect(createCityAdmin(freshApp.services, { ...input, username: 'weak', password: 'weak' })).rejects.toMatchObject({ code: 'password.too_weak' });
      const sys = await loginAs(freshApp, 'root', 'First-Admin-2026');
      expect((await sys.get('/api/auth/me')).json().roles[0]).toMatchObject({ role: 'sysadmin', orgUnitName: '新市' });
    } finally {
      await freshApp.close();
      await fresh.close();
    }
  });
});
