import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { auditRows, countRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let org: Client;
let town1: Client;
beforeAll(async () => {
  t = await startTestApp();
  org = await loginAs(t.app, 'orgadmin');
  town1 = await loginAs(t.app, 'town1');
});
afterAll(() => t.close());

const newVillage = (parentId: string, code: string) => ({
  parentId,
  kind: '行政村',
  name: `新村${code}`,
  code,
  partyOrgType: '党支部',
  partyOrgName: `新村${code}党支部`,
});

async function sheet(rows: (string | number)[][], headers = ['上级组织编码', '组织类型', '组织名称', '组织编码', '党组织类型', '党组织名称', '排序']) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('组织架构');
  ws.addRow(headers);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('reading the tree', () => {
  it('when a town official lists villages, then only that town’s villages come back, paged', async () => {
    const res = await town1.get('/api/org-units?level=village&page=1&pageSize=100');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect(res.json().items.map((u: { name: string }) => u.name).sort()).toEqual(['甲一村', '甲二村']);
    const page2 = await org.get('/api/org-units?level=village&page=2&pageSize=3');
    expect(page2.json()).toMatchObject({ total: 4 });
    expect(page2.json().items).toHaveLength(1);
  });

  it('when a page of the whole tree has more after it, then it says so without counting; the last page and count=true give the total', async () => {
    const all = (await org.get('/api/org-units?pageSize=100')).json();
    expect(all.hasMore).toBe(false);
    const n = all.total as number;
    expect(n).toBe(all.items.length);
    // The unfiltered list is not counted on each page: only the row past the page is read.
    const first = (await org.get('/api/org-units?page=1&pageSize=2')).json();
    expect(first).toMatchObject({ hasMore: true, total: null });
    expect(first.items).toHaveLength(2);
    expect((await org.get('/api/org-units?page=1&pageSize=2&count=true')).json()).toMatchObject({ hasMore: true, total: n });
    const lastPage = Math.ceil(n / 2);
    const last = (await org.get(`/api/org-units?page=${lastPage}&pageSize=2`)).json();
    expect(last).toMatchObject({ hasMore: false, total: n });
    // Past the end nothing tells the total, and nothing more follows.
    expect((await org.get(`/api/org-units?page=${lastPage + 1}&pageSize=2`)).json()).toEqual({ items: [], hasMore: false, total: null });
    // One town's villages (parentId) are few: counted on every page.
    expect((await org.get(`/api/org-units?parentId=${t.city.towns[0].id}&pageSize=1`)).json()).toMatchObject({ hasMore: true, total: 2 });
    // The pages follow each other without gaps or repeats.
    const ids = [];
    for (let p = 1; p <= lastPage; p++) ids.push(...(await org.get(`/api/org-units?page=${p}&pageSize=2`)).json().items.map((u: { id: string }) => u.id));
    expect(ids).toEqual(all.items.map((u: { id: string }) => u.id));
  });

  it('when pageSize is over 100 or page is 0, then the list is refused with a validation error', async () => {
    expect((await org.get('/api/org-units?pageSize=101')).json().error.code).toBe('validation.failed');
    expect((await org.get('/api/org-units?page=0')).statusCode).toBe(400);
  });

  it('when the tree is asked for, then roots are the caller’s scopes with their children', async () => {
    const cityTree = (await org.get('/api/org-units/tree')).json();
    expect(cityTree).toHaveLength(1);
    expect(cityTree[0].children.map((c: { name: string }) => c.name)).toEqual(['甲镇', '乙镇']);
    const townTree = (await town1.get('/api/org-units/tree')).json();
    expect(townTree.map((n: { name: string }) => n.name)).toEqual(['甲镇']);
    expect(townTree[0].children).toHaveLength(2);
  });

  it('when searching by name, then matching units come back', async () => {
    const res = await org.get(`/api/org-units?q=${encodeURIComponent('乙一')}`);
    expect(res.json().items.map((u: { code: string }) => u.code)).toEqual(['T2-V1']);
  });
});

describe('town scope (another town’s data is invisible)', () => {
  it('when town1 reads a town2 village, then 404', async () => {
    const res = await town1.get(`/api/org-units/${t.city.villages.town2[0].id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('org.not_found');
  });

  it('when town1 writes, moves or deactivates a town2 village, then 404 and the village is unchanged', async () => {
    const id = t.city.villages.town2[0].id;
    expect((await town1.patch(`/api/org-units/${id}`, { name: '被改名' })).statusCode).toBe(404);
    expect((await town1.post(`/api/org-units/${id}/deactivate`)).statusCode).toBe(404);
    expect((await town1.post(`/api/org-units/${id}/move`, { parentId: t.city.towns[0].id })).statusCode).toBe(404);
    expect((await town1.post('/api/org-units', newVillage(t.city.towns[1].id, 'X-1'))).statusCode).toBe(404);
    const unit = (await org.get(`/api/org-units/${id}`)).json();
    expect(unit).toMatchObject({ name: '乙一村', active: true, parentId: t.city.towns[1].id });
  });

  it('when town1 moves its own village into town2 (outside its scope), then 404', async () => {
    const res = await town1.post(`/api/org-units/${t.city.villages.town1[1].id}/move`, { parentId: t.city.towns[1].id });
    expect(res.statusCode).toBe(404);
  });
});

describe('changing the tree', () => {
  it('when a village is created, then it is audited exactly once with its fields', async () => {
    const res = await town1.post('/api/org-units', newVillage(t.city.towns[0].id, 'T1-V9'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ level: 'village', parentName: '甲镇', active: true });
    const rows = (await auditRows(t.app, 'org.create')).filter((r) => r.object_id === res.json().id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'town1', role: 'town_admin', outcome: 'success', object_type: 'org_unit' });
    expect(rows[0]?.after).toMatchObject({ code: 'T1-V9', name: '新村T1-V9' });
  });

  it('when a village is placed under a village, then 400 and nothing is created', async () => {
    const before = await countRows(t.app, 'org_units');
    const res = await org.post('/api/org-units', newVillage(t.city.villages.town1[0].id, 'BAD-1'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('org.invalid_parent');
    expect(await countRows(t.app, 'org_units')).toBe(before);
  });

  it('when the code already exists, then 409', async () => {
    const res = await org.post('/api/org-units', newVillage(t.city.towns[0].id, 'T1-V1'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org.duplicate_code');
  });

  it('when a body has wrong types or unknown fields, then 400 with the field named', async () => {
    const wrongType = await org.patch(`/api/org-units/${t.city.villages.town1[0].id}`, { sortOrder: 'first' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details.issues[0].path).toBe('sortOrder');
    const unknown = await org.patch(`/api/org-units/${t.city.villages.town1[0].id}`, { name: 'x', path: '/' });
    expect(unknown.json().error.code).toBe('validation.unknown_field');
    const badId = await org.get('/api/org-units/not-a-uuid');
    expect(badId.statusCode).toBe(400);
  });

  it('when an edit is saved, then the audit row holds before and after', async () => {
    const id = t.city.villages.town1[1].id;
    const res = await org.patch(`/api/org-units/${id}`, { name: '甲二村（新）', partyOrgType: '党总支' });
    expect(res.json()).toMatchObject({ name: '甲二村（新）', partyOrgType: '党总支' });
    const rows = (await auditRows(t.app, 'org.update')).filter((r) => r.object_id === id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.before).toMatchObject({ name: '甲二村', partyOrgType: '党支部' });
    expect(rows[0]?.after).toMatchObject({ name: '甲二村（新）', partyOrgType: '党总支' });
  });

  it('when a village moves to another town, then the new town sees it and the old one no longer does', async () => {
    const village = (await org.post('/api/org-units', newVillage(t.city.towns[0].id, 'MOVE-1'))).json();
    const moved = await org.post(`/api/org-units/${village.id}/move`, { parentId: t.city.towns[1].id });
    expect(moved.json()).toMatchObject({ parentId: t.city.towns[1].id, parentName: '乙镇' });
    expect((await town1.get(`/api/org-units/${village.id}`)).statusCode).toBe(404);
    const town2 = await loginAs(t.app, 'town2');
    expect((await town2.get(`/api/org-units/${village.id}`)).statusCode).toBe(200);
    const towns = await org.post(`/api/org-units/${t.city.towns[0].id}/move`, { parentId: t.city.towns[1].id });
    expect(towns.json().error.code).toBe('org.only_villages_move');
  });

  it('when a town with active villages is deactivated, then 409; a village deactivates and reactivates', async () => {
    expect((await org.post(`/api/org-units/${t.city.towns[1].id}/deactivate`)).json().error.code).toBe('org.has_active_children');
    const village = (await org.post('/api/org-units', newVillage(t.city.towns[1].id, 'OFF-1'))).json();
    expect((await org.post(`/api/org-units/${village.id}/deactivate`)).json().active).toBe(false);
    expect((await org.get(`/api/org-units/${village.id}`)).statusCode).toBe(200);
    // The list's filters together (each combination is its own prepared statement): level, active, parent and name or code.
    const codes = async (q: string, as = org) => (await as.get(`/api/org-units?${q}`)).json().items.map((u: { code: string }) => u.code);
    expect(await codes('level=village&active=false')).toEqual(['OFF-1']);
    const activeInTown2 = await codes(`level=village&active=true&parentId=${t.city.towns[1].id}`);
    expect(activeInTown2).toEqual(expect.arrayContaining(['T2-V1', 'T2-V2']));
    expect(activeInTown2).not.toContain('OFF-1');
    expect(await codes(`active=false&q=off&parentId=${t.city.towns[1].id}`)).toEqual(['OFF-1']);
    expect(await codes('active=true&q=OFF')).toEqual([]);
    expect(await codes('level=village&active=false', town1)).toEqual([]);
    expect((await org.post(`/api/org-units/${village.id}/activate`)).json().active).toBe(true);
    const rows = (await auditRows(t.app, 'org.deactivate')).filter((r) => r.object_id === village.id);
    expect(rows).toHaveLength(1);
  });

  it('when a city leader (read only) tries to change the tree, then 403 and the denial is audited', async () => {
    const leader = await loginAs(t.app, 'leader');
    const before = (await auditRows(t.app, 'access.denied')).length;
    const res = await leader.patch(`/api/org-units/${t.city.villages.town1[0].id}`, { name: 'x' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
    const rows = await auditRows(t.app, 'access.denied');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ username: 'leader', outcome: 'denied', object_id: 'PATCH /api/org-units/:id' });
  });
});

describe('Excel import and export', () => {
  it('when the template is downloaded, then it opens with the import headers and a notes sheet', async () => {
    const res = await org.get('/api/org-units/import-template.xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['组织架构', '填写说明', '填写示例']);
    expect(book.worksheets[0]?.rowCount).toBe(1);
    expect(book.worksheets[0]?.getRow(1).getCell(1).value).toBe('上级组织编码');
  });

  it('when any row is bad, then every bad row is reported with its number and reason, and nothing is imported', async () => {
    const before = await countRows(t.app, 'org_units');
    const file = await sheet([
      ['T1', '行政村', '好村', 'IMP-1', '党支部', '好村党支部', 1],
      ['T1-V1', '行政村', '村下村', 'IMP-2', '党支部', '村下村党支部', 2],
      ['NOPE', '行政村', '无上级', 'IMP-3', '党支部', '无上级党支部', 3],
      ['T1', '乡镇', '坏类型', 'IMP-1', '支部', '', 'x'],
    ]);
    const res = await org.upload('/api/org-units/import', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import.rows_invalid');
    const errors: { row: number; field: string }[] = res.json().error.details.errors;
    expect([...new Set(errors.map((e) => e.row))]).toEqual([3, 4, 5]);
    expect(errors.filter((e) => e.row === 5).map((e) => e.field)).toEqual(
      expect.arrayContaining(['组织类型', '组织编码', '党组织类型', '党组织名称', '排序']),
    );
    expect(await countRows(t.app, 'org_units')).toBe(before);
  });

  it('when all rows are good, then towns and their villages from the same file are imported and audited once', async () => {
    const file = await sheet([
      ['CITY', '街道', '新街道', 'NEW-T', '党委', '新街道党工委', 9],
      ['NEW-T', '社区', '新社区', 'NEW-T-V1', '党总支', '新社区党总支', 1],
    ]);
    const before = (await auditRows(t.app, 'org.import')).length;
    const res = await org.upload('/api/org-units/import', file);
    expect(res.json()).toEqual({ imported: 2, errors: [] });
    const found = (await org.get('/api/org-units?q=NEW-T-V1')).json().items[0];
    expect(found).toMatchObject({ name: '新社区', level: 'village', parentName: '新街道' });
    expect((await auditRows(t.app, 'org.import')).length).toBe(before + 1);
  });

  it('when a town official imports under another town, then that row is refused', async () => {
    const res = await town1.upload('/api/org-units/import', await sheet([['T2', '行政村', '越界村', 'IMP-X', '党支部', '越界村党支部', 1]]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.errors[0]).toMatchObject({ row: 2, field: '上级组织编码' });
  });

  it('when the upload is not an xlsx, is empty, or declares another type, then a clear error and nothing changes', async () => {
    expect((await org.upload('/api/org-units/import', Buffer.from('name,code\n甲,1'))).json().error.code).toBe('import.not_xlsx');
    expect((await org.upload('/api/org-units/import', Buffer.from('PK\u0003\u0004garbage'))).json().error.code).toBe('import.not_xlsx');
    const csv = await org.upload('/api/org-units/import', Buffer.from('a,b'), 'text/csv');
    expect(csv.statusCode).toBe(415);
    const empty = await org.upload('/api/org-units/import', await sheet([]));
    expect(empty.json().error.code).toBe('import.empty');
  });

  it('when the upload is larger than the limit, then 413', async () => {
    const res = await org.upload('/api/org-units/import', Buffer.alloc(6 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
  });

  it('when exported, then the file opens back with every unit in scope', async () => {
    const res = await town1.get('/api/org-units/export.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    const codes: string[] = [];
    ws?.eachRow((row, n) => n > 1 && codes.push(String(row.getCell(4).value)));
    expect(codes).toContain('T1');
    expect(codes).toContain('T1-V1');
    expect(codes.some((c) => c.startsWith('T2'))).toBe(false);
    expect((await auditRows(t.app, 'export')).some((r) => r.username === 'town1' && r.object_type === 'org_unit')).toBe(true);
  });
});
