import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { auditRows, countRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let org: Client;
let v11: Client;
beforeAll(async () => {
  t = await startTestApp();
  org = await loginAs(t.app, 'orgadmin');
  v11 = await loginAs(t.app, 'v11');
});
afterAll(() => t.close());

// Valid check digits, fictional region codes.
const idA = '99999919800101002X';
const idB = '999999198501010026';

const person = (orgUnitId: string, extra: Record<string, unknown> = {}) => ({
  orgUnitId,
  name: '测试甲',
  gender: '男',
  birthYear: 1980,
  idNumber: idA,
  phone: '13812341234',
  partyMember: true,
  positions: [{ title: '书记', startDate: '2024-01-01' }],
  ...extra,
});

describe('people register', () => {
  it('when a person is created, then ID number and phone come back masked and are stored encrypted', async () => {
    const res = await v11.post('/api/people', person(t.city.villages.town1[0].id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '测试甲', idNumberMasked: '99*************02X', phoneMasked: '138****1234', orgUnitName: '甲一村' });
    expect(res.json().positions[0]).toMatchObject({ title: '书记', orgUnitName: '甲一村', endDate: null });
    const raw = (await t.app.services.db.execute(sql`SELECT * FROM people`)) as unknown as { rows: unknown[] };
    const dump = JSON.stringify(raw.rows);
    expect(dump).not.toContain(idA);
    expect(dump).not.toContain('13812341234');
    const audit = (await auditRows(t.app, 'person.create')).at(-1);
    expect(JSON.stringify(audit)).not.toContain('13812341234');
  });

  it('when the same ID number is registered again, then 409 and nothing is added', async () => {
    const before = await countRows(t.app, 'people');
    const res = await org.post('/api/people', person(t.city.villages.town2[0].id, { idNumber: idA.toLowerCase() }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('person.duplicate_id_number');
    expect(await countRows(t.app, 'people')).toBe(before);
  });

  it('when an ID number fails its check digit or a phone is malformed, then 400', async () => {
    const badId = await org.post('/api/people', person(t.city.villages.town2[0].id, { idNumber: '999999198001010012' }));
    expect(badId.json().error.code).toBe('person.invalid_id_number');
    const badPhone = await org.post('/api/people', person(t.city.villages.town2[0].id, { idNumber: null, phone: '12345' }));
    expect(badPhone.statusCode).toBe(400);
  });

  it('when a village cadre adds a person to another village, then 404', async () => {
    const res = await v11.post('/api/people', person(t.city.villages.town2[0].id, { idNumber: idB }));
    expect(res.statusCode).toBe(404);
  });

  it('when lists are filtered, then scope, org subtree, title and party membership all apply', async () => {
    await org.post('/api/people', person(t.city.villages.town2[0].id, { name: '测试乙', idNumber: idB, phone: null, partyMember: false, positions: [{ title: '致富带头人', startDate: '2023-05-01' }] }));
    await org.post('/api/people', person(t.city.villages.town2[1].id, { name: '测试丙', idNumber: null, phone: null, positions: [{ title: '书记', startDate: '2020-01-01', endDate: '2022-12-31' }] }));
    const town2 = await loginAs(t.app, 'town2');
    expect((await town2.get('/api/people')).json().items.map((p: { name: string }) => p.name).sort()).toEqual(['测试丙', '测试乙']);
    expect((await v11.get('/api/people')).json().total).toBe(1);
    expect((await org.get(`/api/people?orgUnitId=${t.city.towns[1].id}`)).json().total).toBe(2);
    expect((await org.get('/api/people?partyMember=false')).json().items.map((p: { name: string }) => p.name)).toEqual(['测试乙']);
    // A past position no longer counts as holding the title.
    expect((await org.get(`/api/people?title=${encodeURIComponent('书记')}`)).json().items.map((p: { name: string }) => p.name)).toEqual(['测试甲']);
    expect((await town2.get(`/api/people?orgUnitId=${t.city.towns[0].id}`)).statusCode).toBe(404);
  });

  it('when a page of the register has more after it, then it says so, counted only when asked or under one unit', async () => {
    const all = (await org.get('/api/people?pageSize=100')).json();
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(all).toMatchObject({ hasMore: false, total: all.items.length });
    expect((await org.get('/api/people?pageSize=1')).json()).toMatchObject({ hasMore: true, total: null });
    expect((await org.get('/api/people?pageSize=1&count=true')).json()).toMatchObject({ hasMore: true, total: all.items.length });
    expect((await org.get(`/api/people?orgUnitId=${t.city.towns[1].id}&pageSize=1`)).json()).toMatchObject({ hasMore: true, total: 2 });
    const last = (await org.get(`/api/people?page=${all.items.length}&pageSize=1`)).json();
    expect(last).toMatchObject({ hasMore: false, total: all.items.length });
    expect(last.items[0].id).toBe(all.items.at(-1).id);
  });

  it('when a person is edited, then before and after are audited with masked contact data', async () => {
    const id = (await org.get('/api/people?q=测试甲')).json().items[0].id;
    const res = await org.patch(`/api/people/${id}`, { phone: '13900001111', positions: [{ title: '主任', startDate: '2025-01-01' }] });
    expect(res.json()).toMatchObject({ phoneMasked: '139****1111', positions: [{ title: '主任' }] });
    const row = (await auditRows(t.app, 'person.update')).at(-1);
    expect(row?.before).toMatchObject({ phone: '138****1234' });
    expect(row?.after).toMatchObject({ phone: '139****1111' });
  });

  it('when the full ID number is revealed, then it is returned once and the view is audited', async () => {
    const id = (await org.get('/api/people?q=测试甲')).json().items[0].id;
    const res = await v11.post(`/api/people/${id}/reveal`);
    expect(res.json()).toEqual({ idNumber: idA, phone: '13900001111' });
    expect((await auditRows(t.app, 'person.reveal')).filter((r) => r.object_id === id)).toHaveLength(1);
    const leader = await loginAs(t.app, 'leader');
    expect((await leader.post(`/api/people/${id}/reveal`)).statusCode).toBe(403);
  });
});

async function peopleSheet(rows: (string | number)[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('人员');
  ws.addRow(['姓名', '性别', '出生年份', '身份证号', '手机号', '是否党员', '所在组织编码', '职务', '任职开始日期']);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('people import and export', () => {
  it('when any row is bad, then all bad rows are listed and nobody is imported', async () => {
    const before = await countRows(t.app, 'people');
    const file = await peopleSheet([
      ['好人', '女', 1990, '', '13800000001', '是', 'T1-V2', '两委委员', '2024-03-01'],
      ['', '未知', 1800, '123', '555', '也许', 'NOPE', '村长', '昨天'],
      ['重号', '男', 1970, idA, '', '否', 'T1-V2', '', ''],
    ]);
    const res = await org.upload('/api/people/import', file);
    expect(res.statusCode).toBe(422);
    const errors: { row: number; field: string }[] = res.json().error.details.errors;
    expect([...new Set(errors.map((e) => e.row))]).toEqual([3, 4]);
    expect(errors.filter((e) => e.row === 3).map((e) => e.field)).toEqual(
      expect.arrayContaining(['姓名', '性别', '出生年份', '身份证号', '手机号', '是否党员', '所在组织编码', '职务', '任职开始日期']),
    );
    expect(await countRows(t.app, 'people')).toBe(before);
  });

  it('when all rows are good, then people and positions are imported and the export opens back masked', async () => {
    const file = await peopleSheet([
      ['导入甲', '女', 1990, '', '13800000001', '是', 'T1-V2', '两委委员、致富带头人', '2024-03-01'],
      ['导入乙', '男', 1975, '999999197501010013', '', '否', 'T1-V2', '', ''],
    ]);
    const res = await org.upload('/api/people/import', file);
    expect(res.json()).toEqual({ imported: 2, errors: [] });
    const imported = (await org.get('/api/people?q=导入甲')).json().items[0];
    expect(imported.positions.map((p: { title: string }) => p.title).sort()).toEqual(['两委委员', '致富带头人']);

    const exp = await org.get(`/api/people/export.xlsx?orgUnitId=${t.city.villages.town1[1].id}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toContain('身份证号');
    const yi = rows.find((r) => r[0] === '导入乙');
    expect(yi?.[3]).toBe('99*************013');
    expect(JSON.stringify(rows)).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}/);
  });

  it('when a town admin exports, then the file holds only the town’s people and the export is audited with its row count', async () => {
    const before = (await auditRows(t.app, 'export')).length;
    const town2 = await loginAs(t.app, 'town2');
    const exp = await town2.get('/api/people/export.xlsx');
    expect(exp.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const codeCol = headers.indexOf('所在组织编码');
    const names: string[] = [];
    const codes: string[] = [];
    sheet.eachRow((r, n) => {
      if (n === 1) return;
      names.push(String(r.getCell(1).value));
      codes.push(String(r.getCell(codeCol).value ?? ''));
    });
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('导入乙'); // a person of 甲镇
    expect(codes.every((c) => c.startsWith('T2'))).toBe(true);
    const audits = await auditRows(t.app, 'export');
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ username: 'town2', object_type: 'person', after: { rows: names.length } });
  });
});
