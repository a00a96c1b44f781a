// The demo's stage-1 field work, loaded into a campaign in stage 1 and read back through HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInMutualStage } from '../../../../test/evaluation-stage-factories.js';
import { seedDemoStageWork } from './stages.demo.js';

let t: TestApp;
let org: Client;
let campaignId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInMutualStage(t, 2026));
});
afterAll(() => t.close());

describe('demo stage-1 field work', () => {
  it('when it is loaded, then visits, surveys for about half the villages and one submitted report show through the API', async () => {
    const counts = await seedDemoStageWork(t.app.services, { countyId: t.city.countyId, campaignId, now: t.clock.now() });
    expect(counts).toEqual({ visits: 10, surveys: 2, reports: 1 });
    const overview = (await org.get(`/api/campaigns/${campaignId}/mutual/villages`)).json();
    expect(overview.villages.map((v: { name: string; visits: number; survey: unknown }) => [v.name, v.visits, v.survey !== null])).toEqual([
      ['甲一村', 3, true],
      ['甲二村', 2, false],
      ['乙一村', 3, true],
      ['乙二村', 2, false],
    ]);
    const reports = (await org.get(`/api/campaigns/${campaignId}/mutual-reports`)).json();
    expect(reports.map((r: { town: { name: string }; status: string }) => [r.town.name, r.status])).toEqual([
      ['甲镇', 'none'],
      ['乙镇', 'submitted'],
    ]);
  });

  it('when the demo records are read, then they pass the same rules as entered ones: dated within stage 1, counts adding up, no personal numbers', async () => {
    const visits = (await org.get(`/api/campaigns/${campaignId}/visits?pageSize=100`)).json().items as { visitDate: string; household: string; findings: string }[];
    expect(visits.every((v) => v.visitDate >= '2026-03-01' && v.visitDate <= '2026-03-03')).toBe(true);
    expect(visits.every((v) => !/\d{11}/.test(v.household + v.findings))).toBe(true);
    const surveys = (await org.get(`/api/campaigns/${campaignId}/surveys`)).json().items as { sampleSize: number; satisfied: number; basicallySatisfied: number; unsatisfied: number; rate: number }[];
    for (const s of surveys) {
      expect(s.satisfied + s.basicallySatisfied + s.unsatisfied).toBe(s.sampleSize);
      expect(s.rate).toBeGreaterThan(80);
    }
    const town1 = await loginAs(t.app, 'town1');
    expect((await town1.get(`/api/campaigns/${campaignId}/towns/${t.city.towns[1].id}/mutual-report`)).json()).toMatchObject({ status: 'submitted', canEdit: false });
  });
});
