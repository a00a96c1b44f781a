// SECURITY.md item 9: argon2id (or bcrypt ≥ 10); no plaintext in a dump: passwords, session
// tokens, one-time passwords, TOTP secrets and recovery codes never appear in the tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { testPassword } from '../../../test/factories.js';
import { selectRows } from '../../db/rows.js';
import { totpCode } from '../../features/auth/totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function dump(): Promise<string> {
  const tables = ['users', 'sessions', 'login_throttle', 'audit_log'];
  const parts = await Promise.all(tables.map((name) => selectRows(t.app.services.db, sql.raw(`SELECT * FROM ${name}`))));
  return JSON.stringify(parts);
}

describe('item 9: password storage', () => {
  it('when passwords are stored, then each is argon2id with at least 19 MiB and 2 passes', async () => {
    const rows = await selectRows<{ password_hash: string }>(t.app.services.db, sql`SELECT password_hash FROM users`);
    expect(rows.length).toBeGreaterThan(5);
    for (const { password_hash } of rows) {
      const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/.exec(password_hash);
      expect(m, password_hash.slice(0, 20)).not.toBeNull();
      expect(Number(m?.[1])).toBeGreaterThanOrEqual(19456);
      expect(Number(m?.[2])).toBeGreaterThanOrEqual(2);
    }
  });

  it('when the tables are dumped after logins, a reset, a password change and a TOTP enrolment, then no secret appears in them', async () => {
    const sys = await loginAs(t.app, 'sysadmin');
    const reset = (await sys.post(`/api/accounts/${t.city.users.v11}/reset-password`, {})).json().oneTimePassword as string;
    const v11 = await loginAs(t.app, 'v11', reset);
    await v11.post('/api/auth/password', { currentPassword: reset, newPassword: 'Village-Own-2026!' });
    const org = await loginAs(t.app, 'orgadmin');
    const { secret } = (await org.post('/api/auth/totp/enrolment')).json();
    const { recoveryCodes } = (await org.post('/api/auth/totp/enrolment/confirm', { code: totpCode(secret, t.clock.now()) })).json();
    const cookieToken = org.cookie.split('=')[1] as string;

    const text = await dump();
    for (const secretText of [testPassword, reset, 'Village-Own-2026!', cookieToken, secret, ...recoveryCodes, ...recoveryCodes.map((c: string) => c.replace('-', ''))]) {
      expect(text.includes(secretText), secretText.slice(0, 4)).toBe(false);
    }
  });
});
