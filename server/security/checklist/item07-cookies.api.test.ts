// SECURITY.md item 7: cookies Secure, HttpOnly, SameSite, __Host-; a new session id at every
// login; the old cookie answers 401 after logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { testPassword } from '../../../test/factories.js';
import { selectRows } from '../../db/rows.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'v11', password: testPassword } });

describe('item 7: session cookie', () => {
  it('when a user logs in, then the cookie is __Host-, Secure, HttpOnly, SameSite=Strict, Path=/ and without Domain', async () => {
    const res = await login();
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^__Host-fivestar=/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/i);
  });

  it('when the same user logs in twice, then each login gets a new session id, and only its hash is stored', async () => {
    const a = (await login()).cookies[0]?.value as string;
    const b = (await login()).cookies[0]?.value as string;
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(43);
    const ids = (await selectRows<{ id: string }>(t.app.services.db, sql`SELECT id FROM sessions`)).map((r) => r.id);
    expect(ids).not.toContain(a);
    expect(ids).not.toContain(b);
  });

  it('when a user logs out, then the old cookie answers 401 and the cookie is cleared', async () => {
    const c = await loginAs(t.app, 'v11');
    const out = await c.post('/api/auth/logout');
    expect(String(out.headers['set-cookie'])).toMatch(/__Host-fivestar=;/);
    const after = await c.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.required');
  });
});
