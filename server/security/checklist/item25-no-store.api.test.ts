// Item 25: no API answer may be kept by a browser or proxy cache — successes, errors of every
// kind, spreadsheet exports and public pages alike (Cache-Control: no-store); logging out tells
// the browser to drop what it kept of the site (Clear-Site-Data) and the admin pages keep
// nothing in browser storage to begin with; an export leaves no file behind on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { projectRoot } from '../../paths.js';

let t: TestApp;
let org: Client;
let auditor: Client;
beforeAll(async () => {
  t = await startTestApp();
  org = await loginAs(t.app, 'orgadmin');
  auditor = await loginAs(t.app, 'auditor');
});
afterAll(() => t.close());

const noStore = (res: LightMyRequestResponse, what: string) => expect(res.headers['cache-control'], what).toBe('no-store');

describe('item 25: Cache-Control no-store on every API answer', () => {
  it('when answers succeed, including exports, then none may be stored', async () => {
    noStore(await org.get('/api/auth/me'), 'me');
    noStore(await org.get(`/api/org-units/${t.city.villages.town1[0].id}`), 'org unit');
    noStore(await org.get('/api/people'), 'people');
    const sheet = await org.get('/api/org-units/export.xlsx');
    expect(sheet.statusCode).toBe(200);
    noStore(sheet, 'org export');
    const audit = await auditor.get('/api/audit/export.xlsx');
    expect(audit.statusCode).toBe(200);
    noStore(audit, 'audit export');
  });

  it('when answers are errors of every kind, then none may be stored either', async () => {
    const town1 = await loginAs(t.app, 'town1');
    const cases: [string, Promise<LightMyRequestResponse>, number][] = [
      ['401', t.app.inject({ method: 'GET', url: '/api/people' }), 401],
      ['403', town1.get('/api/audit'), 403],
      ['404 record', org.get('/api/org-units/00000000-0000-4000-8000-000000000000'), 404],
      ['404 route', t.app.inject({ method: 'GET', url: '/api/no-such-route' }), 404],
      ['400', org.get('/api/org-units/not-a-uuid'), 400],
      ['400 control character', org.get('/api/org-units?q=a%00b'), 400],
      ['415', t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'x' }), 415],
      ['414', org.get(`/api/people?q=${'a'.repeat(9000)}`), 414],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      expect(res.statusCode, what).toBe(status);
      noStore(res, what);
    }
  });

  it('when a public page answers, then it may not be stored', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/objections/ABCDEFGHJK' });
    noStore(res, 'public');
  });
});

describe('item 25: what the browser and the server keep', () => {
  it('when a user logs out, then the answer tells the browser to clear cache and storage, and the old cookie is refused', async () => {
    const user = await loginAs(t.app, 'v11');
    const res = await user.post('/api/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(res.headers['clear-site-data']).toBe('"cache", "storage"');
    noStore(res, 'logout');
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('when the admin pages are read, then none writes to localStorage, sessionStorage or IndexedDB (data lives in memory only)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(name)) files.push(full);
      }
    };
    walk(path.join(projectRoot, 'web', 'admin'));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => /\b(localStorage|sessionStorage|indexedDB)\b/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(projectRoot, f))).toEqual([]);
  });

  it('when exports are made, then no file is left behind in the temporary directory', async () => {
    const before = new Set(readdirSync(tmpdir()));
    expect((await org.get('/api/org-units/export.xlsx')).statusCode).toBe(200);
    expect((await org.get('/api/people/export.xlsx')).statusCode).toBe(200);
    expect((await auditor.get('/api/audit/export.xlsx')).statusCode).toBe(200);
    const added = readdirSync(tmpdir()).filter((n) => !before.has(n) && n.startsWith('fivestar'));
    expect(added).toEqual([]);
  });
});
