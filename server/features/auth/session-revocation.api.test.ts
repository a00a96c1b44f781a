// The per-request lookup of session, user and roles keeps nothing between requests: whatever ends a
// session or takes a right away, through the API, the CLI or a direct database edit, holds at the
// very next request, even right after the same session was used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { makeAccount, testPassword } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

let n = 0;
/** A fresh town admin of 甲镇 who has just made one successful request. */
async function warmTownAdmin(): Promise<{ client: Client; userId: string; username: string }> {
  const username = `revoke${++n}`;
  const userId = await makeAccount(t.app.services, t.city.countyId, username, 'town_admin', t.city.towns[0].id);
  const client = await loginAs(t.app, username);
  expect((await client.get(`/api/org-units/${t.city.towns[0].id}`)).statusCode).toBe(200);
  return { client, userId, username };
}

const exec = (q: ReturnType<typeof sql>) => t.app.services.db.execute(q);

describe('session and rights take effect at the next request', () => {
  it('when the caller logs out, then the same cookie is refused at once', async () => {
    const { client } = await warmTownAdmin();
    expect((await client.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('when the session row is ended in the database (another server, the CLI), then the next request is refused', async () => {
    const { client, userId } = await warmTownAdmin();
    await exec(sql`UPDATE sessions SET ended_at = now() WHERE user_id = ${userId}`);
    expect((await client.get(`/api/org-units/${t.city.towns[0].id}`)).statusCode).toBe(401);
  });

  it('when the account is disabled in the database, then the next request is refused', async () => {
    const { client, userId } = await warmTownAdmin();
    await exec(sql`UPDATE users SET active = false WHERE id = ${userId}`);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('when the role is removed in the database, then the next request has no permission and /me lists no role', async () => {
    const { client, userId } = await warmTownAdmin();
    await exec(sql`DELETE FROM role_grants WHERE user_id = ${userId}`);
    const read = await client.get(`/api/org-units/${t.city.towns[0].id}`);
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('auth.forbidden');
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual([]);
    expect(me.json().permissions).toEqual([]);
  });

  it('when the role moves to another town, then the old town is out of scope at the next request and the new one in', async () => {
    const { client, userId } = await warmTownAdmin();
    await exec(sql`UPDATE role_grants SET org_unit_id = ${t.city.towns[1].id} WHERE user_id = ${userId}`);
    expect((await client.get(`/api/org-units/${t.city.towns[0].id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/org-units/${t.city.towns[1].id}`)).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().roles).toMatchObject([{ role: 'town_admin', orgUnitName: '乙镇' }]);
  });

  it('when the password is changed in another session, then this session ends at its next request', async () => {
    const { client, username } = await warmTownAdmin();
    const other = await loginAs(t.app, username);
    const change = await other.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'Another-Passphrase-2027' });
    expect(change.statusCode).toBeLessThan(300);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('when a session is past its idle time, then it is refused and ended, however often it was used before', async () => {
    const { client, userId } = await warmTownAdmin();
    // Last in the file: the clock only moves forward.
    t.clock.advance(31 * 60_000);
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.session_expired');
    const rows = (await exec(sql`SELECT ended_at FROM sessions WHERE user_id = ${userId}`)) as unknown as { rows: { ended_at: unknown }[] };
    expect(rows.rows.length).toBe(1);
    expect(rows.rows[0]?.ended_at).not.toBeNull();
  });
});
