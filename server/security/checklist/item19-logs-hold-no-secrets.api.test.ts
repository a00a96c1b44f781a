// Item 19: logs hold no passwords, tokens, 18-digit IDs or 11-digit phones; CRLF in usernames is
// encoded. A broad API session runs with the server's real logger writing to a captured stream,
// then the whole log is searched for every secret the session used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../../test/test-database.js';
import { makeCity, testPassword, type TestCity } from '../../../test/factories.js';
import { clientWith, makeClock, testSecret } from '../../../test/test-app.js';
import { testIdNumber } from '../../../test/training-factories.js';
import { redactUrl } from '../../http/log-redaction.js';

const lines: string[] = [];
let app: FastifyInstance;
let database: Database;
let city: TestCity;
const secrets: string[] = [];
const idNumber = testIdNumber(417);
const phone = '13912345678';
const wrongPassword = 'Wrong-Guess-2026!';
const token = randomBytes(32).toString('base64url');
const surveyCode = 'K7Q2M9XP';

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: true, now: makeClock().now, logStream: { write: (l: string) => void lines.push(l) } });
  await app.ready();
  city = await makeCity(app.services);

  const inject = (opts: InjectOptions) => app.inject(opts);
  await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'orgadmin', password: wrongPassword } });
  await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'evil\r\nforged line', password: wrongPassword } });
  const login = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'orgadmin', password: testPassword } });
  const cookie = login.cookies[0] as { name: string; value: string };
  const csrf = login.json().csrfToken as string;
  const admin = clientWith(app, `${cookie.name}=${cookie.value}`, csrf);
  secrets.push(testPassword, wrongPassword, cookie.value, csrf, token, surveyCode, idNumber, phone);

  const created = await admin.post('/api/people', {
    orgUnitId: city.villages.town1[0].id, name: '日志测试人', gender: '男', idNumber, phone, partyMember: true,
  });
  expect(created.statusCode).toBe(200);
  const personId = created.json().id as string;
  await admin.get(`/api/people?q=${idNumber}`);
  await admin.get(`/api/people?q=${phone}&page=1&pageSize=20`);
  await admin.get(`/api/org-units?q=${encodeURIComponent('甲一村')}`);
  await admin.get(`/api/people/${personId}`);
  await admin.post(`/api/people/${personId}/reveal`, { field: 'idNumber' });
  await admin.get('/api/org-units?q=a%00b');
  await admin.get(`/api/audit?username=${phone}`);
  await inject({ method: 'GET', url: `/api/public/sign-in/${token}` });
  await inject({ method: 'POST', url: `/api/public/problem-confirmations/${token}`, payload: {} });
  await inject({ method: 'GET', url: `/api/public/surveys/${surveyCode}` });
  await inject({ method: 'GET', url: `/m/sign-in/${token}` });
  await inject({ method: 'GET', url: `/api/nowhere/${token}?phone=${phone}` });
  await admin.post('/api/auth/password', { currentPassword: wrongPassword, newPassword: 'Another-Secret-Pass-9' });
  secrets.push('Another-Secret-Pass-9');
  await admin.post('/api/auth/logout', {});
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('item 19: the log of a full API session holds no secrets', () => {
  it('when the session has run, then the log has a line per request (the capture works)', () => {
    // One line per request, written once the response is sent (http/request-log.ts).
    expect(lines.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThan(15);
    expect(lines.join('')).toContain('/api/people?q=…');
  });

  it('when the log is searched, then no 18-digit ID number and no 11-digit phone appears', () => {
    // Record and request ids are random hex: one may hold 11 digits in a row by chance (about one
    // run in a hundred), which is not a phone. Everything else is searched.
    const log = lines.join('').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
    // Standalone runs only: millisecond timestamps and response times are longer digit runs.
    expect(log.match(/(?<!\d)\d{17}[\dXx](?!\d)/g)).toBeNull();
    expect(log.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g)).toBeNull();
  });

  it('when the log is searched, then no password, session cookie, CSRF token, path token or survey code appears', () => {
    const log = lines.join('');
    for (const secret of secrets) expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
  });

  it('when a username holds CR/LF, then it never splits a log line (every line is one JSON record)', () => {
    for (const line of lines.join('').split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.join('')).not.toContain('\nforged line');
  });

  it('when URLs are redacted, then record ids stay (for tracing) and secrets become names or …', () => {
    const id = 'a1b2c3d4-0000-4000-8000-123456789abc';
    expect(redactUrl(`/api/people/${id}?q=${phone}`, '/api/people/:id', { id })).toBe(`/api/people/${id}?q=…`);
    expect(redactUrl(`/api/public/sign-in/${token}`, '/api/public/sign-in/:token', { token })).toBe('/api/public/sign-in/:token');
    expect(redactUrl(`/m/sign-in/${token}`)).toBe('/m/sign-in/…');
    expect(redactUrl(`/x/${idNumber}`)).not.toContain(idNumber);
  });
});
