// 距下一星还差什么 through HTTP: the department gets the engine's what-if on everything stored; a
// village or town reader gets it on the stages published to them only, so a hidden score never
// shows through; a reader outside the village's subtree gets 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginAs, type Client, type TestApp, startTestApp } from '../../../../test/test-app.js';
import { shippedStandard, stageWindows } from '../../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const village = () => t.city.villages.town1[0];
const url = (villageId = village().id) => `/api/campaigns/${campaignId}/villages/${villageId}/what-if`;
type Answer = { status: string; target: number | null; currentStars: number | null; currentScore: number; gains: { indicatorId: string; from: number; to: number; gain: number; maxPoints: number }[]; totalGain: number; text: string; basisText: string };

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-02-20T02:00:00Z'));
  org = await loginAs(t.app, 'orgadmin');
  const document = await shippedStandard('tumen-2022');
  const standard = await org.post('/api/standards', { document });
  campaignId = (await org.post('/api/campaigns', { year: 2026, name: '2026年度五星级创建', standardId: standard.json().id, windows: stageWindows(2026) })).json().id;
  // Scores of every stage at 70% for 甲一村, written as the sheets store them (the campaign is still a
  // draft, so no stage is published to anyone but the department).
  const scored = document.dimensions.flatMap((d) => d.indicators).filter((i) => i.kind === 'scored');
  for (const i of scored) {
    for (const stage of i.stages) {
      await t.app.services.db.execute(
        sql`INSERT INTO score_entries (county_id, campaign_id, stage, village_id, org_path, indicator_id, points, entered_by, entered_at)
            VALUES (${t.city.countyId}, ${campaignId}, ${stage}, ${village().id}, ${village().path}, ${i.id}, ${Math.round(i.maxPoints * 70) / 100}, ${t.city.users.orgadmin}, now())`,
      );
    }
  }
});
afterAll(() => t.close());

describe('what-if on the village page', () => {
  let department: Answer;

  it('when the department asks, then the next star is named with the gains per indicator, ordered by room, each within its maximum', async () => {
    const res = await org.get(url());
    expect(res.statusCode).toBe(200);
    department = res.json();
    expect(department.basisText).toBe('按各阶段已录入的得分计算');
    expect(department.status).toBe('reachable');
    expect(department.target).toBe((department.currentStars ?? 0) + 1);
    expect(department.gains.length).toBeGreaterThan(0);
    const rooms = department.gains.map((g) => g.maxPoints - g.from);
    expect(rooms).toEqual([...rooms].sort((a, b) => b - a));
    for (const g of department.gains) {
      expect(g.to).toBeLessThanOrEqual(g.maxPoints);
      expect(g.gain).toBeCloseTo(g.to - g.from, 2);
    }
    expect(department.text).toContain(`距 ${department.target} 星还差`);
  });

  it('when the village itself asks while no stage is published, then the hidden scores are not used and it is told so', async () => {
    const own: Answer = (await (await loginAs(t.app, 'v11')).get(url())).json();
    expect(own.basisText).toContain('尚未公开');
    expect(own.currentScore).toBeLessThan(department.currentScore);
    expect(own.gains.every((g) => g.from === 0)).toBe(true);
  });

  it('when its town asks, then it gets an answer; another town or village gets 404, and a bad id 400', async () => {
    expect((await (await loginAs(t.app, 'town1')).get(url())).statusCode).toBe(200);
    expect((await (await loginAs(t.app, 'town2')).get(url())).statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'v21')).get(url())).statusCode).toBe(404);
    expect((await org.get(`/api/campaigns/${campaignId}/villages/not-a-uuid/what-if`)).statusCode).toBe(400);
  });
});
