// SECURITY.md item 5: a second factor (TOTP, RFC 6238) for the admin, judge and inspector roles:
// enrolment by QR, required by a setting (on in production), single-use codes and recovery codes,
// secrets encrypted at rest, and no route reachable before the second step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { makeAccount, testPassword } from '../../../test/factories.js';
import { totpCode } from '../../features/auth/totp.js';
import { selectRows } from '../../db/rows.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ security: { requireTotp: true } });
});
afterAll(() => t.close());

function qrText(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

async function enrol(c: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await c.post('/api/auth/totp/enrolment');
  expect(start.statusCode).toBe(200);
  const { secret } = start.json();
  const confirmed = await c.post('/api/auth/totp/enrolment/confirm', { code: totpCode(secret, t.clock.now()) });
  expect(confirmed.statusCode).toBe(200);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes };
}

describe('item 5: second factor', () => {
  it('when TOTP is required, then every admin, judge and inspector must enrol before working, and other roles need not', async () => {
    await makeAccount(t.app.services, t.city.countyId, 'judge1', 'judge', t.city.city.id);
    await makeAccount(t.app.services, t.city.countyId, 'insp1', 'inspector', t.city.city.id);
    for (const name of ['sysadmin', 'secadmin', 'auditor', 'orgadmin', 'judge1', 'insp1']) {
      const c = await loginAs(t.app, name);
      expect((await c.get('/api/auth/me')).json(), name).toMatchObject({ pending: 'totp_enrol', totpRequired: true, totpEnabled: false });
      const blocked = await c.get('/api/org-units');
      expect(blocked.statusCode, name).toBe(403);
      expect(blocked.json().error.code).toBe('auth.totp_enrol_required');
    }
    const village = await loginAs(t.app, 'v11');
    expect((await village.get('/api/auth/me')).json()).toMatchObject({ pending: null, totpRequired: false });
    expect((await village.get('/api/org-units')).statusCode).toBe(200);
  });

  it('when the orgadmin enrols, then the QR holds the otpauth URI, a wrong code is refused, the secret is stored encrypted and recovery codes only as digests', async () => {
    const c = await loginAs(t.app, 'orgadmin');
    const start = (await c.post('/api/auth/totp/enrolment')).json();
    expect(qrText(start.qrDataUrl)).toBe(start.uri);
    expect(start.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(start.uri).toContain(`secret=${start.secret}`);
    const wrong = await c.post('/api/auth/totp/enrolment/confirm', { code: '000000' === totpCode(start.secret, t.clock.now()) ? '111111' : '000000' });
    expect(wrong.json().error.code).toBe('auth.totp_invalid');
    const done = await c.post('/api/auth/totp/enrolment/confirm', { code: totpCode(start.secret, t.clock.now()) });
    const codes = done.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await c.get('/api/org-units')).statusCode).toBe(200);

    const [row] = await selectRows<Record<string, unknown>>(t.app.services.db, sql`SELECT * FROM users WHERE username = 'orgadmin'`);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(start.secret);
    for (const code of codes) expect(stored).not.toContain(code.replace('-', ''));
    expect(t.app.services.crypto.decrypt(String(row?.totp_secret))).toBe(start.secret);
    expect(await auditRows(t.app, 'auth.totp_enrol')).toHaveLength(1);
  });

  it('when an enrolled account logs in, then nothing but the second step answers until a fresh code is given, and a code is never accepted twice', async () => {
    const first = await loginAs(t.app, 'judge1');
    const { secret } = await enrol(first);
    const usedCode = totpCode(secret, t.clock.now());

    const c = await loginAs(t.app, 'judge1');
    expect((await c.get('/api/auth/me')).json().pending).toBe('second_factor');
    for (const url of ['/api/org-units', '/api/campaigns']) {
      const res = await c.get(url);
      expect(res.json().error.code, url).toBe('auth.second_factor_pending');
    }
    expect((await c.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'Judge-Own-Pass-2026' })).json().error.code).toBe('auth.second_factor_pending');
    // The code that confirmed the enrolment (same 30-second step) is spent.
    expect((await c.post('/api/auth/second-factor', { code: usedCode })).json().error.code).toBe('auth.totp_invalid');
    t.clock.advance(30_000);
    const good = await c.post('/api/auth/second-factor', { code: totpCode(secret, t.clock.now()) });
    expect(good.statusCode).toBe(200);
    expect((await c.get('/api/org-units')).statusCode).toBe(200);
    const replay = await loginAs(t.app, 'judge1');
    expect((await replay.post('/api/auth/second-factor', { code: totpCode(secret, t.clock.now()) })).json().error.code).toBe('auth.totp_invalid');
  });

  it('when a recovery code is used, then it works once, the rest remain, and the use is audited', async () => {
    const first = await loginAs(t.app, 'insp1');
    const { recoveryCodes } = await enrol(first);
    const c = await loginAs(t.app, 'insp1');
    const used = await c.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[3]!.toLowerCase() });
    expect(used.json()).toEqual({ recoveryCodesLeft: 9 });
    const again = await loginAs(t.app, 'insp1');
    expect((await again.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[3] })).json().error.code).toBe('auth.totp_invalid');
    expect((await again.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[4] })).statusCode).toBe(200);
    expect((await auditRows(t.app, 'auth.second_factor')).filter((r) => (r.after as { method: string }).method === 'recovery_code')).toHaveLength(2);
  });

  it('when wrong codes are guessed, then they count toward the account lockout and the right code is refused once locked', async () => {
    const first = await loginAs(t.app, 'auditor');
    const { secret } = await enrol(first);
    t.clock.advance(30_000);
    const c = await loginAs(t.app, 'auditor');
    const right = totpCode(secret, t.clock.now());
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect((await c.post('/api/auth/second-factor', { code: wrong })).json().error.code).toBe('auth.totp_invalid');
    const locked = await c.post('/api/auth/second-factor', { code: right });
    expect(locked.json().error.code).toBe('auth.locked');
    expect((await auditRows(t.app, 'auth.lockout')).filter((r) => r.username === 'auditor')).toHaveLength(1);
  });

  it('when the setting is off (the demo), then an unenrolled admin works with a password alone', async () => {
    const demo = await startTestApp();
    try {
      const c = await loginAs(demo.app, 'sysadmin');
      expect((await c.get('/api/auth/me')).json()).toMatchObject({ pending: null, totpRequired: false });
      expect((await c.get('/api/accounts')).statusCode).toBe(200);
    } finally {
      await demo.close();
    }
  }, 120_000);
});
