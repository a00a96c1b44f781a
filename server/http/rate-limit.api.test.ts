import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const attempt = (ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: `spray-${Math.random()}`, password: 'x' } });

describe('per-IP rate limit', () => {
  it('when one address sends more than 60 logins in a minute, then it gets 429 with Retry-After; other addresses and the next minute pass', async () => {
    for (let i = 0; i < 60; i++) expect((await attempt('10.1.1.1')).statusCode).toBe(401);
    const limited = await attempt('10.1.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('http.rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt('10.1.1.2')).statusCode).toBe(401);
    t.clock.advance(61_000);
    expect((await attempt('10.1.1.1')).statusCode).toBe(401);
  });
});
