import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../app.js';
import { controlPatterns, findControlCharacter } from './input-guard.js';
import { openTestDatabase } from '../../test/test-database.js';
import { countRows, loginAs, startTestApp, testSecret, type Client, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t.app, 'orgadmin');
});
afterAll(() => t.close());

const codeOf = (res: { json(): { error: { code: string } } }) => res.json().error.code;

describe('control characters are refused at the edge with 400 validation.failed', () => {
  it('when a search holds a NUL (GET /api/org-units?q=a%00b), then 400, not a database error', async () => {
    const res = await admin.get('/api/org-units?q=a%00b');
    expect(res.statusCode).toBe(400);
    expect(codeOf(res)).toBe('validation.failed');
    expect(res.json().error.details.issues[0]).toMatchObject({ path: 'querystring.q', code: 'control_character' });
  });

  it('when an anonymous login carries a NUL in the username, then 400 and no audit row is written', async () => {
    const before = await countRows(t.app, 'audit_log');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(codeOf(res)).toBe('validation.failed');
    expect(await countRows(t.app, 'audit_log')).toBe(before);
  });

  it('when a path parameter, a nested body string or a body key holds a control character, then 400', async () => {
    expect(codeOf(await admin.get('/api/org-units/a%01b'))).toBe('validation.failed');
    const nested = await admin.post('/api/org-units', { name: '新村', code: 'X', parentId: t.city.towns[0].id, extra: { deep: ['ok', 'bad\u0007'] } });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.details.issues[0].path).toBe('body.extra.deep.1');
    const key = await admin.post('/api/org-units', { ['na\u0000me']: 'x' });
    expect(key.statusCode).toBe(400);
    expect(codeOf(key)).toBe('validation.failed');
  });

  it('when a header value holds a control character, then 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-note': 'a\u0001b' } });
    expect(res.statusCode).toBe(400);
    expect(codeOf(res)).toBe('validation.failed');
  });

  it('when multi-line text (tab, LF, CR) is in a body string, then the edge lets it through; in a query it does not', () => {
    expect(findControlCharacter({ reason: '第一行\r\n\t第二行' }, controlPatterns.text, 'body')).toBeNull();
    expect(findControlCharacter({ reason: 'a\u000bb' }, controlPatterns.text, 'body')).toBe('body.reason');
    expect(findControlCharacter({ q: 'a\tb' }, controlPatterns.line, 'querystring')).toBe('querystring.q');
  });
});

describe('a body where the route takes none is refused the same way everywhere', () => {
  it('when a GET carries a body, then 400 validation.body_not_allowed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org-units', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, payload: '{"q":"x"}' });
    expect(res.statusCode).toBe(400);
    expect(codeOf(res)).toBe('validation.body_not_allowed');
  });

  it('when an action without a body schema (deactivate) receives fields, then 400 and the unit stays active; {} is accepted', async () => {
    const village = t.city.villages.town2[1];
    const refused = await admin.post(`/api/org-units/${village.id}/deactivate`, { reason: 'x' });
    expect(refused.statusCode).toBe(400);
    expect(codeOf(refused)).toBe('validation.body_not_allowed');
    expect((await admin.get(`/api/org-units/${village.id}`)).json().active).toBe(true);
    const ok = await admin.post(`/api/org-units/${village.id}/deactivate`, {});
    expect(ok.statusCode).toBe(200);
    expect(ok.json().active).toBe(false);
  });
});

describe('over-long requests answer JSON with a code and a Chinese message', () => {
  it('when the URL is longer than 8 KB, then 414 http.uri_too_long', async () => {
    const res = await admin.get(`/api/org-units?q=${'a'.repeat(9000)}`);
    expect(res.statusCode).toBe(414);
    expect(res.json().error).toMatchObject({ code: 'http.uri_too_long', message: '请求地址过长' });
  });

  it('when a path parameter is longer than the router allows, then 414 http.uri_too_long', async () => {
    const res = await admin.get(`/api/org-units/${'a'.repeat(300)}`);
    expect(res.statusCode).toBe(414);
    expect(codeOf(res)).toBe('http.uri_too_long');
  });

  describe('on a real socket', () => {
    let base: { port: number };
    let close: () => Promise<void>;
    beforeAll(async () => {
      const database = await openTestDatabase();
      const app = await buildApp({ database, secretKey: testSecret, secure: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = { port: (app.server.address() as AddressInfo).port };
      close = async () => {
        await app.close();
        await database.close();
      };
    });
    afterAll(() => close());

    const raw = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: base.port, path, headers }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });

    it('when the headers exceed 16 KB, then 431 http.headers_too_large in JSON', async () => {
      const res = await raw('/api/health', { 'x-filler': 'a'.repeat(20_000) });
      expect(res.status).toBe(431);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'http.headers_too_large', message: '请求头过大' });
    });

    it('when the request line alone exceeds the header limit, then 414 http.uri_too_long in JSON', async () => {
      const res = await raw(`/api/health?x=${'a'.repeat(20_000)}`, {});
      expect(res.status).toBe(414);
      expect(JSON.parse(res.body).error.code).toBe('http.uri_too_long');
    });
  });
});
