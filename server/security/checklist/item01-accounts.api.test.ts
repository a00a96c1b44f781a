// SECURITY.md item 1: unique usernames; no default or shared accounts after a production install;
// accounts idle more than 90 days disabled (at login, and by `fivestar disable-idle`), audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, countRows, loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { testPassword } from '../../../test/factories.js';
import { openTestDatabase } from '../../../test/test-database.js';
import { buildApp } from '../../app.js';
import { disableIdleAccounts } from '../../features/accounts/idle.service.js';
import { selectRows } from '../../db/rows.js';
import { sql } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  // The real idle period (the shared test app stretches it for files that move the clock by months).
  t = await startTestApp({ security: { idleDisableDays: 90 } });
});
afterAll(() => t.close());
const days = (n: number) => n * 24 * 60 * 60_000;

describe('item 1: accounts', () => {
  it('when a production server starts on an empty database, then no account exists until an operator creates one', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ database, secretKey: Buffer.alloc(32, 3), secure: true, security: { production: true, requireTotp: true } });
    try {
      await app.ready();
      expect(await countRows(app, 'users')).toBe(0);
      const guess = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Fivestar@2026' } });
      expect(guess.statusCode).toBe(401);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('when a username is taken, in any letter case, then creating it again is refused', async () => {
    const sys = await loginAs(t.app, 'sysadmin');
    expect((await sys.post('/api/accounts', { username: 'town1', displayName: '重名', password: 'Strong-Pass-2026' })).json().error.code).toBe('account.duplicate_username');
    expect((await sys.post('/api/accounts', { username: 'TOWN1', displayName: '重名', password: 'Strong-Pass-2026' })).statusCode).toBe(400);
  });

  it('when an account has not logged in for more than 90 days, then its next login is refused like a wrong password, it is disabled, and that is audited', async () => {
    await loginAs(t.app, 'v11');
    t.clock.advance(days(90));
    await loginAs(t.app, 'v11');
    t.clock.advance(days(91));
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'v11', password: testPassword } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.invalid_credentials');
    const rows = (await auditRows(t.app, 'account.idle_disabled')).filter((r) => r.object_id === t.city.users.v11);
    expect(rows).toHaveLength(1);
    const [row] = await selectRows<{ active: boolean; disabled_reason: string }>(t.app.services.db, sql`SELECT active, disabled_reason FROM users WHERE username = 'v11'`);
    expect(row).toEqual({ active: false, disabled_reason: 'idle' });
    // Disabled for good: the right password keeps failing until the system admin switches it on.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'v11', password: testPassword } })).statusCode).toBe(401);
  });

  it('when the daily sweep runs, then every idle account is disabled once and audited, and active ones are left alone', async () => {
    const before = (await auditRows(t.app, 'account.idle_disabled')).length;
    // The department's administrator worked yesterday; everyone else has been away for months.
    await t.app.services.db.execute(sql`UPDATE users SET last_login_at = ${new Date(t.clock.now().getTime() - days(1))} WHERE username = 'orgadmin'`);
    const disabled = await disableIdleAccounts(t.app.services);
    expect(disabled).not.toContain('orgadmin');
    expect(disabled).not.toContain('v11');
    expect(disabled).toContain('town2');
    expect((await auditRows(t.app, 'account.idle_disabled')).length).toBe(before + disabled.length);
    expect(await disableIdleAccounts(t.app.services)).toEqual([]);
  });
});
