// Deny by default: every API route declares who may call it, and the guard enforces it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions } from '../../shared/roles.js';
import { loginAs, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sampleUrl = (url: string, id: string) => url.replace(/:id\b/g, id).replace('/*', '/x');
const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');

describe('route access', () => {
  it('when the app is built, then every /api route declares its access', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(25);
    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('when an anonymous caller hits any non-public route, then 401', async () => {
    for (const r of apiRoutes().filter((x) => x.access !== 'public')) {
      const res = await t.app.inject({ method: r.method as 'GET', url: sampleUrl(r.url, t.city.city.id) });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({ route: `${r.method} ${r.url}`, status: 401 });
    }
  });

  it('when a role lacks the permission a route declares, then 403 before anything runs', async () => {
    // The auditor holds the fewest permissions (reading the audit log, approving password resets).
    const auditor = await loginAs(t.app, 'auditor');
    const held: readonly string[] = rolePermissions.auditor;
    const guarded = apiRoutes().filter((x) => x.access !== 'public' && x.access !== 'authenticated' && !held.includes(String(x.access)));
    expect(guarded.length).toBeGreaterThan(20);
    for (const r of guarded) {
      const url = sampleUrl(r.url, t.city.city.id);
      const res =
        r.method === 'GET' ? await auditor.get(url) : r.method === 'DELETE' ? await auditor.del(url) : await { POST: auditor.post, PATCH: auditor.patch, PUT: auditor.put }[r.method as 'POST'](url, {});
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({ route: `${r.method} ${r.url}`, status: 403 });
    }
  });

  it('when the OpenAPI document is fetched, then it lists the API generated from the schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/org-units'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'level']),
    );
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });

  it('when health is checked, then the database answers ok', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('when an unknown API path is requested, then 404 with a code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('http.not_found');
  });
});
