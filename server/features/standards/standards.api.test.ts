import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { loadShippedStandards } from './shipped-standards.js';
import { lockStandard } from './standards.service.js';
import type { Standard } from '../../../shared/standards/standard.js';

let t: TestApp;
let org: Client;
let tumen: Standard;
beforeAll(async () => {
  t = await startTestApp();
  org = await loginAs(t.app, 'orgadmin');
  [tumen] = (await loadShippedStandards()) as [Standard];
});
afterAll(() => t.close());

async function create(document: unknown) {
  return org.post('/api/standards', { document });
}

describe('stored standards', () => {
  it('when a valid standard is saved, then it lists with its counts and the save is audited', async () => {
    const res = await create(tumen);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'tumen-2022', version: tumen.version, locked: false, totalMaxScore: 100 });
    expect(res.json().indicatorCount).toBeGreaterThan(10);
    const list = (await org.get('/api/standards')).json();
    expect(list.total).toBe(1);
    expect((await auditRows(t.app, 'standard.create'))).toHaveLength(1);
  });

  it('when the same code and version is saved again, then 409', async () => {
    expect((await create(tumen)).json().error.code).toBe('standard.duplicate_version');
  });

  it('when a standard is invalid, then 400 lists each error with its path and nothing is saved', async () => {
    const broken = structuredClone(tumen) as Standard & { stages: { weight: number }[] };
    broken.version = 'broken';
    broken.stages[0]!.weight = 99;
    const res = await create(broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('standard.invalid');
    const paths = res.json().error.details.errors.map((e: { path: string }) => e.path);
    expect(paths.some((p: string) => p.startsWith('stages'))).toBe(true);
    expect((await org.get('/api/standards')).json().total).toBe(1);
    const check = await org.post('/api/standards/validate', { document: broken });
    expect(check.json().ok).toBe(false);
  });

  it('when a standard is edited, then the new document is stored and before/after are audited', async () => {
    const id = (await org.get('/api/standards')).json().items[0].id;
    const edited = { ...tumen, name: `${tumen.name}（修订）` };
    const res = await org.put(`/api/standards/${id}`, { document: edited });
    expect(res.json().name).toBe(edited.name);
    const row = (await auditRows(t.app, 'standard.update')).at(-1);
    expect(row?.before).toMatchObject({ name: tumen.name });
    expect(row?.after).toMatchObject({ name: edited.name });
  });

  it('when a standard is locked by a closed campaign, then edits get 409 and a clone makes an editable new version', async () => {
    const id = (await org.get('/api/standards')).json().items[0].id;
    const services = t.app.services;
    const ctx = { ...services, principal: { countyId: t.city.countyId } as never, actor: { countyId: t.city.countyId, userId: null, username: 'test', role: null, ip: null, requestId: null } };
    await lockStandard(ctx, id, '2022 年度评星已结束');
    const res = await org.put(`/api/standards/${id}`, { document: tumen });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('standard.locked');
    const clone = await org.post(`/api/standards/${id}/clone`, { version: '2023.1' });
    expect(clone.json()).toMatchObject({ version: '2023.1', locked: false, clonedFrom: id });
    expect((await org.get(`/api/standards/${id}`)).json()).toMatchObject({ locked: true, lockedReason: '2022 年度评星已结束' });
  });

  it('when exported as JSON, then the file is the standard and can be imported as a new version', async () => {
    const id = (await org.get('/api/standards?q=tumen')).json().items[0].id;
    const res = await org.get(`/api/standards/${id}/export.json`);
    expect(res.headers['content-disposition']).toContain('attachment');
    const doc = JSON.parse(res.body);
    expect(doc.id).toBe('tumen-2022');
    expect((await create({ ...doc, version: 'imported' })).statusCode).toBe(200);
  });

  it('when the indicator table is exported, edited in Excel and imported, then the indicators change and the rules stay', async () => {
    const id = (await org.get('/api/standards')).json().items.find((s: { version: string }) => s.version === '2023.1').id;
    const res = await org.get(`/api/standards/${id}/indicators.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getRow(1).getCell(4).value).toBe('指标编码');
    const firstName = String(ws.getRow(2).getCell(5).value);
    ws.getRow(2).getCell(5).value = `${firstName}（新）`;
    const ok = await org.upload(`/api/standards/${id}/indicators`, Buffer.from(await book.xlsx.writeBuffer()));
    expect(ok.statusCode).toBe(200);
    const doc = (await org.get(`/api/standards/${id}`)).json().document;
    expect(doc.dimensions[0].indicators[0].name).toBe(`${firstName}（新）`);
    expect(doc.levelScheme).toEqual(tumen.levelScheme);

    ws.getRow(2).getCell(7).value = 999;
    ws.getRow(3).getCell(8).value = '年终考核';
    const bad = await org.upload(`/api/standards/${id}/indicators`, Buffer.from(await book.xlsx.writeBuffer()));
    expect(bad.statusCode).toBe(422);
    const rows = bad.json().error.details.errors.map((e: { row: number }) => e.row);
    expect(rows).toContain(3);
    expect((await org.get(`/api/standards/${id}`)).json().document.dimensions[0].indicators[0].maxPoints).not.toBe(999);
  });

  it('when a town official reads standards, then they may; writing is 403', async () => {
    const town = await loginAs(t.app, 'town1');
    expect((await town.get('/api/standards')).statusCode).toBe(200);
    expect((await town.post('/api/standards', { document: tumen })).statusCode).toBe(403);
  });

  it('when a standard of another county is asked for, then 404', async () => {
    expect((await org.get('/api/standards/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
