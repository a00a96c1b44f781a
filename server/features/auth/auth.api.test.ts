import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, clientWith, loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { testPassword } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const minutes = (n: number) => n * 60_000;
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login', () => {
  it('when the password is right, then a secure session cookie is set and /me answers with roles and permissions', async () => {
    const res = await login('town1', testPassword);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies[0];
    expect(cookie?.name).toBe('__Host-fivestar');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    const client = clientWith(t.app, `${cookie?.name}=${cookie?.value}`, res.json().csrfToken);
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'town1', roles: [{ role: 'town_admin', orgUnitName: '甲镇', orgLevel: 'town' }] });
    expect(me.json().permissions).toContain('org:write');
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('when the user is unknown or the password wrong, then both get the same code and message', async () => {
    const unknown = await login('nobody-here', 'whatever-Pass1');
    const wrong = await login('leader', 'wrong-Password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('auth.invalid_credentials');
    expect(wrong.json().error).toMatchObject({ code: unknown.json().error.code, message: unknown.json().error.message });
  });

  it('when a login body has an unknown field, then it is refused with a validation code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b', admin: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.unknown_field');
  });

  it('when the login is posted as a form, then it is refused with 415 (no cross-site form can log in)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=town1&password=x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('http.unsupported_media_type');
  });
});

describe('lockout', () => {
  it('when five wrong passwords come within 15 minutes, then the sixth attempt is locked even with the right password, for 30 minutes', async () => {
    const before = (await auditRows(t.app, 'auth.lockout')).length;
    for (let i = 0; i < 5; i++) {
      const res = await login('v21', 'Wrong-password-9');
      expect(res.json().error.code).toBe('auth.invalid_credentials');
      t.clock.advance(minutes(1));
    }
    const sixth = await login('v21', 'Wrong-password-9');
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json().error.code).toBe('auth.locked');
    expect((await login('v21', testPassword)).statusCode).toBe(423);
    const lockRows = await auditRows(t.app, 'auth.lockout');
    expect(lockRows.length).toBe(before + 1);
    expect(lockRows.at(-1)).toMatchObject({ username: 'v21', outcome: 'success' });
    t.clock.advance(minutes(31));
    expect((await login('v21', testPassword)).statusCode).toBe(200);
  });

  it('when failures are spread over more than 15 minutes, then they do not add up to a lock', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await login('v11', 'Wrong-password-9')).statusCode).toBe(401);
      t.clock.advance(minutes(4));
    }
    expect((await login('v11', testPassword)).statusCode).toBe(200);
  });

  it('when an unknown name is tried five times, then it locks the same way, so lockout reveals nothing', async () => {
    for (let i = 0; i < 5; i++) await login('ghost-user', 'Wrong-password-9');
    expect((await login('ghost-user', 'Wrong-password-9')).json().error.code).toBe('auth.locked');
  });
});

describe('sessions', () => {
  it('when a session is idle for more than 30 minutes, then it answers 401 session_expired', async () => {
    const c = await loginAs(t.app, 'leader');
    t.clock.advance(minutes(29));
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(minutes(31));
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.session_expired');
  });

  it('when a session is older than 12 hours, then it ends even if used all the time', async () => {
    const c = await loginAs(t.app, 'leader');
    for (let i = 0; i < 28; i++) {
      t.clock.advance(minutes(25));
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(minutes(25));
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('when a user logs out, then the old cookie gets 401 and the logout is audited', async () => {
    const c = await loginAs(t.app, 'leader');
    const before = (await auditRows(t.app, 'auth.logout')).length;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect((await auditRows(t.app, 'auth.logout')).length).toBe(before + 1);
  });

  it('when the page-load probe asks, then it answers 200 with the caller or authenticated:false, never 401', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect([anon.statusCode, anon.json()]).toEqual([200, { authenticated: false }]);
    const c = await loginAs(t.app, 'leader');
    const me = (await c.get('/api/auth/me')).json();
    expect((await c.get('/api/auth/session')).json()).toEqual({ authenticated: true, me });
    t.clock.advance(minutes(31));
    expect((await c.get('/api/auth/session')).json()).toEqual({ authenticated: false });
    // the expired session ended on the probe as it would on any route
    expect((await c.get('/api/auth/me')).json().error.code).toBe('auth.required');
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/session', cookies: { fivestar_session: 'forged' } });
    expect(forged.json()).toEqual({ authenticated: false });
  });

  it('when a state-changing request lacks the CSRF token, then it is refused with 403 and nothing changes', async () => {
    const c = await loginAs(t.app, 'orgadmin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/org-units/${t.city.villages.town1[0].id}`,
      headers: { cookie: c.cookie, 'x-csrf-token': 'forged' },
      payload: { name: '被篡改' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    expect((await c.get(`/api/org-units/${t.city.villages.town1[0].id}`)).json().name).toBe('甲一村');
  });

  it('when there is no cookie, then protected routes answer 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'auth.required', message: '请先登录' });
  });
});

describe('password change', () => {
  it('when the new password is weak, then it is refused and the old one still works', async () => {
    const c = await loginAs(t.app, 'town2');
    for (const weak of ['short1A!', 'alllowercaseletters', 'abcdefghijk1']) {
      const res = await c.post('/api/auth/password', { currentPassword: testPassword, newPassword: weak });
      expect(res.json().error.code).toBe('password.too_weak');
    }
    expect((await login('town2', testPassword)).statusCode).toBe(200);
  });

  it('when the password changes, then other sessions end, this one stays, and the change is audited', async () => {
    const other = await loginAs(t.app, 'town2');
    const c = await loginAs(t.app, 'town2');
    const wrong = await c.post('/api/auth/password', { currentPassword: 'Not-the-password-1', newPassword: 'New-Password-2026' });
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    const ok = await c.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'New-Password-2026' });
    expect(ok.statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('town2', 'New-Password-2026')).statusCode).toBe(200);
    expect((await auditRows(t.app, 'auth.password_change')).length).toBe(1);
  });
});
