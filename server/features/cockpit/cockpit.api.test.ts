// 数据驾驶舱 through HTTP: the department sees every town, a town's account only its own town.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { campaignInDepartmentStage } from '../../../test/evaluation-stage-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the cockpit', () => {
  it('when a campaign runs and a panel has scored one village, then progress per town and stage shows it, and a town sees only itself', async () => {
    const { campaignId } = await campaignInDepartmentStage(t, 2026, 1);
    const judge = await loginAs(t.app, 'judge1');
    const grid = (await judge.get(`/api/campaigns/${campaignId}/grid/department`)).json() as { indicators: { id: string; computedFrom: string | null }[] };
    const scores = Object.fromEntries(grid.indicators.filter((i) => i.computedFrom === null).map((i) => [i.id, 0]));
    expect((await judge.put(`/api/campaigns/${campaignId}/grid/department/${t.city.villages.town1[0].id}`, { version: 0, scores })).statusCode).toBe(200);

    const org = (await (await loginAs(t.app, 'orgadmin')).get('/api/cockpit')).json();
    expect(org.campaign).toMatchObject({ id: campaignId, status: 'department' });
    expect(org.progress.map((p: { name: string }) => p.name).sort()).toEqual(['乙镇', '甲镇']);
    const town1 = org.progress.find((p: { name: string }) => p.name === '甲镇');
    expect(town1.department).toBeGreaterThan(0);
    expect(town1.department).toBeLessThan(50); // one of two villages, the arena indicator not typed
    expect(org.progress.find((p: { name: string }) => p.name === '乙镇').department).toBe(0);

    const own = (await (await loginAs(t.app, 'town2')).get('/api/cockpit')).json();
    expect(own.progress.map((p: { name: string }) => p.name)).toEqual(['乙镇']);
    expect(own.scopeName).toBe('乙镇');
    expect((await (await loginAs(t.app, 'sysadmin')).get('/api/cockpit')).statusCode).toBe(403);
  });
});
