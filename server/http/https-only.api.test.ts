import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { openTestDatabase } from '../../test/test-database.js';
import { testSecret } from '../../test/test-app.js';

let app: FastifyInstance;
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: true, trustProxy: true, requireHttps: true });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('production transport', () => {
  it('when a request arrives over plain HTTP, then it is refused with a code; over the TLS proxy it passes with HSTS', async () => {
    const plain = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b' } });
    expect(plain.statusCode).toBe(403);
    expect(plain.json().error.code).toBe('http.https_required');
    const tls = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'a', password: 'b' } });
    expect(tls.statusCode).toBe(401);
    expect(tls.headers['strict-transport-security']).toContain('max-age=');
  });

  it('when health is checked locally over HTTP, then it still answers', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
