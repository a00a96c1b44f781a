// 自评 with approvals through HTTP: the village fills and submits (signed by its account), the town
// returns it with a reason, the village fixes and resubmits, the town approves, the department sees
// it and may send it back. Once submitted or approved the village cannot change it by any route,
// another role cannot take another level's step, and an early click is refused with a code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditRows, loginAs, type Client, type TestApp, startTestApp } from '../../../test/test-app.js';
import { shippedStandard, stageWindows } from '../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let v11: Client;
let v21: Client;
let town1: Client;
let town2: Client;
let leader: Client;
let campaignId: string;
let indicators: { id: string; maxPoints: number }[];
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const village = () => t.city.villages.town1[0].id;
const url = (suffix = '', villageId = village()) => `/api/campaigns/${campaignId}/villages/${villageId}/self-evaluation${suffix}`;
const items = (share: number) => indicators.map((i) => ({ indicatorId: i.id, points: Math.round(i.maxPoints * share * 100) / 100, note: '见台账' }));
const errorOf = (res: { json(): { error?: { code?: string } } }) => res.json().error?.code;

beforeAll(async () => {
  t = await startTestApp();
  // The village fills its self-evaluation before the stages open: the campaign stays a draft.
  t.clock.set(new Date('2026-02-20T02:00:00Z'));
  org = await loginAs(t.app, 'orgadmin');
  const standard = await org.post('/api/standards', { document: await shippedStandard('tumen-2022') });
  const campaign = await org.post('/api/campaigns', { year: 2026, name: '2026年度五星级创建', standardId: standard.json().id, windows: stageWindows(2026) });
  campaignId = campaign.json().id;
  v11 = await loginAs(t.app, 'v11');
  v21 = await loginAs(t.app, 'v21');
  town1 = await loginAs(t.app, 'town1');
  town2 = await loginAs(t.app, 'town2');
  leader = await loginAs(t.app, 'leader');
  indicators = (await v11.get(url())).json().indicators;
});
afterAll(() => t.close());

describe('filling the self-evaluation', () => {
  it('when the village opens it, then it is not started, editable, shown as reference, and covers the standard’s scored indicators', async () => {
    const res = await v11.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'not_started', actions: ['edit'], lockReason: null, stageRole: 'reference', version: 0, submitted: null });
    expect(indicators.length).toBeGreaterThan(3);
  });

  it('when the village submits before saving anything, or the town approves it, then both early clicks are refused with codes', async () => {
    expect(errorOf(await v11.post(url('/submit'), {}))).toBe('selfeval.invalid_transition');
    expect(errorOf(await town1.post(url('/approve'), {}))).toBe('selfeval.invalid_transition');
    expect((await v11.get(url())).json().status).toBe('not_started');
  });

  it('when points are above the maximum, below zero, finer than a hundredth or on an unknown indicator, then 400 and nothing is stored', async () => {
    const [first] = indicators;
    const bad = [
      [{ indicatorId: first!.id, points: first!.maxPoints + 1, note: '' }, 'selfeval.points_out_of_range'],
      [{ indicatorId: first!.id, points: -1, note: '' }, 'selfeval.points_out_of_range'],
      [{ indicatorId: first!.id, points: 0.125, note: '' }, 'selfeval.points_out_of_range'],
      [{ indicatorId: 'no-such', points: 1, note: '' }, 'selfeval.unknown_indicator'],
    ] as const;
    for (const [item, code] of bad) {
      const res = await v11.put(url(), { version: 0, items: [item] });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res)).toBe(code);
    }
    expect((await v11.get(url())).json().version).toBe(0);
  });

  it('when the village saves part of it, then it is a draft; submitting it incomplete names the missing indicators', async () => {
    const res = await v11.put(url(), { version: 0, items: items(0.5).slice(0, 2) });
    expect(res.json()).toMatchObject({ status: 'draft', version: 1, actions: ['edit', 'submit'] });
    const refused = await v11.post(url('/submit'), {});
    expect(errorOf(refused)).toBe('selfeval.incomplete');
    expect(refused.json().error.details.indicatorIds).toHaveLength(indicators.length - 2);
    // A save from an older version is refused, not merged.
    expect(errorOf(await v11.put(url(), { version: 0, items: items(0.6).slice(0, 1) }))).toBe('selfeval.version_conflict');
  });

  it('when another village, a town or the department try to fill it, then they are refused (404 outside their scope, 403 without the permission)', async () => {
    expect((await v21.put(url(), { version: 1, items: items(1) })).statusCode).toBe(404);
    expect((await town1.put(url(), { version: 1, items: items(1) })).statusCode).toBe(403);
    expect((await org.put(url(), { version: 1, items: items(1) })).statusCode).toBe(403);
    expect((await v21.get(url())).statusCode).toBe(404);
  });

  it('when the village attaches a file and submits everything, then it is signed by the village account and waits for the town', async () => {
    const file = await v11.upload(url(`/files?indicatorId=${indicators[0]!.id}&fileName=${encodeURIComponent('会议记录.png')}`), png, 'application/octet-stream');
    expect(file.statusCode).toBe(200);
    expect(file.json()).toMatchObject({ fileName: '会议记录.png', contentType: 'image/png', uploadedByName: 'v11 测试' });
    await v11.put(url(), { version: 2, items: items(0.8) });
    const res = await v11.post(url('/submit'), {});
    expect(res.json()).toMatchObject({ status: 'submitted', submitted: { name: 'v11 测试' }, actions: [] });
    expect(res.json().indicators[0].files).toHaveLength(1);
    const [row] = await auditRows(t.app, 'selfeval.submit');
    expect(row).toMatchObject({ username: 'v11', before: { status: 'draft' }, after: { status: 'submitted' } });
    // The town reads the file; another village cannot.
    const download = res.json().indicators[0].files[0].downloadUrl as string;
    expect((await town1.get(download)).statusCode).toBe(200);
    expect((await v21.get(download)).statusCode).toBe(404);
  });
});

describe('the approval round trip', () => {
  it('when submitted, then the village can change nothing by any route until the town returns it', async () => {
    const version = (await v11.get(url())).json().version as number;
    expect(errorOf(await v11.put(url(), { version, items: items(1) }))).toBe('selfeval.locked');
    expect(errorOf(await v11.upload(url(`/files?indicatorId=${indicators[1]!.id}&fileName=a.png`), png, 'image/png'))).toBe('selfeval.locked');
    const fileId = (await v11.get(url())).json().indicators[0].files[0].id as string;
    expect(errorOf(await v11.del(`/api/self-evaluation-files/${fileId}`))).toBe('selfeval.locked');
    expect(errorOf(await v11.post(url('/submit'), {}))).toBe('selfeval.invalid_transition');
    expect((await v11.get(url())).json()).toMatchObject({ status: 'submitted', version, total: expect.any(Number) });
  });

  it('when the town returns it with a reason, then the village sees the reason, fixes it and submits again', async () => {
    expect((await town1.post(url('/return'), { reason: ' ' })).statusCode).toBe(400);
    expect((await town2.post(url('/return'), { reason: '材料不全' })).statusCode).toBe(404);
    const returned = await town1.post(url('/return'), { reason: '组织生活会记录缺少签到表' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '组织生活会记录缺少签到表', returnedBy: 'town', reviewed: { name: 'town1 测试' } });
    const seen = (await v11.get(url())).json();
    expect(seen).toMatchObject({ status: 'returned', returnReason: '组织生活会记录缺少签到表', actions: ['edit', 'submit'], lockReason: null });
    await v11.put(url(), { version: seen.version, items: items(0.9) });
    expect((await v11.post(url('/submit'), {})).json().status).toBe('submitted');
    const [row] = await auditRows(t.app, 'selfeval.return');
    expect(row).toMatchObject({ username: 'town1', after: { status: 'returned', reason: '组织生活会记录缺少签到表' } });
  });

  it('when the town approves, then it is locked: the village cannot save, attach, remove, submit; the town cannot return it; other roles cannot approve or unapprove', async () => {
    expect((await v11.post(url('/approve'), {})).statusCode).toBe(403);
    expect((await org.post(url('/approve'), {})).statusCode).toBe(403);
    const approved = await town1.post(url('/approve'), {});
    expect(approved.json()).toMatchObject({ status: 'approved', reviewed: { name: 'town1 测试' }, returnReason: null });
    const { version, total } = approved.json();
    expect(errorOf(await v11.put(url(), { version, items: items(1) }))).toBe('selfeval.locked');
    expect(errorOf(await v11.upload(url(`/files?indicatorId=${indicators[1]!.id}&fileName=b.png`), png, 'image/png'))).toBe('selfeval.locked');
    const fileId = approved.json().indicators[0].files[0].id as string;
    expect(errorOf(await v11.del(`/api/self-evaluation-files/${fileId}`))).toBe('selfeval.locked');
    expect(errorOf(await v11.post(url('/submit'), {}))).toBe('selfeval.invalid_transition');
    expect(errorOf(await town1.post(url('/return'), { reason: '再看看' }))).toBe('selfeval.invalid_transition');
    expect(errorOf(await town1.post(url('/approve'), {}))).toBe('selfeval.invalid_transition');
    for (const c of [v11, town1, leader]) expect((await c.post(url('/unapprove'), { reason: '退回' })).statusCode).toBe(403);
    expect((await v11.get(url())).json()).toMatchObject({ status: 'approved', version, total, lockReason: expect.stringContaining('锁定') });
  });

  it('when the department lists the campaign, then it sees the approved village with its town; each town sees only its own villages', async () => {
    const all = (await org.get(`/api/campaigns/${campaignId}/self-evaluations?status=approved`)).json();
    expect(all.items).toEqual([expect.objectContaining({ villageName: '甲一村', townName: '甲镇', status: 'approved', actions: ['unapprove'], submitted: expect.objectContaining({ name: 'v11 测试' }) })]);
    expect(all.counts).toEqual({ approved: 1, not_started: 3 });
    const mine = (await town1.get(`/api/campaigns/${campaignId}/self-evaluations`)).json();
    expect(mine.items.map((r: { villageName: string; status: string }) => [r.villageName, r.status])).toEqual([
      ['甲一村', 'approved'],
      ['甲二村', 'not_started'],
    ]);
    expect((await town2.get(`/api/campaigns/${campaignId}/self-evaluations`)).json().items.map((r: { villageName: string }) => r.villageName)).toEqual(['乙一村', '乙二村']);
  });

  it('when the department sends it back with a reason, then the town has it again and may return it to the village', async () => {
    expect((await org.post(url('/unapprove'), {})).statusCode).toBe(400);
    const back = await org.post(url('/unapprove'), { reason: '得分与台账不符，请镇里复核' });
    expect(back.json()).toMatchObject({ status: 'submitted', returnedBy: 'city', returnReason: '得分与台账不符，请镇里复核', reviewed: null });
    expect((await town1.get(url())).json().actions).toEqual(['approve', 'return']);
    expect((await v11.get(url())).json().actions).toEqual([]);
    const [row] = await auditRows(t.app, 'selfeval.unapprove');
    expect(row).toMatchObject({ username: 'orgadmin', before: { status: 'approved' }, after: { status: 'submitted', reason: '得分与台账不符，请镇里复核' } });
    expect((await town1.post(url('/approve'), {})).json().status).toBe('approved');
  });

  it('when a village save that started before the approval arrives, then it is refused and the stored row is as approved', async () => {
    const before = (await v11.get(url())).json();
    expect(errorOf(await v11.put(url(), { version: before.version - 1, items: items(0.1) }))).toBe('selfeval.locked');
    const rows = (await t.app.services.db.execute(sql`SELECT status, version FROM self_evaluations WHERE village_id = ${village()}`)) as unknown as { rows: { status: string; version: number }[] };
    expect(rows.rows).toEqual([{ status: 'approved', version: before.version }]);
  });
});
