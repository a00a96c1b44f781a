// Checklist item 21: the public survey is limited per address and per household code, one answer
// per code, and 429 beyond the limits. The limits are @fastify/rate-limit's, counted in memory.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { campaignInMutualStage } from '../../../test/evaluation-stage-factories.js';
import { defaultSurveyLimits } from '../../features/surveys/public.routes.js';

let t: TestApp;
let codes: string[];

const submit = (code: string, ip: string, submissionId = randomUUID()) =>
  t.app.inject({ method: 'POST', url: `/api/public/surveys/${code}`, remoteAddress: ip, payload: { submissionId, satisfaction: 'satisfied', topics: {} } });
const open = (code: string, ip: string) => t.app.inject({ method: 'GET', url: `/api/public/surveys/${code}`, remoteAddress: ip });
const answers = async () => Number(((await t.app.services.db.execute(sql`SELECT count(*)::int AS n FROM survey_responses`)) as unknown as { rows: { n: number }[] }).rows[0]?.n);

beforeAll(async () => {
  t = await startTestApp();
  const { campaignId, org } = await campaignInMutualStage(t, 2026);
  const res = await org.post(`/api/campaigns/${campaignId}/villages/${t.city.villages.town2[0].id}/survey-codes`, { count: 5 });
  codes = (res.json().codes as { code: string }[]).map((c) => c.code);
});
afterAll(() => t.close());

describe('item 21: public survey limits', () => {
  it('when one household code is submitted again, then 409 and still one answer; past the per-code limit, 429 without reaching the code', async () => {
    const code = codes[0] as string;
    expect((await submit(code, '10.21.0.1')).statusCode).toBe(200);
    for (let i = 1; i < defaultSurveyLimits.perCode; i++) expect((await submit(code, `10.21.1.${i}`)).json().error.code).toBe('survey_code.used');
    const limited = await submit(code, '10.21.2.1');
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'http.rate_limited']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await answers()).toBe(1);
    // Other codes are not held back by this one's limit.
    expect((await submit(codes[1] as string, '10.21.2.1')).statusCode).toBe(200);
  });

  it('when one address sends more than the per-address limit in a minute, then 429 with Retry-After; another address passes, and so does the next minute', async () => {
    const ip = '10.21.9.9';
    for (let i = 0; i < defaultSurveyLimits.perAddress; i++) expect((await open(codes[2] as string, ip)).statusCode).toBe(200);
    const limited = await open(codes[2] as string, ip);
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'http.rate_limited']);
    // Submitting from the same address is counted in the same window.
    expect((await submit(codes[2] as string, ip)).statusCode).toBe(429);
    expect((await open(codes[2] as string, '10.21.9.10')).statusCode).toBe(200);
    t.clock.advance(61_000);
    expect((await submit(codes[2] as string, ip)).statusCode).toBe(200);
  });

  it('when codes are guessed, then each guess counts against the address: wrong check characters get 400 until the address is cut off with 429', async () => {
    const ip = '10.21.7.7';
    const guess = (i: number) => `ABCDEFGHJKMN${String(i).padStart(4, '0')}Z`;
    for (let i = 0; i < defaultSurveyLimits.perAddress; i++) expect((await submit(guess(i), ip)).json().error.code).toMatch(/^survey_code\.(malformed|not_found)$/);
    expect((await submit(guess(9999), ip)).statusCode).toBe(429);
    expect(await answers()).toBe(3);
  });
});
