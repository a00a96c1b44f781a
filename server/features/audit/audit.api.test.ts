import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let auditor: Client;
beforeAll(async () => {
  t = await startTestApp();
  const org = await loginAs(t.app, 'orgadmin');
  await org.patch(`/api/org-units/${t.city.villages.town1[0].id}`, { name: '甲一村改' });
  await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
  auditor = await loginAs(t.app, 'auditor');
});
afterAll(() => t.close());

describe('audit log', () => {
  it('when the auditor filters by event, then matching rows come back newest first with all fields', async () => {
    const res = await auditor.get('/api/audit?event=auth.login&pageSize=50');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((r: { username: string }) => r.username)).toEqual(['auditor', 'orgadmin']);
    expect(items[0]).toMatchObject({ outcome: 'success', role: 'auditor', ip: '127.0.0.1' });
    expect(items[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(items[0].at).getTime()).not.toBeNaN();
  });

  it('when a failed login names an unknown user, then the auditor sees it', async () => {
    const res = await auditor.get('/api/audit?event=auth.login_failed');
    expect(res.json().items[0]).toMatchObject({ username: 'nobody', outcome: 'failure', after: { reason: 'unknown_user' } });
  });

  it('when the application tries to update or delete an audit row, then the database refuses', async () => {
    const db = t.app.services.db;
    await expect(db.execute(sql`UPDATE audit_log SET event = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, brokenAt: null });
  });

  it('when a row is edited directly in the database (as the owner), then the hash chain shows where', async () => {
    const before = (await auditor.get('/api/audit/verify')).json();
    expect(before.ok).toBe(true);
    expect(before.checked).toBeGreaterThanOrEqual(3);
    await t.database.runAsOwner(`UPDATE audit_log SET after = '{"name":"伪造"}' WHERE seq = 1 AND event = 'auth.login'`);
    const after = (await auditor.get('/api/audit/verify')).json();
    expect(after).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('when exported, then the file opens back with Chinese event names and the export itself is audited', async () => {
    const res = await auditor.get('/api/audit/export.xlsx?event=org.update');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    expect(ws?.getRow(2).getCell(5).value).toBe('修改组织');
    expect(String(ws?.getRow(2).getCell(12).value)).toContain('甲一村改');
    const exports = (await auditor.get('/api/audit?event=export')).json().items;
    expect(exports[0]).toMatchObject({ username: 'auditor', objectType: 'audit_log' });
  });
});
