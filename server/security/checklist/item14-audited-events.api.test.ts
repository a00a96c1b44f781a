// Item 14: exactly one audit row for each event an assessor asks about — login ok and failed,
// lockout, permission denial, a CSRF rejection, a write refused by record scope (404), a view of
// the discipline/petition list, an export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let town1: Client;
let orgadmin: Client;
beforeAll(async () => {
  t = await startTestApp();
  town1 = await loginAs(t.app, 'town1');
  orgadmin = await loginAs(t.app, 'orgadmin');
});
afterAll(() => t.close());

const count = async (event: string, where: (r: Record<string, unknown>) => boolean = () => true) => (await auditRows(t.app, event)).filter(where).length;

describe('item 14: one audit row per security event', () => {
  it('when a login succeeds and another fails, then one auth.login and one auth.login_failed row are added', async () => {
    const ok = await count('auth.login');
    const failed = await count('auth.login_failed');
    await loginAs(t.app, 'v11');
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'v11', password: 'Wrong-Password-1' } });
    expect(await count('auth.login')).toBe(ok + 1);
    expect(await count('auth.login_failed')).toBe(failed + 1);
  });

  it('when five wrong passwords lock an account, then exactly one auth.lockout row is written', async () => {
    for (let i = 0; i < 6; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'v21', password: `Wrong-${i}` } });
    expect(await count('auth.lockout', (r) => r.username === 'v21')).toBe(1);
  });

  it('when a role calls a route it holds no permission for, then one access.denied row names the route', async () => {
    await town1.get('/api/audit');
    const rows = await auditRows(t.app, 'access.denied');
    expect(rows.filter((r) => r.username === 'town1' && r.object_id === 'GET /api/audit')).toHaveLength(1);
  });

  it('when a write comes with a wrong CSRF token, then 403 and one auth.csrf_rejected row', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/org-units', headers: { cookie: town1.cookie, 'x-csrf-token': 'forged' },
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    const rows = await auditRows(t.app, 'auth.csrf_rejected');
    expect(rows.filter((r) => r.username === 'town1')).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'denied', object_id: 'POST /api/org-units' });
  });

  it("when a town writes to another town's village, then 404 and one access.scope_denied row; the village is unchanged", async () => {
    const other = t.city.villages.town2[0];
    const res = await town1.patch(`/api/org-units/${other.id}`, { name: '被改名' });
    expect(res.statusCode).toBe(404);
    const rows = await auditRows(t.app, 'access.scope_denied');
    expect(rows.filter((r) => r.username === 'town1')).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'denied', object_id: 'PATCH /api/org-units/:id' });
    expect((await orgadmin.get(`/api/org-units/${other.id}`)).json().name).toBe(other.name);
  });

  it('when a reading 404 happens (an unknown id), then nothing is audited as a scope denial (reads are not probes of writes)', async () => {
    const before = await count('access.scope_denied');
    await town1.get(`/api/org-units/${t.city.villages.town2[0].id}`);
    expect(await count('access.scope_denied')).toBe(before);
  });

  it('when the discipline/petition list is viewed, then one violation.list_view row per view', async () => {
    const res = await orgadmin.get('/api/violations');
    expect(res.statusCode).toBe(200);
    expect(await count('violation.list_view', (r) => r.username === 'orgadmin')).toBe(1);
  });

  it('when the audit log is exported, then one export row carries the anchored head', async () => {
    const auditor = await loginAs(t.app, 'auditor');
    expect((await auditor.get('/api/audit/export.xlsx')).statusCode).toBe(200);
    const rows = (await auditRows(t.app, 'export')).filter((r) => r.object_type === 'audit_log');
    expect(rows).toHaveLength(1);
    expect((rows[0]?.after as { head: { seq: number } }).head.seq).toBeGreaterThan(0);
  });
});
