// SECURITY.md item 4: idle 30 min → 401; absolute 12 h, however busy the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
const minutes = (n: number) => n * 60_000;

describe('item 4: session timeouts', () => {
  it('when a session is idle for 30 minutes it still answers; a minute more and it is 401 session_expired, for good', async () => {
    const c = await loginAs(t.app, 'v11');
    t.clock.advance(minutes(30));
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(minutes(31));
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.session_expired');
    t.clock.advance(minutes(1));
    expect((await c.get('/api/auth/me')).json().error.code).toBe('auth.required');
  });

  it('when a session is used every 20 minutes, then it still ends 12 hours after login', async () => {
    const c = await loginAs(t.app, 'v21');
    for (let i = 0; i < 35; i++) {
      t.clock.advance(minutes(20));
      expect((await c.get('/api/auth/me')).statusCode, `after ${(i + 1) * 20} min`).toBe(200);
    }
    t.clock.advance(minutes(20));
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});
