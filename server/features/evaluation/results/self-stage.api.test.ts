// The self-evaluation as a stage of the rating, through HTTP on a real database. No shipped
// standard the app loads has a self stage, so the standard here is Tumen's with one added: counted
// (10 %) in one campaign, reference only in another. Only approved self-evaluations are rated; a
// counted stage without approval is a blocker a reason may pass; reproduce rates the self points
// the computation kept, so a later unapproval changes nothing until the next computation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standard } from '../../../../shared/standards/standard.js';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { citySheetAt, tumenStandard, windowsOf } from '../../../../test/evaluation-city-factories.js';
import { readStandard } from '../../standards/engine/standard-validate.js';
import type { Ctx } from '../../../context.js';
import { reproduceCampaign } from '../seals/reproduce.service.js';

let t: TestApp;
let org: Client;
const ja1 = () => t.city.villages.town1[0].id; // 甲一村: its self-evaluation is approved
const ja2 = () => t.city.villages.town1[1].id; // 甲二村: none
const operator = () => ({ ...t.app.services, principal: { countyId: t.city.countyId, userId: '', username: 'cli', displayName: '命令行', roles: [], sessionId: '', csrfToken: '' } }) as unknown as Ctx;

/** Tumen's standard with a 村自评 stage scoring every scored indicator: counted at `weight` %, or reference only at 0. */
async function withSelfStage(weight: number): Promise<Standard> {
  const s = readStandard(await tumenStandard());
  const own: Record<string, number> = { mutual: 5, department: 5, city: 90 - weight };
  return {
    ...s,
    id: `tumen-self-${weight}`,
    version: `2026.self-${weight}`,
    stages: [
      weight > 0 ? { id: 'self', name: '村自评', kind: 'self', weight } : { id: 'self', name: '村自评', kind: 'self', weight: 0, referenceOnly: true },
      ...s.stages.map((st) => ({ ...st, weight: own[st.id] as number })),
    ],
    dimensions: s.dimensions.map((d) => ({ ...d, indicators: d.indicators.map((i) => (i.kind === 'scored' ? { ...i, stages: ['self', ...i.stages] } : i)) })),
  };
}

/** A draft campaign of `year` on that standard (the campaign takes the standard's weights), 甲一村's self-evaluation approved at 80 %. */
async function campaignWithApprovedSelf(year: number, weight: number): Promise<string> {
  t.clock.set(new Date(`${year}-02-20T02:00:00Z`));
  org = await loginAs(t.app, 'orgadmin');
  const standard = await org.post('/api/standards', { document: await withSelfStage(weight) });
  expect(standard.statusCode).toBe(200);
  const campaign = await org.post('/api/campaigns', { year, name: `${year}年度五星级创建`, standardId: standard.json().id, windows: windowsOf(year) });
  expect(campaign.statusCode).toBe(200);
  const campaignId = campaign.json().id as string;
  const url = (suffix = '') => `/api/campaigns/${campaignId}/villages/${ja1()}/self-evaluation${suffix}`;
  const v11 = await loginAs(t.app, 'v11');
  const indicators = (await v11.get(url())).json().indicators as { id: string; maxPoints: number }[];
  const items = indicators.map((i) => ({ indicatorId: i.id, points: Math.round(i.maxPoints * 80) / 100, note: '' }));
  expect((await v11.put(url(), { version: 0, items })).statusCode).toBe(200);
  expect((await v11.post(url('/submit'), {})).statusCode).toBe(200);
  expect((await (await loginAs(t.app, 'town1')).post(url('/approve'), {})).json().status).toBe('approved');
  return campaignId;
}

async function toDepartmentStage(campaignId: string) {
  for (const to of ['mutual', 'department']) expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to, reason: '测试数据：提前推进' })).statusCode).toBe(200);
}

/** Tries the gate to the city stage; once through, scores every village's city sheet at 80 %. */
async function toCityStageAndScore(campaignId: string, year: number, reason: string | undefined) {
  const res = await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'city', reason });
  if (res.statusCode !== 200) return res;
  t.clock.set(new Date(`${year}-05-06T02:00:00Z`));
  org = await loginAs(t.app, 'orgadmin');
  for (const v of [...t.city.villages.town1, ...t.city.villages.town2]) {
    expect((await org.put(`/api/campaigns/${campaignId}/sheets/city/${v.id}`, { scores: await citySheetAt(0.8) })).statusCode).toBe(200);
  }
  return res;
}

const evaluation = async (campaignId: string, villageId: string) => (await org.get(`/api/campaigns/${campaignId}/villages/${villageId}/evaluation`)).json();
const selfStep = (e: { result: { steps: { rule: string }[] } }) => e.result.steps.find((s) => s.rule === 'self_stage') as unknown as { text: string; contribution: number; rawPoints: number; approved: boolean };
const compute = async (campaignId: string) => expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('a counted self stage', () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = await campaignWithApprovedSelf(2026, 10);
    await toDepartmentStage(campaignId);
  });

  it('when villages have no approved self-evaluation, then the gate to the city stage lists them as a blocker a written reason passes', async () => {
    const refused = await toCityStageAndScore(campaignId, 2026, undefined);
    expect(refused.statusCode).toBe(409);
    const blocker = (refused.json().error.details.blockers as { kind: string; count: number; overridable: boolean; text: string; details: string[] }[]).find((b) => b.kind === 'unapproved_self_evaluations');
    expect(blocker).toMatchObject({ count: 3, overridable: true });
    expect(blocker?.text).toContain('3 个村的村自评未审核通过');
    expect(blocker?.details).toContain('甲镇甲二村：村自评未审核通过（未填报）');
    expect(blocker?.details.some((d) => d.includes('甲一村'))).toBe(false);
    expect((await toCityStageAndScore(campaignId, 2026, '自评审核滞后，先行开展市级考评')).statusCode).toBe(200);
    const row = (await auditRows(t.app, 'campaign.advance_override')).find((r) => (r.after as { status: string }).status === 'city');
    const after = row?.after as { status: string; reason: string; overridden: { kind: string }[] };
    expect(after).toMatchObject({ status: 'city', reason: '自评审核滞后，先行开展市级考评' });
    expect(after.overridden.map((b) => b.kind)).toContain('unapproved_self_evaluations');
  });

  it('when the results are computed, then the approved points count with the stage’s weight and the explanation names the contribution', async () => {
    await compute(campaignId);
    const [approved, none] = [await evaluation(campaignId, ja1()), await evaluation(campaignId, ja2())];
    const step = selfStep(approved);
    expect(step.approved).toBe(true);
    expect(step.contribution).toBeGreaterThan(0);
    expect(step.text).toMatch(/^村自评（镇已审核通过）原始分 [\d.]+ 分，权重 10%，计入指标得分 [\d.]+ 分$/);
    expect(approved.result.stageScores.self).toBe(step.rawPoints);
    // Same city sheets: the only difference is the self stage (each total rounded once, so within a hundredth).
    expect(Math.abs(approved.result.score - none.result.score - step.contribution)).toBeLessThanOrEqual(0.01);
    expect(selfStep(none).text).toBe('村自评未审核通过，按 0 计（权重 10%），计入指标得分 0.00 分');
    expect(approved.selfStage).toMatchObject({ name: '村自评', counted: true, weight: 10, status: 'approved', total: step.rawPoints });
    expect(Object.keys(approved.selfStage.points).length).toBe(approved.selfStage.indicatorIds.length);
    expect(none.selfStage).toMatchObject({ status: 'not_started', points: {}, total: null });
  });

  it('when the department sends the approved self-evaluation back, then the stored result and reproduce stay as computed until the next computation', async () => {
    const before = await evaluation(campaignId, ja1());
    expect(await reproduceCampaign(operator(), campaignId)).toMatchObject({ villages: 4, identical: 4, differences: [] });
    const back = await org.post(`/api/campaigns/${campaignId}/villages/${ja1()}/self-evaluation/unapprove`, { reason: '得分与台账不符' });
    expect(back.json().status).toBe('submitted');
    expect((await evaluation(campaignId, ja1())).result.score).toBe(before.result.score);
    expect(await reproduceCampaign(operator(), campaignId)).toMatchObject({ identical: 4, differences: [] });
    await compute(campaignId);
    const after = await evaluation(campaignId, ja1());
    expect(after.result.score).toBe((await evaluation(campaignId, ja2())).result.score);
    expect(selfStep(after).approved).toBe(false);
    expect(after.selfStage).toMatchObject({ status: 'submitted', points: {}, total: null });
    expect(await reproduceCampaign(operator(), campaignId)).toMatchObject({ identical: 4, differences: [] });
  });
});

describe('a reference-only self stage', () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = await campaignWithApprovedSelf(2027, 0);
    await toDepartmentStage(campaignId);
  });

  it('when villages have no approved self-evaluation, then nothing blocks the gate for it', async () => {
    const refused = await toCityStageAndScore(campaignId, 2027, undefined);
    const kinds = (refused.json().error?.details?.blockers ?? []).map((b: { kind: string }) => b.kind);
    expect(kinds).not.toContain('unapproved_self_evaluations');
    expect((await toCityStageAndScore(campaignId, 2027, '测试数据：提前进入市级考评')).statusCode).toBe(200);
  });

  it('when the results are computed, then the approved points are shown, marked reference only, and the total is unchanged', async () => {
    await compute(campaignId);
    const [approved, none] = [await evaluation(campaignId, ja1()), await evaluation(campaignId, ja2())];
    const step = selfStep(approved);
    expect(step.text).toMatch(/^村自评（镇已审核通过）原始分 [\d.]+ 分，仅供参考，不计入总分$/);
    expect(step.contribution).toBe(0);
    expect(approved.result.stageScores.self).toBe(step.rawPoints);
    expect(approved.result.score).toBe(none.result.score);
    expect(approved.selfStage).toMatchObject({ counted: false, weight: 0, status: 'approved', total: step.rawPoints });
    expect(await reproduceCampaign(operator(), campaignId)).toMatchObject({ identical: 4, differences: [] });
  });
});

describe('hand-set weights with a counted self stage', () => {
  let standardId: string;
  const create = (year: number, stageWeights: Record<string, number>) => org.post('/api/campaigns', { year, name: `${year}年度五星级创建`, standardId, windows: windowsOf(year), stageWeights });
  beforeAll(async () => {
    t.clock.set(new Date('2028-02-20T02:00:00Z'));
    org = await loginAs(t.app, 'orgadmin');
    const standard = await org.post('/api/standards', { document: { ...(await withSelfStage(10)), id: 'tumen-self-weights', version: '2028.self-weights' } });
    expect(standard.statusCode).toBe(200);
    standardId = standard.json().id;
  });

  it('when created without weights, then the campaign shows the standard’s four weights, the self stage’s among them', async () => {
    const res = await org.post('/api/campaigns', { year: 2028, name: '2028年度五星级创建', standardId, windows: windowsOf(2028) });
    expect(res.json().stageWeights).toEqual({ mutual: 5, department: 5, city: 80, self: 10 });
  });

  it('when the four weights are set by hand and add up to 100, then the campaign keeps them and a draft may change them', async () => {
    const res = await create(2029, { mutual: 10, department: 20, city: 50, self: 20 });
    expect(res.statusCode).toBe(200);
    expect(res.json().stageWeights).toEqual({ mutual: 10, department: 20, city: 50, self: 20 });
    const id = res.json().id as string;
    const updated = await org.patch(`/api/campaigns/${id}`, { stageWeights: { mutual: 20, department: 20, city: 45, self: 15 } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().stageWeights).toEqual({ mutual: 20, department: 20, city: 45, self: 15 });
  });

  it('when the three weights add up to 100 but the counted self stage is left at its 10, then 400 names the stages and the sum, and nothing is created', async () => {
    const res = await create(2030, { mutual: 20, department: 30, city: 50 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'campaign.weights_not_100', message: '计分阶段的权重之和应为 100', details: { field: 'stageWeights', sum: 110 } });
    expect(res.json().error.details.text).toBe('摸底互评、部门点评、市级考评、村自评的权重之和现为 110，应为 100');
    const short = await create(2030, { mutual: 20, department: 30, city: 40, self: 5 });
    expect(short.json().error.details).toMatchObject({ sum: 95 });
    expect((await org.get('/api/campaigns?page=1&pageSize=50')).json().items.some((c: { year: number }) => c.year === 2030)).toBe(false);
  });

  it('when a standard without a self stage is given a self weight, then 400 campaign.no_self_stage points at it', async () => {
    const plain = await org.post('/api/standards', { document: { ...(await tumenStandard()), version: '2031-无自评' } });
    const res = await org.post('/api/campaigns', { year: 2031, name: 'x', standardId: plain.json().id, windows: windowsOf(2031), stageWeights: { mutual: 20, department: 30, city: 40, self: 10 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'campaign.no_self_stage', details: { field: 'stageWeights.self' } });
  });
});
