import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { openTestDatabase } from '../../test/test-database.js';
import { testSecret } from '../../test/test-app.js';

// A built page as Vite writes it: module scripts from /assets, a stylesheet link.
const builtPage = (title: string) =>
  `<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <title>${title}</title>\n    <script type="module" crossorigin src="/assets/${title}.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n`;

let app: FastifyInstance;
let database: Database;
const webDir = mkdtempSync(path.join(tmpdir(), 'fivestar-web-'));
beforeAll(async () => {
  for (const name of ['admin', 'public']) {
    mkdirSync(path.join(webDir, name));
    writeFileSync(path.join(webDir, name, 'index.html'), builtPage(name));
  }
  database = await openTestDatabase();
  app = await buildApp({ database, secretKey: testSecret, secure: true, webDir });
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(webDir, { recursive: true, force: true });
});

const policyOf = (headers: Record<string, unknown>) => {
  const csp = String(headers['content-security-policy'] ?? '');
  return Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
};

describe('Content-Security-Policy through helmet', () => {
  it('when / is opened, then the answer carries a strict CSP: scripts from self with a nonce, no inline script, no framing', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    const policy = policyOf(res.headers);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['script-src-attr']).toEqual(["'none'"]);
    expect(policy['script-src']?.[0]).toBe("'self'");
    expect(policy['script-src']?.[1]).toMatch(/^'nonce-[A-Za-z0-9+/=]{24}'$/);
    expect(policy['script-src']).toHaveLength(2);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
  });

  it('when the page is served, then its scripts and the csp-nonce meta carry the nonce of this response, and the next response has another', async () => {
    const first = await app.inject({ method: 'GET', url: '/village/list' });
    const nonce = /'nonce-([^']+)'/.exec(String(first.headers['content-security-policy']))?.[1];
    expect(nonce).toBeTruthy();
    expect(first.body).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
    expect(first.body).toContain(`<script nonce="${nonce}" type="module" crossorigin src="/assets/admin.js">`);
    expect(policyOf(first.headers)['style-src-elem']).toContain(`'nonce-${nonce}'`);
    const second = await app.inject({ method: 'GET', url: '/' });
    expect(second.headers['content-security-policy']).not.toContain(nonce);
  });

  it("when a villager's public page (/m/…) or an API answer is fetched, then neither may be framed", async () => {
    const mobile = await app.inject({ method: 'GET', url: '/m/sign-in/abc' });
    expect(mobile.body).toContain('/assets/public.js');
    expect(policyOf(mobile.headers)['frame-ancestors']).toEqual(["'none'"]);
    const api = await app.inject({ method: 'GET', url: '/api/health' });
    expect(policyOf(api.headers)['frame-ancestors']).toEqual(["'none'"]);
    expect(api.headers['cache-control']).toBe('no-store');
  });
});

describe('the headers computed once', () => {
  it('when an API answer is a refusal or an error (401, 404, 400), then it carries the API policy and the other helmet headers all the same', async () => {
    for (const [url, status] of [
      ['/api/auth/me', 401],
      ['/api/nowhere', 404],
      ['/api/org-units/not-a-uuid', 401],
    ] as const) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(status);
      expect(policyOf(res.headers)['default-src']).toEqual(["'none'"]);
      expect(policyOf(res.headers)['frame-ancestors']).toEqual(["'none'"]);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('when a page and an API answer are compared, then only the page may load its own scripts and styles', async () => {
    const page = policyOf((await app.inject({ method: 'GET', url: '/' })).headers);
    const api = policyOf((await app.inject({ method: 'GET', url: '/api/health' })).headers);
    expect(page['script-src']?.[0]).toBe("'self'");
    expect(api['script-src']).toBeUndefined();
    expect(api['default-src']).toEqual(["'none'"]);
  });
});
