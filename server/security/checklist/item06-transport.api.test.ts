// Item 6: production refuses plain HTTP, sends HSTS, and no session or CSRF token ever travels in
// a URL (the session is a cookie; the API takes no token in a query string).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../../test/test-database.js';
import { makeCity, testPassword } from '../../../test/factories.js';
import { testSecret } from '../../../test/test-app.js';

let app: FastifyInstance;
let database: Database;
const tls = { 'x-forwarded-proto': 'https' };
beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: true, trustProxy: true, requireHttps: true });
  await app.ready();
  await makeCity(app.services);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('item 6: transport', () => {
  it('when a login arrives over plain HTTP, then 403 http.https_required', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'orgadmin', password: testPassword } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('http.https_required');
    expect(res.cookies).toHaveLength(0);
  });

  it('when a login arrives through the TLS proxy, then HSTS is sent and the session is a Secure __Host- cookie, not a URL or body token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: tls, payload: { username: 'orgadmin', password: testPassword } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const cookie = res.cookies[0] as { name: string; value: string; secure?: boolean; httpOnly?: boolean };
    expect(cookie.name.startsWith('__Host-')).toBe(true);
    expect(cookie.secure).toBe(true);
    expect(cookie.httpOnly).toBe(true);
    expect(res.body).not.toContain(cookie.value);
    expect(res.headers.location).toBeUndefined();
  });

  it('when the session token is put in the query string instead of the cookie, then it opens nothing (401)', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: tls, payload: { username: 'orgadmin', password: testPassword } });
    const token = (login.cookies[0] as { value: string }).value;
    const res = await app.inject({ method: 'GET', url: `/api/auth/me?session=${token}`, headers: tls });
    expect(res.statusCode).toBe(401);
  });
});
