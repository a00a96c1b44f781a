// The request log: exactly one line per request, after the response, with route, status and time.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { openTestDatabase } from '../../test/test-database.js';
import { makeCity } from '../../test/factories.js';
import { loginAs, testSecret } from '../../test/test-app.js';

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
let app: FastifyInstance;
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: true, logStream: capture });
  await app.ready();
  await makeCity(app.services);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the request log', () => {
  it('when requests are served, then each writes one line with route, status and time, and no "incoming request" line', async () => {
    const admin = await loginAs(app, 'orgadmin');
    lines.length = 0;
    await admin.get('/api/auth/me');
    await admin.get('/api/org-units/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    await app.inject({ method: 'GET', url: '/api/auth/me' });
    const parsed = lines.map((l) => JSON.parse(l) as { msg: string; status?: number; ms?: number; req?: { method: string; url: string } });
    expect(parsed.some((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toBe(false);
    const requests = parsed.filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.req?.method, l.req?.url, l.status])).toEqual([
      ['GET', '/api/auth/me', 200],
      ['GET', '/api/org-units/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', 404],
      ['GET', '/api/auth/me', 401],
    ]);
    for (const l of requests) expect(typeof l.ms).toBe('number');
  });
});
