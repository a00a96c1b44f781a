// Checklist item 22 (等保 8.1.4.7): scores and published results carry an HMAC; a direct edit of
// the database is detected. A score saved through the API verifies; the same row edited in SQL
// is named (village, field) by the verification that `fivestar verify` runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { campaignInCityStage, scoreCityStage } from '../../../test/evaluation-city-factories.js';
import type { Ctx } from '../../context.js';
import { verifyCampaign } from '../../features/evaluation/seals/seals.service.js';

let t: TestApp;
let campaignId: string;
const operator = () => ({ ...t.app.services, principal: { countyId: t.city.countyId, userId: '', username: 'cli', displayName: '命令行', roles: [], sessionId: '', csrfToken: '' } }) as unknown as Ctx;

beforeAll(async () => {
  t = await startTestApp();
  let org;
  ({ campaignId, org } = await campaignInCityStage(t, 2026));
  await scoreCityStage(t, org, campaignId, [1, 0.9, 0.8, 0.7]);
});
afterAll(() => t.close());

describe('item 22: sealed records', () => {
  it('when scores are saved through the API they verify; when one is edited in the database, verification names the village and the field', async () => {
    expect((await verifyCampaign(operator(), campaignId)).ok).toBe(true);
    await t.app.services.db.execute(sql`UPDATE score_entries SET points = points + 1 WHERE village_id = ${t.city.villages.town2[0].id} AND indicator_id = (SELECT min(indicator_id) FROM score_entries WHERE village_id = ${t.city.villages.town2[0].id})`);
    const r = await verifyCampaign(operator(), campaignId);
    expect(r.ok).toBe(false);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ villageName: '乙一村', kind: 'score', field: 'points', problem: 'altered' });
    expect(r.failures[0]?.fieldLabel).toMatch(/^市级考评·.+·得分$/);
  });
});
