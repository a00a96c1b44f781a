// Judge panels (评委组) are edited in place until the city assessment starts, every change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { makeAccount } from '../../../../test/factories.js';
import { campaignInMutualStage, judges } from '../../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
let panelId: string;
let judgeIds: string[];
let inspectorId: string;

const panelsOf = async () => (await org.get(`/api/campaigns/${campaignId}/panels`)).json() as { id: string; name: string; departments: string; memberIds: string[]; villageIds: string[] }[];

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInMutualStage(t, 2026));
  judgeIds = await judges(t, 3);
  inspectorId = await makeAccount(t.app.services, t.city.countyId, 'inspector1', 'inspector', t.city.city.id);
  const created = await org.post(`/api/campaigns/${campaignId}/panels`, {
    name: '第一评委组', departments: '农业农村局', memberIds: [judgeIds[0]], villageIds: t.city.villages.town1.map((v) => v.id),
  });
  expect(created.statusCode).toBe(200);
  panelId = created.json().id;
});
afterAll(() => t.close());

describe('editing a judge panel', () => {
  it('when the department renames it and changes members and villages, then the panel reads back changed and the audit keeps before and after', async () => {
    const body = { name: '第一评委组（调整）', departments: '农业农村局、财政局', memberIds: [judgeIds[1], judgeIds[2]], villageIds: t.city.villages.town2.map((v) => v.id) };
    const res = await org.put(`/api/campaigns/${campaignId}/panels/${panelId}`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: panelId, ...body });
    const [panel] = await panelsOf();
    expect(panel).toEqual({ id: panelId, ...body });
    const rows = await auditRows(t.app, 'panel.update');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      object_id: panelId, outcome: 'success',
      before: { name: '第一评委组', memberIds: [judgeIds[0]], villageIds: t.city.villages.town1.map((v) => v.id) },
      after: { name: '第一评委组（调整）', memberIds: [judgeIds[1], judgeIds[2]] },
    });
  });

  it('when the input is wrong, then each mistake gets its own code and the panel is left as it was', async () => {
    const before = await panelsOf();
    const good = { name: '组', departments: '农业农村局', memberIds: [judgeIds[0]], villageIds: [t.city.villages.town1[0].id] };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...good, memberIds: ['00000000-0000-4000-8000-000000000000'] }, 400, 'teams.unknown_member'],
      [{ ...good, villageIds: ['00000000-0000-4000-8000-000000000000'] }, 404, 'org.not_found'],
      [{ ...good, memberIds: [inspectorId] }, 409, 'account.inspector_conflict'],
      [{ ...good, name: '' }, 400, 'validation.failed'],
      [{ ...good, memberIds: [] }, 400, 'validation.failed'],
      [{ ...good, extra: 1 }, 400, 'validation.unknown_field'],
    ];
    for (const [body, status, code] of cases) {
      const res = await org.put(`/api/campaigns/${campaignId}/panels/${panelId}`, body);
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const missing = await org.put(`/api/campaigns/${campaignId}/panels/00000000-0000-4000-8000-000000000000`, good);
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'panel.not_found']);
    expect(await panelsOf()).toEqual(before);
  });

  it('when a town administrator or a judge tries to edit it, then they are refused and nothing changes', async () => {
    const before = await panelsOf();
    for (const who of ['town1', 'judge1']) {
      const client = await loginAs(t.app, who);
      const res = await client.put(`/api/campaigns/${campaignId}/panels/${panelId}`, { name: '越权修改', departments: '农业农村局', memberIds: [judgeIds[0]], villageIds: [t.city.villages.town1[0].id] });
      expect(res.statusCode).toBe(403);
    }
    expect(await panelsOf()).toEqual(before);
  });

  it('when the city assessment has started, then panels can no longer be created, edited or deleted', async () => {
    for (const to of ['department', 'city']) {
      const step = await org.post(`/api/campaigns/${campaignId}/advance`, { to, reason: '测试数据：提前进入市级考评' });
      expect(step.statusCode).toBe(200);
    }
    const before = await panelsOf();
    const body = { name: '迟到的评委组', departments: '农业农村局', memberIds: [judgeIds[0]], villageIds: [t.city.villages.town1[0].id] };
    const attempts = [
      await org.put(`/api/campaigns/${campaignId}/panels/${panelId}`, body),
      await org.post(`/api/campaigns/${campaignId}/panels`, body),
      await org.del(`/api/campaigns/${campaignId}/panels/${panelId}`),
    ];
    for (const res of attempts) {
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'panel.not_editable']);
      expect(res.json().error.message).toContain('市级考评已开始');
    }
    expect(await panelsOf()).toEqual(before);
  });
});
