// Item 15: every audit row carries the time with its zone, the user, the role, the event, the
// object (type and id), the outcome, the client's address and the request id, for a success, a
// failure and a denial alike; the auditor's list and export show the same fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let town1: Client;
let auditor: Client;
beforeAll(async () => {
  t = await startTestApp();
  town1 = await loginAs(t.app, 'town1');
  auditor = await loginAs(t.app, 'auditor');
});
afterAll(() => t.close());

type Row = Record<string, unknown>;
const rowsFor = async (requestId: string) =>
  ((await t.app.services.db.execute(sql`SELECT * FROM audit_log WHERE request_id = ${requestId}`)) as unknown as { rows: Row[] }).rows;

describe('item 15: the fields of an audit row', () => {
  it('when the audit table is read, then its time column keeps the time zone', async () => {
    const res = (await t.app.services.db.execute(
      sql`SELECT data_type FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'at'`,
    )) as unknown as { rows: { data_type: string }[] };
    expect(res.rows[0]?.data_type).toBe('timestamp with time zone');
  });

  it('when a town official renames a village, then the one row names time, user, role, event, object, outcome, address and the request id of the answer', async () => {
    const village = t.city.villages.town1[0];
    const res = await town1.patch(`/api/org-units/${village.id}`, { name: '甲一新村' });
    expect(res.statusCode).toBe(200);
    const requestId = res.headers['x-request-id'] as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await rowsFor(requestId);
    expect(rows).toHaveLength(1);
    const row = rows[0] as Row;
    expect(new Date(row.at as string).toISOString()).toBe(t.clock.now().toISOString());
    expect(row).toMatchObject({
      user_id: t.city.users.town1,
      username: 'town1',
      event: 'org.update',
      object_type: 'org_unit',
      object_id: village.id,
      outcome: 'success',
      ip: '127.0.0.1',
      request_id: requestId,
    });
    expect(String(row.role)).toContain('town_admin');
  });

  it('when a login fails and a role is refused a route, then those rows carry outcome failure and denied with the same fields filled', async () => {
    const failed = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'v11', password: 'Wrong-Password-1' } });
    const [failure] = await rowsFor(failed.headers['x-request-id'] as string);
    expect(failure).toMatchObject({ event: 'auth.login_failed', username: 'v11', outcome: 'failure', object_type: 'user', ip: '127.0.0.1' });
    expect(failure?.at).toBeTruthy();

    const refused = await town1.get('/api/audit');
    expect(refused.statusCode).toBe(403);
    const [denied] = await rowsFor(refused.headers['x-request-id'] as string);
    expect(denied).toMatchObject({ event: 'access.denied', user_id: t.city.users.town1, username: 'town1', outcome: 'denied', object_id: 'GET /api/audit', ip: '127.0.0.1' });
    expect(String(denied?.role)).toContain('town_admin');
    expect(denied?.object_type).toBeTruthy();
  });

  it('when the auditor lists and exports the trail, then each entry shows the time with its zone and every field', async () => {
    const list = await auditor.get('/api/audit?event=org.update');
    expect(list.statusCode).toBe(200);
    const entry = list.json().items[0];
    expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    for (const field of ['username', 'role', 'event', 'objectType', 'objectId', 'outcome', 'ip', 'requestId']) expect(entry[field], field).toBeTruthy();

    const res = await auditor.get('/api/audit/export.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const headers = (book.getWorksheet('审计日志')?.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(['时间', '用户', '角色', '事件', '对象类型', '对象', '结果', 'IP', '请求编号']));
  });
});
