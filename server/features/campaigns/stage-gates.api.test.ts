// Stage gates through HTTP: the readiness of the next step is shown before the click; an early or
// unready advance is refused without a written reason, and with one it goes on, moves the windows
// and keeps the reason and every condition it passed in the audit trail. Other roles, other
// routes and an early click cannot go round it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { campaignInMutualStage } from '../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const readiness = () => org.get(`/api/campaigns/${campaignId}/readiness`);
const advance = (body: Record<string, unknown>) => org.post(`/api/campaigns/${campaignId}/advance`, body);
const kinds = (items: { kind: string }[]) => items.map((i) => i.kind);

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInMutualStage(t, 2026)); // 3 March, nothing scored yet
});
afterAll(() => t.close());

describe('stage gates', () => {
  it('when the campaign started inside its window, then the advance was ready and audited without a reason', async () => {
    const [row] = await auditRows(t.app, 'campaign.advance');
    expect(row?.after).toEqual({ status: 'mutual' });
    expect(await auditRows(t.app, 'campaign.advance_override')).toHaveLength(0);
  });

  it('when stage 1 is under way, then the readiness lists the early window and every unscored sheet by village', async () => {
    const res = await readiness();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: 'mutual', to: 'department', today: '2026-03-03', ready: false, window: { stage: 'department', opens: '2026-04-01', closes: '2026-04-30' } });
    expect(kinds(body.items)).toEqual(['early_window', 'unscored_sheets']);
    expect(body.items[0]).toMatchObject({ count: 29, overridable: true });
    const villages = [...t.city.villages.town1, ...t.city.villages.town2];
    expect(body.items[1]).toMatchObject({ count: villages.length, overridable: true });
    for (const v of villages) expect(body.items[1].details.some((d: string) => d.includes(v.name) && d.includes('已填 0/'))).toBe(true);
  });

  it('when another role asks or advances, then 403 and the campaign stays', async () => {
    for (const name of ['town1', 'v11', 'auditor', 'sysadmin']) {
      const other = await loginAs(t.app, name);
      expect((await other.get(`/api/campaigns/${campaignId}/readiness`)).statusCode).toBe(403);
      expect((await other.post(`/api/campaigns/${campaignId}/advance`, { to: 'department', reason: '越权推进' })).statusCode).toBe(403);
    }
    expect((await org.get(`/api/campaigns/${campaignId}`)).json().status).toBe('mutual');
  });

  it('when the department advances early without a reason, then 409 lists the blockers and nothing changes', async () => {
    const before = (await org.get(`/api/campaigns/${campaignId}`)).json();
    const res = await advance({ to: 'department' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('campaign.not_ready');
    expect(res.json().error.message).toContain('书面理由');
    expect(kinds(res.json().error.details.blockers)).toEqual(['early_window', 'unscored_sheets']);
    // A blank reason is no reason; the status cannot be set through the edit route either.
    expect((await advance({ to: 'department', reason: '  ' })).statusCode).toBe(400);
    expect((await org.patch(`/api/campaigns/${campaignId}`, { status: 'department' })).json().error.code).toBe('validation.unknown_field');
    expect((await org.get(`/api/campaigns/${campaignId}`)).json()).toEqual(before);
    expect(await auditRows(t.app, 'campaign.advance_override')).toHaveLength(0);
  });

  it('when a sheet of a later stage is opened, then it says which rule locks it and when it opens', async () => {
    const sheet = (await org.get(`/api/campaigns/${campaignId}/sheets/city/${t.city.villages.town1[0].id}`)).json();
    expect(sheet.lockReason).toBe('市级考评阶段尚未开始：当前为摸底互评阶段，组织部推进到市级考评后开放；市级考评计划填报时间为 2026-05-01 至 2026-05-31');
  });

  it('when the department gives a written reason, then it advances, the windows move to today and the audit keeps reason and blockers', async () => {
    const res = await advance({ to: 'department', reason: '县委要求提前开展部门点评' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'department', windows: { mutual: { opens: '2026-03-01', closes: '2026-03-03' }, department: { opens: '2026-03-03', closes: '2026-04-30' }, city: { opens: '2026-05-01' } } });
    const rows = await auditRows(t.app, 'campaign.advance_override');
    expect(rows).toHaveLength(1);
    const after = rows[0]?.after as { status: string; reason: string; overridden: { kind: string }[]; windows: { department: { opens: string } } };
    expect(after).toMatchObject({ status: 'department', reason: '县委要求提前开展部门点评', windows: { department: { opens: '2026-03-03' } } });
    expect(kinds(after.overridden)).toEqual(['early_window', 'unscored_sheets']);
    expect(rows[0]?.before).toMatchObject({ status: 'mutual', windows: { department: { opens: '2026-04-01' } } });
    // The moved window opens the department sheets today instead of leaving them locked for a month.
    const next = (await readiness()).json();
    expect(next).toMatchObject({ from: 'department', to: 'city' });
    expect(kinds(next.items)).toEqual(['early_window', 'unscored_sheets', 'unpublished_notices']);
  });

  it('when stars are not decided, then even a written reason cannot open the notice', async () => {
    expect((await advance({ to: 'city', reason: '测试：提前进入市级考评' })).statusCode).toBe(200);
    const items = (await readiness()).json().items as { kind: string; overridable: boolean }[];
    expect(items.find((i) => i.kind === 'no_results')).toMatchObject({ overridable: false });
    const res = await advance({ to: 'notice', reason: '想直接公示' });
    expect(res.json().error).toMatchObject({ code: 'campaign.results_unconfirmed', details: { unconfirmed: -1 } });
    expect((await org.get(`/api/campaigns/${campaignId}`)).json().status).toBe('city');
  });
});
