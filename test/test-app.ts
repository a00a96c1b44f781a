// The app under test: real HTTP handling through app.inject, a real database, a movable clock.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp, type AppOptions } from '../server/app.js';
import type { SecuritySettings } from '../server/features/auth/auth.js';
import type { Database } from '../server/db/client.js';
import { openTestDatabase } from './test-database.js';
import { makeCity, type TestCity } from './factories.js';
import { testPassword } from './factories.js';

export const testSecret = Buffer.alloc(32, 7);

export type TestClock = { now: () => Date; advance(ms: number): void; set(d: Date): void };

export function makeClock(start = new Date('2026-03-02T02:00:00Z')): TestClock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms), set: (d) => void (t = d.getTime()) };
}

export type TestApp = { app: FastifyInstance; database: Database; clock: TestClock; city: TestCity; close(): Promise<void> };

/**
 * Tests move the clock by months (stage windows, quarters), which would make every account idle
 * and every admin password due: both rules are proven with their real 90 days in
 * server/security/checklist/item01 and item02, and other files keep their accounts as they are.
 * Pass `security` to test a setting.
 */
const testSecurity: Partial<SecuritySettings> = { idleDisableDays: 3650, adminPasswordMaxAgeDays: 3650 };

export async function startTestApp(options: { security?: Partial<SecuritySettings>; jobs?: AppOptions['jobs'] } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = makeClock();
  const app = await buildApp({ database, secretKey: testSecret, secure: true, now: clock.now, security: { ...testSecurity, ...options.security }, jobs: options.jobs });
  await app.ready();
  const city = await makeCity(app.services);
  return {
    app,
    database,
    clock,
    city,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A logged-in browser-like client: keeps the session cookie and sends the CSRF token. */
export type Client = {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  upload(url: string, data: Buffer, contentType?: string): Promise<LightMyRequestResponse>;
};

export async function loginAs(app: FastifyInstance, username: string, password = testPassword): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies[0];
  if (!setCookie) throw new Error('no session cookie');
  return clientWith(app, `${setCookie.name}=${setCookie.value}`, res.json().csrfToken as string);
}

export function clientWith(app: FastifyInstance, cookie: string, csrf: string): Client {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    csrf,
    get: (url) => send('GET', url),
    post: (url, body, headers) => send('POST', url, body, headers),
    patch: (url, body) => send('PATCH', url, body),
    put: (url, body) => send('PUT', url, body),
    del: (url) => send('DELETE', url),
    upload: (url, data, contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') =>
      app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf, 'content-type': contentType }, payload: data }),
  };
}

/** Audit rows of one event, straight from the table. */
export async function auditRows(app: FastifyInstance, event: string) {
  const result = (await app.services.db.execute(
    sql`SELECT event, username, role, object_type, object_id, outcome, ip, request_id, before, after FROM audit_log WHERE event = ${event} ORDER BY seq`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return result.rows;
}

export async function countRows(app: FastifyInstance, table: 'org_units' | 'people' | 'positions' | 'users' | 'audit_log'): Promise<number> {
  const result = (await app.services.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}
