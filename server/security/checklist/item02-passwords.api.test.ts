// SECURITY.md item 2: passwords shorter than 12, of fewer than 3 classes, containing the username,
// common (Chinese lists included) or, in production, the published demo password are refused;
// 64+ characters accepted; a reset forces a change; admin roles rotate every 90 days (a setting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { testPassword } from '../../../test/factories.js';
import { demoPassword, passwordProblem } from '../../../shared/password-policy.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ security: { production: true, adminPasswordMaxAgeDays: 90 } });
});
afterAll(() => t.close());
const days = (n: number) => n * 24 * 60 * 60_000;

describe('item 2: the password rule (shared/password-policy.ts, used by server and web)', () => {
  it('when a password breaks a rule, then the rule is named; a long passphrase passes', () => {
    expect(passwordProblem('Abc-1234567')).toBe('too_weak');
    expect(passwordProblem('abcdefghijkl1')).toBe('too_weak');
    for (const common of ['Password1234', 'a1234567890A', 'Woaini1314520', 'Qwertyuiop123', 'P@ssw0rd2026!', 'Admin@123456', 'Iloveyou1314']) {
      expect(passwordProblem(common), common).toBe('too_common');
    }
    expect(passwordProblem('Zhangsan-2026!', { username: 'zhangsan' })).toBe('contains_username');
    expect(passwordProblem(demoPassword)).toBeNull();
    expect(passwordProblem(demoPassword, { production: true })).toBe('demo_password');
    expect(passwordProblem(`Great-Wall-1-${'长城'.repeat(30)}`)).toBeNull();
    expect(passwordProblem('correct horse battery staple 9')).toBeNull();
  });

  it('when the system admin creates accounts with bad passwords, then each gets its coded 400 and no account exists', async () => {
    const sys = await loginAs(t.app, 'sysadmin');
    const cases: [string, string][] = [
      ['Short-1a', 'password.too_weak'],
      ['alllowercaseletters', 'password.too_weak'],
      ['Password1234', 'password.too_common'],
      ['Newclerk-2026!', 'password.contains_username'],
      [demoPassword, 'password.demo_password'],
    ];
    for (const [password, code] of cases) {
      const res = await sys.post('/api/accounts', { username: 'newclerk', displayName: '新办事员', password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.code, password).toBe(code);
    }
    expect((await sys.get('/api/accounts?q=newclerk')).json().total).toBe(0);
    const long = `Long-Pass-${'x9'.repeat(40)}`;
    expect((await sys.post('/api/accounts', { username: 'newclerk', displayName: '新办事员', password: long })).statusCode).toBe(200);
    // The administrator chose it: the owner must replace it first.
    const clerk = await loginAs(t.app, 'newclerk', long);
    expect((await clerk.get('/api/auth/me')).json().pending).toBe('password_change');
    expect((await clerk.post('/api/auth/password', { currentPassword: long, newPassword: long })).json().error.code).toBe('password.same_as_current');
    expect((await clerk.post('/api/auth/password', { currentPassword: long, newPassword: 'Password1234' })).json().error.code).toBe('password.too_common');
    expect((await clerk.post('/api/auth/password', { currentPassword: long, newPassword: 'Clerk-Chosen-2026' })).statusCode).toBe(200);
    expect((await clerk.get('/api/auth/me')).json().pending).toBeNull();
  });

  it('when an admin password is older than 90 days, then its next session must change it first; a business role is not rotated', async () => {
    const fresh = await loginAs(t.app, 'auditor');
    expect((await fresh.get('/api/audit')).statusCode).toBe(200);
    t.clock.advance(days(91));
    const auditor = await loginAs(t.app, 'auditor');
    expect((await auditor.get('/api/audit')).json().error.code).toBe('auth.password_change_required');
    expect((await auditor.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'Rotated-Secret-2026' })).statusCode).toBe(200);
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
    const org = await loginAs(t.app, 'orgadmin');
    expect((await org.get('/api/auth/me')).json().pending).toBeNull();
  });
});
