import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { testPassword } from '../../../test/factories.js';

let t: TestApp;
let sys: Client;
let sec: Client;
beforeAll(async () => {
  t = await startTestApp();
  sys = await loginAs(t.app, 'sysadmin');
  sec = await loginAs(t.app, 'secadmin');
});
afterAll(() => t.close());

async function newAccount(username: string) {
  const res = await sys.post('/api/accounts', { username, displayName: `${username} 姓名`, password: 'Strong-Pass-2026' });
  expect(res.statusCode).toBe(200);
  return res.json().id as string;
}

describe('accounts', () => {
  it('when the account list is paged, then a page says whether more follow and counts only when asked', async () => {
    const all = (await sys.get('/api/accounts?pageSize=100')).json();
    expect(all.items.length).toBeGreaterThan(2);
    expect(all).toMatchObject({ hasMore: false, total: all.items.length });
    const first = (await sys.get('/api/accounts?pageSize=2')).json();
    expect(first).toMatchObject({ hasMore: true, total: null });
    expect(first.items.map((a: { id: string }) => a.id)).toEqual(all.items.slice(0, 2).map((a: { id: string }) => a.id));
    expect((await sys.get('/api/accounts?pageSize=2&count=true')).json()).toMatchObject({ hasMore: true, total: all.items.length });
    expect((await sys.get('/api/accounts?count=maybe')).statusCode).toBe(400);
  });

  it('when the system admin creates an account, then it has no roles until the security admin grants one', async () => {
    const id = await newAccount('newcadre');
    const account = (await sys.get('/api/accounts?q=newcadre')).json().items[0];
    expect(account).toMatchObject({ id, roles: [], active: true });
    expect((await auditRows(t.app, 'account.create')).filter((r) => r.object_id === id)).toHaveLength(1);
  });

  it('when a username is taken or a password weak, then 409 / 400', async () => {
    expect((await sys.post('/api/accounts', { username: 'town1', displayName: 'x', password: 'Strong-Pass-2026' })).statusCode).toBe(409);
    const weak = await sys.post('/api/accounts', { username: 'weakone', displayName: 'x', password: 'password' });
    expect(weak.json().error.code).toBe('password.too_weak');
  });

  it('when roles change, then one audit row holds before and after, and the account’s sessions end', async () => {
    const id = await newAccount('cadre2');
    const c = await loginAs(t.app, 'cadre2', 'Strong-Pass-2026');
    const res = await sec.put(`/api/accounts/${id}/roles`, { roles: [{ role: 'village_admin', orgUnitId: t.city.villages.town1[0].id }] });
    expect(res.json().roles).toEqual([{ role: 'village_admin', orgUnitId: t.city.villages.town1[0].id, orgUnitName: '甲一村' }]);
    const rows = (await auditRows(t.app, 'role.change')).filter((r) => r.object_id === id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'secadmin', before: { roles: [] } });
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const again = await loginAs(t.app, 'cadre2', 'Strong-Pass-2026');
    expect((await again.get('/api/auth/me')).json().permissions).toContain('people:write');
  });

  it('when one account would hold two of system, security and audit admin, then 409 and roles stay as they were', async () => {
    const id = await newAccount('twohats');
    for (const pair of [['sysadmin', 'auditor'], ['secadmin', 'sysadmin'], ['auditor', 'secadmin']]) {
      const res = await sec.put(`/api/accounts/${id}/roles`, { roles: pair.map((role) => ({ role, orgUnitId: t.city.city.id })) });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('account.admin_roles_exclusive');
    }
    expect((await sys.get('/api/accounts?q=twohats')).json().items[0].roles).toEqual([]);
  });

  it('when a role is granted over a unit of the wrong level, then 400', async () => {
    const id = await newAccount('wronglevel');
    const res = await sec.put(`/api/accounts/${id}/roles`, { roles: [{ role: 'town_admin', orgUnitId: t.city.villages.town1[0].id }] });
    expect(res.json().error.code).toBe('account.role_scope_invalid');
  });

  it('when the system admin tries to grant roles or read audit, then 403 (三权分立)', async () => {
    const id = await newAccount('sysgrant');
    expect((await sys.put(`/api/accounts/${id}/roles`, { roles: [] })).statusCode).toBe(403);
    expect((await sys.get('/api/audit')).statusCode).toBe(403);
    expect((await sec.get('/api/audit')).statusCode).toBe(403);
    expect((await sec.get('/api/people')).statusCode).toBe(403);
    const auditor = await loginAs(t.app, 'auditor');
    expect((await auditor.get('/api/org-units')).statusCode).toBe(403);
    expect((await auditor.post('/api/accounts', { username: 'x1x', displayName: 'x', password: 'Strong-Pass-2026' })).statusCode).toBe(403);
  });

  it('when an account is locked, then the security admin unlocks it and the user logs in', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'v21', password: 'Wrong-pass-123' } });
    const locked = (await sec.get('/api/accounts?q=v21')).json().items[0];
    expect(locked.lockedUntil).not.toBeNull();
    expect((await sec.post(`/api/accounts/${locked.id}/unlock`)).json().lockedUntil).toBeNull();
    expect((await auditRows(t.app, 'account.unlock'))).toHaveLength(1);
    await loginAs(t.app, 'v21', testPassword);
  });

  it('when an account is deactivated, then its sessions end and it cannot log in; a password reset ends sessions too', async () => {
    const c = await loginAs(t.app, 'leader');
    expect((await sys.post(`/api/accounts/${t.city.users.leader}/deactivate`)).json().active).toBe(false);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const denied = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: testPassword } });
    expect(denied.json().error.code).toBe('auth.invalid_credentials');
    await sys.post(`/api/accounts/${t.city.users.leader}/activate`);
    const c2 = await loginAs(t.app, 'leader');
    const reset = await sys.post(`/api/accounts/${t.city.users.leader}/reset-password`, {});
    expect(reset.json()).toMatchObject({ status: 'done', account: { mustChangePassword: true } });
    expect((await c2.get('/api/auth/me')).statusCode).toBe(401);
    const fresh = await loginAs(t.app, 'leader', reset.json().oneTimePassword);
    expect((await fresh.get('/api/people')).json().error.code).toBe('auth.password_change_required');
  });

  it('when an admin changes their own roles or status, then 409', async () => {
    expect((await sec.put(`/api/accounts/${t.city.users.secadmin}/roles`, { roles: [] })).json().error.code).toBe('account.cannot_change_self');
    expect((await sys.post(`/api/accounts/${t.city.users.sysadmin}/deactivate`)).json().error.code).toBe('account.cannot_change_self');
  });
});
