// Checklist item 26: the survey collects no name, ID number or phone, and stores no address. The
// answer form has no such fields (unknown fields are refused), the choices are fixed values (no
// free text to write a number into), and after answers from a known address and browser no table
// holds either.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { campaignInMutualStage } from '../../../test/evaluation-stage-factories.js';

let t: TestApp;
let codes: string[];
const ip = '203.0.113.77';
const userAgent = 'Mozilla/5.0 (Linux; Android 6.0; 红米Note3-测试机) Item26Probe/1.0';

const submit = (code: string, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${code}`,
    remoteAddress: ip,
    headers: { 'user-agent': userAgent },
    payload: { submissionId: randomUUID(), satisfaction: 'satisfied', topics: {}, ...body },
  });

beforeAll(async () => {
  t = await startTestApp();
  const { campaignId, org } = await campaignInMutualStage(t, 2026);
  const res = await org.post(`/api/campaigns/${campaignId}/villages/${t.city.villages.town2[0].id}/survey-codes`, { count: 8 });
  codes = (res.json().codes as { code: string }[]).map((c) => c.code);
});
afterAll(() => t.close());

describe('item 26: the survey holds no personal data', () => {
  it('when an answer carries a name, ID number or phone, then 400 and nothing is stored', async () => {
    for (const extra of [{ name: '张三' }, { idNumber: '110101199003077777' }, { phone: '13800138000' }]) {
      const res = await submit(codes[0] as string, extra);
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'validation.unknown_field']);
    }
    // A topic answer is one of three values: no place for free text.
    expect((await submit(codes[0] as string, { topics: { service: '13800138000' } })).json().error.code).toBe('validation.failed');
    const n = ((await t.app.services.db.execute(sql`SELECT count(*)::int AS n FROM survey_responses`)) as unknown as { rows: { n: number }[] }).rows[0]?.n;
    expect(n).toBe(0);
  });

  it('when answers come from one address and browser (enough to be flagged as one device), then no table holds the address or the browser', async () => {
    for (const code of codes.slice(0, 6)) expect((await submit(code, {})).statusCode).toBe(200);
    const tables = ((await t.app.services.db.execute(
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )) as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    expect(tables).toContain('survey_responses');
    const holding: string[] = [];
    for (const table of tables) {
      const found = (await t.app.services.db.execute(
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} x WHERE x::text LIKE ${'%' + ip + '%'} OR x::text LIKE ${'%Item26Probe%'}`,
      )) as unknown as { rows: { n: number }[] };
      if (Number(found.rows[0]?.n) > 0) holding.push(table);
    }
    expect(holding).toEqual([]);
    // The device was noticed all the same: flagged by a random group id.
    const flagged = ((await t.app.services.db.execute(sql`SELECT count(DISTINCT device_group)::int AS groups, count(device_group)::int AS n FROM survey_responses`)) as unknown as {
      rows: { groups: number; n: number }[];
    }).rows[0];
    expect(flagged).toEqual({ groups: 1, n: 6 });
  });
});
