// SECURITY.md item 8: a password change can end the other sessions; re-authentication (password
// or TOTP within 5 minutes) before role changes, resets, 定星 confirm/override, advancing,
// finalizing and corrections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { auditRows, loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { testPassword } from '../../../test/factories.js';
import { totpCode } from '../../features/auth/totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
const minutes = (n: number) => n * 60_000;

describe('item 8: password change and other sessions', () => {
  it('when the password changes with endOtherSessions, then the other browsers are logged out and this one stays', async () => {
    const other = await loginAs(t.app, 'town1');
    const here = await loginAs(t.app, 'town1');
    expect((await here.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'Town-One-Pass-2026', endOtherSessions: true })).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await auditRows(t.app, 'auth.password_change')).at(-1)).toMatchObject({ username: 'town1', after: { endedOtherSessions: true } });
  });

  it('when the owner keeps other sessions, then they stay', async () => {
    const other = await loginAs(t.app, 'town2');
    const here = await loginAs(t.app, 'town2');
    await here.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'Town-Two-Pass-2026', endOtherSessions: false });
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('item 8: re-authentication before sensitive actions', () => {
  const campaign = randomUUID();
  const village = randomUUID();
  const sensitive: [string, string, 'orgadmin' | 'secadmin' | 'sysadmin', unknown][] = [
    ['PUT', `/api/accounts/{v11}/roles`, 'secadmin', { roles: [] }],
    ['POST', `/api/accounts/{v11}/reset-password`, 'sysadmin', {}],
    ['POST', `/api/campaigns/${campaign}/advance`, 'orgadmin', { to: 'final' }],
    ['POST', `/api/campaigns/${campaign}/results/confirm`, 'orgadmin', undefined],
    ['POST', `/api/campaigns/${campaign}/results/${village}/override`, 'orgadmin', { stars: 3, reason: '复核后调整' }],
    ['POST', `/api/campaigns/${campaign}/results/${village}/correct`, 'orgadmin', { stars: 3, reason: '更正' }],
  ];

  it('when a session last proved its user more than 5 minutes ago, then each sensitive route answers 403 reauth_required before doing anything', async () => {
    for (const [method, path, who, body] of sensitive) {
      const c = await loginAs(t.app, who);
      t.clock.advance(minutes(6));
      const url = path.replace('{v11}', t.city.users.v11 as string);
      const res = method === 'PUT' ? await c.put(url, body) : await c.post(url, body);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code, url).toBe('auth.reauth_required');
    }
  });

  it('when the user gives the password again, then the action proceeds for 5 minutes; a wrong password is refused and counted', async () => {
    const sec = await loginAs(t.app, 'secadmin');
    t.clock.advance(minutes(6));
    const url = `/api/accounts/${t.city.users.v11}/roles`;
    const body = { roles: [{ role: 'village_admin', orgUnitId: t.city.villages.town1[0].id }] };
    expect((await sec.put(url, body)).json().error.code).toBe('auth.reauth_required');
    expect((await sec.post('/api/auth/reauth', { password: 'Not-The-Password-1' })).json().error.code).toBe('auth.wrong_password');
    expect((await auditRows(t.app, 'auth.password_check_failed')).filter((r) => r.username === 'secadmin')).toHaveLength(1);
    expect((await sec.post('/api/auth/reauth', { password: testPassword })).statusCode).toBe(200);
    expect((await sec.put(url, body)).statusCode).toBe(200);
    t.clock.advance(minutes(5) + 1000);
    expect((await sec.put(url, body)).json().error.code).toBe('auth.reauth_required');
    expect(await auditRows(t.app, 'auth.reauth')).toHaveLength(1);
  });

  it('when a fresh login is the proof, then no extra step is needed (the browser flows rely on it)', async () => {
    const org = await loginAs(t.app, 'orgadmin');
    const res = await org.post(`/api/campaigns/${campaign}/advance`, { to: 'final' });
    expect(res.json().error.code).not.toBe('auth.reauth_required');
  });

  it('when the account has TOTP, then a current code re-authenticates too', async () => {
    const org = await loginAs(t.app, 'orgadmin');
    const { secret } = (await org.post('/api/auth/totp/enrolment')).json();
    await org.post('/api/auth/totp/enrolment/confirm', { code: totpCode(secret, t.clock.now()) });
    t.clock.advance(minutes(6));
    expect((await org.post(`/api/campaigns/${campaign}/results/confirm`)).json().error.code).toBe('auth.reauth_required');
    expect((await org.post('/api/auth/reauth', { code: totpCode(secret, t.clock.now()) })).statusCode).toBe(200);
    expect((await org.post(`/api/campaigns/${campaign}/results/confirm`)).json().error.code).not.toBe('auth.reauth_required');
  });
});
