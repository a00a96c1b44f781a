import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { makeFieldworkPeople, pairThrough, type FieldworkPeople } from '../../../test/fieldwork-factories.js';

let t: TestApp;
let org: Client;
let town1: Client;
let leader: Client;
let leader2: Client;
let fp: FieldworkPeople;
let pairA: string;
let pairB: string;

const pairingCount = async () =>
  ((await t.app.services.db.execute(sql`SELECT count(*)::int AS n FROM pairings`)) as unknown as { rows: { n: number }[] }).rows[0]?.n;

beforeAll(async () => {
  t = await startTestApp();
  fp = await makeFieldworkPeople(t);
  org = await loginAs(t.app, 'orgadmin');
  town1 = await loginAs(t.app, 'town1');
  leader = await loginAs(t.app, 'leader');
  leader2 = await loginAs(t.app, 'leader2');
  pairA = await pairThrough(org, fp.leaderA, t.city.villages.town1[0].id);
  pairB = await pairThrough(org, fp.leaderB, t.city.villages.town2[0].id);
});
afterAll(() => t.close());

describe('the pairing register', () => {
  it('when the department pairs a leader with a village, then the register shows names, it is in force, and one audit row is written', async () => {
    const res = await org.get(`/api/pairings/${pairA}`);
    expect(res.json()).toMatchObject({ leaderName: '领导甲', villageName: '甲一村', townName: '甲镇', startDate: '2026-01-01', endDate: null, active: true, lastVisitDate: null });
    const rows = (await auditRows(t.app, 'pairing.create')).filter((r) => r.object_id === pairA);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'orgadmin', outcome: 'success' });
    expect(rows[0]?.after).toMatchObject({ leaderId: fp.leaderA, villageId: t.city.villages.town1[0].id });
  });

  it('when the person is no leader, the unit is a town, or the pairing overlaps, then a coded error and nothing is added', async () => {
    const before = await pairingCount();
    const notLeader = await org.post('/api/pairings', { leaderId: fp.cadre11, villageId: t.city.villages.town1[1].id, startDate: '2026-01-01' });
    expect([notLeader.statusCode, notLeader.json().error.code]).toEqual([400, 'pairing.not_a_leader']);
    const town = await org.post('/api/pairings', { leaderId: fp.leaderA, villageId: t.city.towns[0].id, startDate: '2026-01-01' });
    expect([town.statusCode, town.json().error.code]).toEqual([400, 'fieldwork.village_required']);
    const twice = await org.post('/api/pairings', { leaderId: fp.leaderA, villageId: t.city.villages.town1[0].id, startDate: '2026-06-01' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'pairing.duplicate']);
    const backwards = await org.post('/api/pairings', { leaderId: fp.leaderA, villageId: t.city.villages.town1[1].id, startDate: '2026-06-01', endDate: '2026-05-01' });
    expect([backwards.statusCode, backwards.json().error.code]).toEqual([400, 'validation.failed']);
    const extra = await org.post('/api/pairings', { leaderId: fp.leaderA, villageId: t.city.villages.town1[1].id, startDate: '2026-06-01', color: 'red' });
    expect(extra.json().error.code).toBe('validation.unknown_field');
    expect(await pairingCount()).toBe(before);
  });

  it('when a town administrator or a leader tries to pair, then 403', async () => {
    const body = { leaderId: fp.leaderA, villageId: t.city.villages.town1[1].id, startDate: '2026-01-01' };
    expect((await town1.post('/api/pairings', body)).statusCode).toBe(403);
    expect((await leader.post('/api/pairings', body)).statusCode).toBe(403);
  });

  it('when a leader lists pairings, then only their own come back; another leader’s pairing is 404', async () => {
    const own = (await leader.get('/api/pairings')).json();
    expect(own.items.map((p: { villageName: string }) => p.villageName)).toEqual(['甲一村']);
    expect((await leader.get(`/api/pairings/${pairB}`)).statusCode).toBe(404);
    const all = (await org.get('/api/pairings?pageSize=100')).json();
    expect(all.total).toBe(2);
    const townView = (await town1.get('/api/pairings')).json();
    expect(townView.items.map((p: { villageName: string }) => p.villageName)).toEqual(['甲一村']);
  });

  it('when a pairing is ended, then it is no longer in force; ending it again is 409 and changes nothing', async () => {
    const id = await pairThrough(org, fp.leaderB, t.city.villages.town1[1].id, '2025-03-01');
    const ended = await org.post(`/api/pairings/${id}/end`, { endDate: '2026-02-01' });
    expect(ended.json()).toMatchObject({ endDate: '2026-02-01', active: false });
    const again = await org.post(`/api/pairings/${id}/end`, { endDate: '2026-03-01' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'pairing.ended']);
    expect((await org.get(`/api/pairings/${id}`)).json().endDate).toBe('2026-02-01');
    expect((await org.get('/api/pairings?active=false')).json().items.map((p: { id: string }) => p.id)).toEqual([id]);
    const renote = await org.patch(`/api/pairings/${id}`, { note: '工作调整' });
    expect(renote.json().note).toBe('工作调整');
    expect((await auditRows(t.app, 'pairing.end')).filter((r) => r.object_id === id)).toHaveLength(1);
  });
});

describe('the visit-frequency rule', () => {
  it('when a year has no rule, then once a quarter applies; the department sets another and it is audited', async () => {
    expect((await leader.get('/api/visit-rules/2027')).json()).toEqual({ year: 2027, period: 'quarter', minVisits: 1, isDefault: true });
    const set = await org.put('/api/visit-rules/2027', { period: 'month', minVisits: 2 });
    expect(set.json()).toEqual({ year: 2027, period: 'month', minVisits: 2, isDefault: false });
    expect((await town1.get('/api/visit-rules/2027')).json().period).toBe('month');
    const rows = (await auditRows(t.app, 'visit_rule.set')).filter((r) => r.object_id === '2027');
    expect(rows[0]?.before).toMatchObject({ period: 'quarter', isDefault: true });
    expect((await leader.put('/api/visit-rules/2027', { period: 'year', minVisits: 1 })).statusCode).toBe(403);
    expect((await org.put('/api/visit-rules/2027', { period: 'week', minVisits: 1 })).statusCode).toBe(400);
  });
});

describe('visit logs', () => {
  it('when a leader records a visit to their own pairing, then it is logged and the pairing shows the date', async () => {
    const res = await leader.post('/api/visits', { pairingId: pairA, visitDate: '2026-02-20', kind: '调研', findings: '村集体收入偏低', followUp: '谋划特色种植' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ leaderName: '领导甲', villageName: '甲一村', kind: '调研', photoIds: [] });
    expect((await leader.get(`/api/pairings/${pairA}`)).json().lastVisitDate).toBe('2026-02-20');
    expect((await auditRows(t.app, 'visit.create')).filter((r) => r.username === 'leader')).toHaveLength(1);
  });

  it('when a leader records a visit for another leader’s pairing, a future date, or outside the pairing, then an error and no visit', async () => {
    const other = await leader.post('/api/visits', { pairingId: pairB, visitDate: '2026-02-20', kind: '座谈' });
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'pairing.not_found']);
    const future = await leader.post('/api/visits', { pairingId: pairA, visitDate: '2026-03-20', kind: '座谈' });
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'fieldwork.future_date']);
    const before = await leader.post('/api/visits', { pairingId: pairA, visitDate: '2025-12-20', kind: '座谈' });
    expect([before.statusCode, before.json().error.code]).toEqual([400, 'visit.outside_pairing']);
    const badKind = await leader.post('/api/visits', { pairingId: pairA, visitDate: '2026-02-20', kind: '喝茶' });
    expect(badKind.statusCode).toBe(400);
    expect((await town1.post('/api/visits', { pairingId: pairA, visitDate: '2026-02-20', kind: '座谈' })).statusCode).toBe(403);
    expect((await org.get('/api/visits?pageSize=100')).json().total).toBe(1);
  });

  it('when the department records a visit for any leader, then each leader sees only their own visits and towns see their villages', async () => {
    expect((await org.post('/api/visits', { pairingId: pairB, visitDate: '2026-02-25', kind: '现场指导', companions: '组织部 张某' })).statusCode).toBe(200);
    expect((await leader.get('/api/visits')).json().items.map((v: { leaderName: string }) => v.leaderName)).toEqual(['领导甲']);
    expect((await leader2.get('/api/visits')).json().items.map((v: { villageName: string }) => v.villageName)).toEqual(['乙一村']);
    expect((await town1.get('/api/visits')).json().items.map((v: { villageName: string }) => v.villageName)).toEqual(['甲一村']);
    const v11 = await loginAs(t.app, 'v11');
    expect((await v11.get('/api/visits')).json().total).toBe(1);
  });

  it('when a photo is uploaded, then its bytes decide the type; it is served as an attachment to those who may read the visit', async () => {
    const visit = (await leader.get('/api/visits')).json().items[0];
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const added = await leader.upload(`/api/visits/${visit.id}/photos`, png, 'image/png');
    expect(added.statusCode).toBe(200);
    const [photoId] = added.json().photoIds;
    const photo = await leader.get(`/api/visit-photos/${photoId}`);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['content-disposition']).toMatch(/^attachment/);
    expect(photo.rawPayload.equals(png)).toBe(true);
    expect((await leader2.get(`/api/visit-photos/${photoId}`)).statusCode).toBe(404);
    const fake = await leader.upload(`/api/visits/${visit.id}/photos`, Buffer.from('<svg onload=alert(1)>'), 'image/png');
    expect([fake.statusCode, fake.json().error.code]).toEqual([415, 'visit.photo_invalid']);
    const huge = await leader.upload(`/api/visits/${visit.id}/photos`, Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), 'image/png');
    expect(huge.statusCode).toBe(413);
    expect((await leader.get(`/api/visits/${visit.id}`)).json().photoIds).toEqual([photoId]);
  });

  it('when visits are exported, then the file opens back with the caller’s rows and the export is audited', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await town1.get('/api/visits/export.xlsx?year=2026');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    expect(ws?.getRow(1).getCell(2).value).toBe('市级领导');
    expect(ws?.rowCount).toBe(2);
    expect(ws?.getRow(2).getCell(4).value).toBe('甲一村');
    expect((await auditRows(t.app, 'export')).some((r) => r.username === 'town1' && r.object_type === 'leader_visit')).toBe(true);
  });
});

describe('visit compliance', () => {
  it('when a quarter ends without a visit and the next has none yet, then the pairing is overdue until a visit is made', async () => {
    t.clock.set(new Date('2026-07-10T02:00:00Z'));
    const orgNow = await loginAs(t.app, 'orgadmin');
    const all = (await orgNow.get('/api/pairings/compliance?year=2026&pageSize=100')).json();
    const a = all.items.find((p: { id: string }) => p.id === pairA);
    expect(a.periods.map((p: { label: string; visits: number; met: boolean; ended: boolean }) => [p.label, p.visits, p.met, p.ended])).toEqual([
      ['第一季度', 1, true, true],
      ['第二季度', 0, false, true],
      ['第三季度', 0, false, false],
    ]);
    expect(a).toMatchObject({ overdue: true, missedPeriods: 1, visitsInYear: 1 });
    const overdue = (await orgNow.get('/api/pairings/compliance?year=2026&overdueOnly=true')).json();
    expect(overdue.items.map((p: { id: string }) => p.id).sort()).toEqual([pairA, pairB].sort());
    const leaderNow = await loginAs(t.app, 'leader');
    expect((await leaderNow.post('/api/visits', { pairingId: pairA, visitDate: '2026-07-08', kind: '调研' })).statusCode).toBe(200);
    const mine = (await leaderNow.get('/api/pairings/compliance?year=2026')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id: pairA, overdue: false, missedPeriods: 1 });
    t.clock.set(new Date('2026-03-02T02:00:00Z'));
  });
});
