// Item 10: deny by default — every API route declares its access, and every route that is not
// public answers 401 to a caller without a session (walked from the live route table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.method !== 'OPTIONS');

describe('item 10: deny by default', () => {
  it('when the route table is walked, then every /api route declares public, authenticated or a permission', () => {
    expect(apiRoutes().length).toBeGreaterThan(100);
    expect(apiRoutes().filter((r) => !r.access)).toEqual([]);
  });

  it('when every non-public route is called without a session, then each answers 401 auth.required', async () => {
    const uuid = '00000000-0000-4000-8000-000000000001';
    const wrong: string[] = [];
    for (const r of apiRoutes().filter((x) => x.access !== 'public')) {
      const url = r.url.replace(/:\w+/g, uuid).replace('*', 'x');
      const res = await t.app.inject({ method: r.method as 'GET', url });
      if (res.statusCode !== 401 || res.json().error.code !== 'auth.required') wrong.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
