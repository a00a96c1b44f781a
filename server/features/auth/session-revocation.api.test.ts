// Each server keeps the session lookups it made (features/auth/principal-cache.ts), and the database
// announces every change to them (migrations/0027): whatever ends a session or takes a right away,
// through the API, the CLI or a direct database edit, holds at the next request, even right after
// the same session was used (and kept). A change through the API is seen before the API answers.
// A change written by another connection is seen once PostgreSQL has delivered its notice, which it
// has done before it answers the listening connection's next statement: `exec` below waits for
// that (sync), as the time between a hand edit and someone's next click always does.
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

async function exec(q: ReturnType<typeof sql>) {
  const result = await t.app.services.db.execute(q);
  await t.app.services.principals?.sync();
  return result;
}

describe('session and rights take effect at the next request', () => {
  it('when the caller logs out, then the same cookie is refused at once', async () => {
    const { client } = await warmTownAdmin();
    expect((await client.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('when a request was answered, then its lookup is kept for the next one', async () => {
    const before = t.app.services.principals?.size ?? 0;
    await warmTownAdmin();
    expect(t.app.services.principals?.size).toBe(before + 1);
  });

  it('when the session is ended by another login of the database (the owner, as a hand edit would), then the next request is refused', async () => {
    const { client, userId } = await warmTownAdmin();
    await t.database.runAsOwner(`UPDATE sessions SET ended_at = now() WHERE user_id = '${userId}'`);
    await t.app.services.principals?.sync();
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('when an org unit named by a role is renamed in the database, then the next /me shows the new name', async () => {
    const { client } = await warmTownAdmin();
    const town = t.city.towns[0];
    await exec(sql`UPDATE org_units SET name = '甲镇（改名）' WHERE id = ${town.id}`);
    try {
      expect((await client.get('/api/auth/me')).json().roles).toMatchObject([{ orgUnitName: '甲镇（改名）' }]);
    } finally {
      await exec(sql`UPDATE org_units SET name = ${town.name} WHERE id = ${town.id}`);
    }
  });

  it('when only the last-seen time of a session changes, then no lookup is dropped', async () => {
    const { userId } = await warmTownAdmin();
    const size = t.app.services.principals?.size ?? 0;
    await exec(sql`UPDATE sessions SET last_seen_at = now() WHERE user_id = ${userId}`);
    await exec(sql`UPDATE users SET last_login_at = now() WHERE id = ${userId}`);
    expect(t.app.services.principals?.size).toBe(size);
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

describe.runIf(process.env.DATABASE_URL)('when the listening connection is lost (PostgreSQL)', () => {
  it('then nothing kept is trusted: a change made meanwhile holds at the next request, and keeping resumes once it listens again', async () => {
    const { client, userId } = await warmTownAdmin();
    const cache = t.app.services.principals;
    await t.database.runAsOwner(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'fivestar_notices' AND datname = current_database()`);
    // The next statement on the dead connection fails: the server knows notices may be missed.
    await cache?.sync();
    expect(cache?.live()).toBe(false);
    expect(cache?.size).toBe(0);
    // No notice can arrive now; the change is still seen, because the rows are read again.
    await t.app.services.db.execute(sql`DELETE FROM role_grants WHERE user_id = ${userId}`);
    expect((await client.get(`/api/org-units/${t.city.towns[0].id}`)).statusCode).toBe(403);
    // It connects again on its own (first retry after half a second).
    await expect.poll(() => cache?.live(), { timeout: 10_000, interval: 100 }).toBe(true);
    await client.get('/api/auth/me');
    expect(cache?.size).toBe(1);
  });
});
