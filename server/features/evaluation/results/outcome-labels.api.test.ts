// A standard that names its levels (format 2 outcomes): the ranking and the public notice show the
// name of each village's final level beside its stars.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInCityStage, scoreCityStage, tumenStandard } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const labels = ['', '一星村', '二星村', '三星村', '四星村', '五星村'];

beforeAll(async () => {
  t = await startTestApp();
  const tumen = await tumenStandard();
  // Tumen's scheme written in format 2 (each stage's kind is its id here), with a name per level.
  const document = { ...tumen, stages: tumen.stages.map((s) => ({ ...s, kind: s.id })), formatVersion: 2, version: '2022-名称', outcomes: { display: 'starsAndLabels', labels: labels.map((label, stars) => ({ stars, label })).filter((l) => l.stars > 0) } };
  ({ campaignId, org } = await campaignInCityStage(t, 2026, document));
  await scoreCityStage(t, org, campaignId, [1, 0.95, 0.9, 0.5]);
});
afterAll(() => t.close());

describe('outcome labels on the ranking', () => {
  it('when the results are computed, then every village carries the name of its level and the page says to show both', async () => {
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    const results = (await org.get(`/api/campaigns/${campaignId}/results`)).json();
    expect(results.labelDisplay).toBe('starsAndLabels');
    expect(results.villages.length).toBe(4);
    for (const v of results.villages as { stars: number | null; label: string | null }[]) expect(v.label).toBe(v.stars === null ? null : labels[v.stars]);
    expect(results.villages.some((v: { label: string | null }) => v.label !== null)).toBe(true);
  });

  it('when the standard row is edited by hand after the ranking was read, then the next read shows the edit (the parsed document is cached by the row version)', async () => {
    const before = (await org.get(`/api/campaigns/${campaignId}/results`)).json();
    const { standardId } = (await org.get(`/api/campaigns/${campaignId}`)).json();
    const rename = (suffix: string) =>
      t.database.runAsOwner(
        `UPDATE standard_versions SET document = jsonb_set(document, '{outcomes,labels}', (SELECT jsonb_agg(l || jsonb_build_object('label', (l->>'label') || '${suffix}')) FROM jsonb_array_elements(document->'outcomes'->'labels') l)) WHERE id = '${standardId}'`,
      );
    await rename('（改）');
    const after = (await org.get(`/api/campaigns/${campaignId}/results`)).json();
    for (const v of after.villages as { stars: number | null; label: string | null }[]) expect(v.label).toBe(v.stars === null ? null : `${labels[v.stars]}（改）`);
    // And back: the earlier version's entry is not served again for the new row.
    await t.database.runAsOwner(`UPDATE standard_versions SET document = jsonb_set(document, '{outcomes,labels}', '${JSON.stringify(labels.map((label, stars) => ({ stars, label })).filter((l) => l.stars > 0))}'::jsonb) WHERE id = '${standardId}'`);
    expect((await org.get(`/api/campaigns/${campaignId}/results`)).json().villages).toEqual(before.villages);
  });

  it('when the notice opens, then the public page lists the same names', async () => {
    await org.post(`/api/campaigns/${campaignId}/results/confirm`);
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'notice', reason: '测试数据：只为四个村打分' })).statusCode).toBe(200);
    const notice = (await t.app.inject({ method: 'GET', url: `/api/public/campaigns/${campaignId}/notice` })).json();
    expect(notice.labelDisplay).toBe('starsAndLabels');
    const ranking = (await org.get(`/api/campaigns/${campaignId}/results`)).json().villages as { orgUnitId: string; label: string | null }[];
    expect(notice.villages.map((v: { orgUnitId: string; label: string | null }) => [v.orgUnitId, v.label])).toEqual(expect.arrayContaining(ranking.map((v) => [v.orgUnitId, v.label])));
  });

  it('when the standard names no levels, then there is nothing to show but stars', async () => {
    const { outcomeLabels } = await import('./outcome-labels.js');
    expect(outcomeLabels(await tumenStandard())).toBeNull();
  });
});
