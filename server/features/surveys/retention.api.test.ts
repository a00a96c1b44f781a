// Retention of the phone survey's answers, on the movable clock: a final campaign's answers and
// unanswered codes stay until its notice ended plus the retention period, then the purge deletes
// them; the counts, the stored results and their explanation, the kept rating inputs, the
// progress page and `reproduce` are the same afterwards. A dry run deletes nothing.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { campaignInMutualStage } from '../../../test/evaluation-stage-factories.js';
import { finalize, proposeAndNotice, scoreCityStage } from '../../../test/evaluation-city-factories.js';
import type { Ctx } from '../../context.js';
import { reproduceCampaign } from '../evaluation/seals/reproduce.service.js';
import { purgeSurveyAnswers } from './retention.service.js';

let t: TestApp;
let org: Client;
let campaignId: string;
let noticeEnds: string;
const days = 365;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.app.services.db.execute(query)) as unknown as { rows: T[] }).rows;
}
const count = async (table: 'survey_responses' | 'survey_codes', where = sql`TRUE`) =>
  (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE campaign_id = ${campaignId} AND ${where}`))[0]?.n;

/** Everything the stars and their explanation rest on, and what the progress page shows. */
async function rated() {
  const results = await rows(sql`SELECT village_id, score, engine_stars, stars, explanation, notes FROM campaign_results WHERE campaign_id = ${campaignId} ORDER BY village_id`);
  const inputs = await rows(sql`SELECT village_id, satisfaction, figures FROM campaign_rating_inputs WHERE campaign_id = ${campaignId} ORDER BY village_id`);
  const progress = (await org.get(`/api/campaigns/${campaignId}/survey-progress`)).json();
  const villages = (progress.villages as Record<string, unknown>[]).map(({ batches: _b, ...v }) => v);
  return { results, inputs, villages, towns: progress.towns, city: progress.city };
}

/** The department's context, as `fivestar reproduce` builds it for the operator. */
const departmentCtx = (): Ctx => ({
  ...t.app.services,
  principal: {
    userId: t.city.users.orgadmin as string,
    countyId: t.city.countyId,
    username: 'orgadmin',
    displayName: '组织部',
    roles: [{ role: 'orgadmin', orgUnitId: t.city.city.id, orgUnitName: t.city.city.name, orgPath: t.city.city.path, orgLevel: 'city' }],
    sessionId: '',
    csrfToken: '',
  },
  actor: { countyId: t.city.countyId, userId: t.city.users.orgadmin as string, username: 'orgadmin', role: 'orgadmin', ip: null, requestId: null },
});

const at = (date: string) => t.clock.set(new Date(`${date}T02:00:00Z`)); // 10:00 in China

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInMutualStage(t, 2026));
  const village = t.city.villages.town2[0].id;
  const issued = await org.post(`/api/campaigns/${campaignId}/villages/${village}/survey-codes`, { count: 6 });
  const codes = (issued.json().codes as { code: string }[]).map((c) => c.code);
  const choices = ['satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'];
  for (const [i, choice] of choices.entries()) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/surveys/${codes[i]}`,
      remoteAddress: `10.30.0.${i + 1}`,
      payload: { submissionId: randomUUID(), satisfaction: choice, topics: { service: 'satisfied', conduct: choice } },
    });
    if (res.statusCode !== 200) throw new Error(`answer: ${res.body}`);
  }
  // One card lost and revoked, one never answered.
  await org.post(`/api/campaigns/${campaignId}/villages/${village}/survey-codes/revoke`, { codes: [codes[4]] });
  for (const to of ['department', 'city']) {
    const res = await org.post(`/api/campaigns/${campaignId}/advance`, { to, reason: '测试：提前推进' });
    if (res.statusCode !== 200) throw new Error(`advance: ${res.body}`);
  }
  at('2026-05-06');
  org = await loginAs(t.app, 'orgadmin');
  await scoreCityStage(t, org, campaignId, [0.9, 0.8, 0.95, 0.7]);
  ({ noticeEnds } = await proposeAndNotice(org, campaignId));
  await finalize(t, campaignId, noticeEnds);
}, 120_000);
afterAll(() => t.close());

describe('deleting the answers after the retention period', () => {
  let before: Awaited<ReturnType<typeof rated>>;
  const lastKept = () => new Date(Date.parse(`${noticeEnds}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('when the period has not passed (its last day), then nothing is deleted and nothing audited', async () => {
    at(lastKept());
    org = await loginAs(t.app, 'orgadmin');
    before = await rated();
    expect(before.villages.find((v) => v.villageId === t.city.villages.town2[0].id)).toMatchObject({ issued: 6, used: 4, revoked: 1, phone: { satisfied: 2, basicallySatisfied: 1, unsatisfied: 1 }, source: 'phone' });
    expect(await purgeSurveyAnswers(t.app.services, { retentionDays: days, by: 'system' })).toEqual([]);
    expect([await count('survey_responses'), await count('survey_codes')]).toEqual([4, 6]);
    expect(await auditRows(t.app, 'survey.purge')).toEqual([]);
  });

  it('when a dry run comes after the period, then it reports what would go and deletes nothing', async () => {
    at('2027-06-01');
    const report = await purgeSurveyAnswers(t.app.services, { retentionDays: days, dryRun: true, by: 'cli' });
    expect(report).toEqual([{ countyId: t.city.countyId, campaignId, campaignName: '2026年度五星级创建', year: 2026, keptUntil: lastKept(), answers: 4, unusedCodes: 2, revokedCodes: 1, villages: 1 }]);
    expect([await count('survey_responses'), await count('survey_codes')]).toEqual([4, 6]);
    expect(await auditRows(t.app, 'survey.purge')).toEqual([]);
  });

  it('when the purge runs after the period, then the answers and unanswered codes are gone, and counts, results, explanation, progress and reproduce are unchanged', async () => {
    const done = await purgeSurveyAnswers(t.app.services, { retentionDays: days, by: 'system' });
    expect(done).toEqual([expect.objectContaining({ campaignId, answers: 4, unusedCodes: 2, revokedCodes: 1, villages: 1 })]);
    expect(await count('survey_responses')).toBe(0);
    // Only the answered codes stay: a hash and when it was used, nothing of the answer.
    expect([await count('survey_codes'), await count('survey_codes', sql`used_at IS NULL`)]).toEqual([4, 0]);
    expect(await rows(sql`SELECT satisfied, basically_satisfied, unsatisfied, unused_codes, revoked_codes FROM survey_village_tallies WHERE campaign_id = ${campaignId}`)).toEqual([
      { satisfied: 2, basically_satisfied: 1, unsatisfied: 1, unused_codes: 1, revoked_codes: 1 },
    ]);
    org = await loginAs(t.app, 'orgadmin');
    expect(await rated()).toEqual(before);
    const village = (await org.get(`/api/campaigns/${campaignId}/villages/${t.city.villages.town2[0].id}/evaluation`)).json().result;
    expect(village.steps).toContainEqual({ rule: 'satisfaction_source', text: '群众满意度测评来源：手机测评（每户一码）满意 2、基本满意 1、不满意 1，共 4 份' });
    const again = await reproduceCampaign(departmentCtx(), campaignId);
    expect(again).toMatchObject({ villages: 4, identical: 4, differences: [] });
    const audit = await auditRows(t.app, 'survey.purge');
    expect(audit).toEqual([
      expect.objectContaining({
        object_type: 'campaign',
        object_id: campaignId,
        username: 'system',
        after: { campaignName: '2026年度五星级创建', year: 2026, keptUntil: lastKept(), retentionDays: days, answers: 4, unusedCodes: 2, revokedCodes: 1, villages: 1 },
      }),
    ]);
  });

  it('when the purge runs again (the next day), then there is nothing left to delete and no new audit row', async () => {
    t.clock.advance(24 * 3600_000);
    expect(await purgeSurveyAnswers(t.app.services, { retentionDays: days, by: 'system' })).toEqual([]);
    expect(await auditRows(t.app, 'survey.purge')).toHaveLength(1);
  });
});
