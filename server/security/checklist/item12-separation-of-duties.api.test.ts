// SECURITY.md item 12 (三权分立) and the inspector's part of item 13: the system admin cannot read or
// alter audit; the security admin sets roles, no business work; the audit admin reads audit only; no
// account holds two admin roles or an admin role beside any other; an inspector is never a judge,
// an evaluator or the department. A reset never hands the resetter a working admin session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { makeAccount } from '../../../test/factories.js';
import { campaignInMutualStage } from '../../../test/evaluation-stage-factories.js';
import { roleScopeLevel, roles, separatedAdminRoles, type Role } from '../../../shared/roles.js';

let t: TestApp;
let sys: Client;
let sec: Client;
beforeAll(async () => {
  t = await startTestApp();
  sys = await loginAs(t.app, 'sysadmin');
  sec = await loginAs(t.app, 'secadmin');
});
afterAll(() => t.close());

function grant(role: Role) {
  const level = roleScopeLevel[role];
  const unit = level === 'city' ? t.city.city : level === 'town' ? t.city.towns[0] : t.city.villages.town1[0];
  return { role, orgUnitId: unit.id };
}

describe('item 12: no account holds two of the three, nor one of them with any other role', () => {
  it('when the security admin grants any admin role together with any other role, then 409 with a coded reason and nothing changes', async () => {
    const id = await makeAccount(t.app.services, t.city.countyId, 'pairs', null, t.city.city.id);
    sec = await loginAs(t.app, 'secadmin');
    for (const admin of separatedAdminRoles) {
      for (const other of roles.filter((r) => r !== admin)) {
        const res = await sec.put(`/api/accounts/${id}/roles`, { roles: [grant(admin), grant(other)] });
        expect(res.statusCode, `${admin}+${other}`).toBe(409);
        expect(res.json().error.code).toBe(separatedAdminRoles.includes(other) ? 'account.admin_roles_exclusive' : 'account.admin_role_alone');
      }
    }
    for (const other of ['judge', 'orgadmin'] as const) {
      const res = await sec.put(`/api/accounts/${id}/roles`, { roles: [grant('inspector'), grant(other)] });
      expect(res.statusCode, `inspector+${other}`).toBe(409);
      expect(res.json().error.code).toBe('account.inspector_conflict');
    }
    expect((await sys.get('/api/accounts?q=pairs')).json().items[0].roles).toEqual([]);
    // The rule refuses only the forbidden pairs: ordinary combinations still go through.
    const allowed = await sec.put(`/api/accounts/${id}/roles`, { roles: [grant('inspector'), grant('city_leader')] });
    expect(allowed.statusCode).toBe(200);
  });

  it('when an evaluator (team member or leader) is made an inspector, or an inspector is put on a judge panel, then 409', async () => {
    await campaignInMutualStage(t, 2026);
    sec = await loginAs(t.app, 'secadmin');
    const member = await sec.put(`/api/accounts/${t.city.users.town2}/roles`, { roles: [grant('inspector')] });
    expect(member.json().error.code).toBe('account.inspector_conflict');
    const leader = await sec.put(`/api/accounts/${t.city.users.town1}/roles`, { roles: [grant('inspector')] });
    expect(leader.json().error.code).toBe('account.inspector_conflict');

    const inspector = await makeAccount(t.app.services, t.city.countyId, 'insp1', 'inspector', t.city.city.id);
    const org = await loginAs(t.app, 'orgadmin');
    const campaign = (await org.get('/api/campaigns')).json().items[0];
    const panel = { name: '第一评委组', departments: '农业农村局', villageIds: [t.city.villages.town1[0].id] };
    const res = await org.post(`/api/campaigns/${campaign.id}/panels`, { ...panel, memberIds: [inspector] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('account.inspector_conflict');
  });

  it('when each admin reaches outside its part, then 403: the system admin reads no audit, the security admin no business data, the auditor changes nothing', async () => {
    sys = await loginAs(t.app, 'sysadmin');
    sec = await loginAs(t.app, 'secadmin');
    const auditor = await loginAs(t.app, 'auditor');
    expect((await sys.get('/api/audit')).statusCode).toBe(403);
    expect((await sys.put(`/api/accounts/${t.city.users.v11}/roles`, { roles: [] })).statusCode).toBe(403);
    expect((await sec.get('/api/audit')).statusCode).toBe(403);
    expect((await sec.get('/api/people')).statusCode).toBe(403);
    expect((await sec.post('/api/accounts', { username: 'secmade', displayName: 'x', password: 'Strong-Pass-2026' })).statusCode).toBe(403);
    expect((await auditor.get('/api/people')).statusCode).toBe(403);
    expect((await auditor.post(`/api/accounts/${t.city.users.v11}/deactivate`)).statusCode).toBe(403);
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
  });
});

describe('item 12: a reset of an admin account needs a second admin, and the resetter never learns a working password', () => {
  it('when the system admin resets the auditor, then only a request exists; it cannot approve it itself; the security admin approves and receives the one-time password', async () => {
    sys = await loginAs(t.app, 'sysadmin');
    // The old route took a password of the resetter's choosing: that field is refused now.
    const chosen = await sys.post(`/api/accounts/${t.city.users.auditor}/reset-password`, { password: 'Chosen-By-Sys-2026' });
    expect(chosen.json().error.code).toBe('validation.unknown_field');
    const asked = await sys.post(`/api/accounts/${t.city.users.auditor}/reset-password`, {});
    expect(asked.json()).toMatchObject({ status: 'pending', oneTimePassword: null, account: { resetRequest: { by: 'sysadmin' } } });
    expect((await sys.post(`/api/accounts/${t.city.users.auditor}/reset-password`, {})).json().error.code).toBe('account.reset_pending');
    expect((await sys.post(`/api/accounts/${t.city.users.auditor}/reset-password/approve`)).statusCode).toBe(403);
    // The old password still works until approval: a request alone changes nothing.
    const auditorBefore = await loginAs(t.app, 'auditor');
    expect((await auditorBefore.post(`/api/accounts/${t.city.users.auditor}/reset-password/approve`)).json().error.code).toBe('account.reset_approver_invalid');

    sec = await loginAs(t.app, 'secadmin');
    expect((await sec.get('/api/accounts/reset-requests')).json()).toEqual([expect.objectContaining({ username: 'auditor', requestedBy: 'sysadmin' })]);
    const approved = await sec.post(`/api/accounts/${t.city.users.auditor}/reset-password/approve`);
    expect(approved.json().status).toBe('done');
    const oneTime = approved.json().oneTimePassword as string;
    expect(oneTime).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    expect((await auditorBefore.get('/api/audit')).statusCode).toBe(401);
    const rows = (await auditRows(t.app, 'account.password_reset')).filter((r) => r.object_id === t.city.users.auditor);
    expect(rows.at(-1)).toMatchObject({ username: 'secadmin', after: { requestedBy: 'sysadmin', approvedBy: 'secadmin' } });
    expect(JSON.stringify(await auditRows(t.app, 'account.password_reset'))).not.toContain(oneTime);

    // Whoever logs in with the one-time password can do nothing but change it, and is told who reset it.
    const fresh = await loginAs(t.app, 'auditor', oneTime);
    const me = (await fresh.get('/api/auth/me')).json();
    expect(me).toMatchObject({ pending: 'password_change', passwordReset: { by: expect.stringContaining('secadmin') } });
    expect(me.passwordReset.at).toBe(t.clock.now().toISOString());
    const blocked = await fresh.get('/api/audit');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.password_change_required');
    expect((await fresh.post('/api/auth/password', { currentPassword: oneTime, newPassword: 'Own-Secret-2026!' })).statusCode).toBe(200);
    expect((await fresh.get('/api/audit')).statusCode).toBe(200);
  });

  it('when the system admin resets an ordinary account, then it gets a one-time password that works only to change it', async () => {
    sys = await loginAs(t.app, 'sysadmin');
    const res = await sys.post(`/api/accounts/${t.city.users.v11}/reset-password`, {});
    expect(res.json()).toMatchObject({ status: 'done', account: { mustChangePassword: true } });
    const c = await loginAs(t.app, 'v11', res.json().oneTimePassword);
    expect((await c.get('/api/people')).json().error.code).toBe('auth.password_change_required');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
  });

  it('when a privileged account asks to reset itself or the security admin is asked for its own reset, then 409', async () => {
    sys = await loginAs(t.app, 'sysadmin');
    expect((await sys.post(`/api/accounts/${t.city.users.sysadmin}/reset-password`, {})).json().error.code).toBe('account.cannot_change_self');
    await sys.post(`/api/accounts/${t.city.users.secadmin}/reset-password`, {});
    sec = await loginAs(t.app, 'secadmin');
    expect((await sec.post(`/api/accounts/${t.city.users.secadmin}/reset-password/approve`)).json().error.code).toBe('account.reset_approver_invalid');
    expect((await sec.post(`/api/accounts/${t.city.users.secadmin}/reset-password/cancel`)).statusCode).toBe(200);
    expect((await auditRows(t.app, 'account.password_reset_cancelled'))).toHaveLength(1);
  });
});
