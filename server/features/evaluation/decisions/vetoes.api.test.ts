// Vetoes bind through HTTP: a village with a confirmed 一票否决 cannot be given stars by an
// override, by 定星 of every pending village, or by a correction; a cap is a ceiling; the
// records are named in the refusal and shown to the dialog; a record confirmed after the engine
// ran (or written straight into the database) binds as well; the only way round is a revision of
// the record by an officer with a reason, then a recomputation. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { makeAccount } from '../../../../test/factories.js';
import { campaignInCityStage, scoreCityStage } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let registrar: Client;
let checker: Client;
let campaignId: string;
const v = () => t.city.villages;
const override = (villageId: string, stars: number | null, reason = '经集体研究调整') => org.post(`/api/campaigns/${campaignId}/results/${villageId}/override`, { stars, reason });
const starsOf = async (villageId: string) => {
  const rows = (await org.get(`/api/campaigns/${campaignId}/results`)).json().villages as { orgUnitId: string; stars: number | null; confirmed: boolean; overrideReason: string | null }[];
  return rows.find((r) => r.orgUnitId === villageId);
};

async function confirmedCase(villageId: string, category: string, occurredOn: string): Promise<string> {
  const created = await registrar.post('/api/violations', { villageId, personName: '张三', category, occurredOn, details: '经查实' });
  const id = created.json().id as string;
  const decided = await checker.post(`/api/violations/${id}/decide`, { to: 'confirmed', note: '经市纪委监委核实属实' });
  if (decided.statusCode !== 200) throw new Error(decided.body);
  return id;
}

let disciplineId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInCityStage(t, 2026));
  await scoreCityStage(t, org, campaignId, [1, 0.9, 0.8, 0.7]); // 3, 3, 2, 1 stars by score
  await makeAccount(t.app.services, t.city.countyId, 'inspector1', 'inspector', t.city.city.id);
  await makeAccount(t.app.services, t.city.countyId, 'inspector2', 'inspector', t.city.city.id);
  registrar = await loginAs(t.app, 'inspector1');
  checker = await loginAs(t.app, 'inspector2');
  disciplineId = await confirmedCase(v().town1[0].id, 'discipline', '2026-04-12'); // WJ000001, 甲一村: no rating
  await confirmedCase(v().town1[1].id, 'petition', '2026-04-20'); // WJ000002, 甲二村: at most 2 stars
  expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a confirmed veto binds 定星', () => {
  it('when the department raises a vetoed village to 4 stars, then 409 names the violation record and nothing changes, not even an audit row', async () => {
    const res = await override(v().town1[0].id, 4, '测试：否决村能否上调');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('results.veto_binds');
    expect(res.json().error.details.text).toContain('核查记录 WJ000001（违反党规党纪，2026-04-12）属实：一票否决，不予评星');
    expect(res.json().error.details).toMatchObject({ noRating: true, records: ['WJ000001'] });
    expect(await starsOf(v().town1[0].id)).toMatchObject({ stars: null, confirmed: false, overrideReason: null });
    expect(await auditRows(t.app, 'results.override')).toHaveLength(0);
  });

  it('when a capped village is set above its cap, then 409; at or below the cap, the override is kept with its reason', async () => {
    const above = await override(v().town1[1].id, 3);
    expect(above.json().error).toMatchObject({ code: 'results.veto_binds', details: { maxStars: 2, records: ['WJ000002'] } });
    expect(above.json().error.details.text).toContain('最多 2 星');
    expect((await override(v().town1[1].id, 1, '整改不到位，下调')).statusCode).toBe(200);
    expect(await starsOf(v().town1[1].id)).toMatchObject({ stars: 1, confirmed: true, overrideReason: '整改不到位，下调' });
  });

  it('when the dialog asks what binds a village, then it gets each record with its rule and the most stars allowed', async () => {
    const vetoed = (await org.get(`/api/campaigns/${campaignId}/results/${v().town1[0].id}/vetoes`)).json();
    expect(vetoed).toMatchObject({ noRating: true, maxStars: null, limits: [{ caseNo: 'WJ000001', categoryLabel: '违反党规党纪', ruleName: '违反党规党纪', effect: 'noRating', maxStars: null }] });
    const capped = (await org.get(`/api/campaigns/${campaignId}/results/${v().town1[1].id}/vetoes`)).json();
    expect(capped).toMatchObject({ noRating: false, maxStars: 2, limits: [{ caseNo: 'WJ000002', effect: 'capStars' }] });
    const free = (await org.get(`/api/campaigns/${campaignId}/results/${v().town2[0].id}/vetoes`)).json();
    expect(free).toEqual({ limits: [], noRating: false, maxStars: null, text: null });
  });

  it('when another role tries the override or reads what binds, then 403 and nothing changes', async () => {
    await makeAccount(t.app.services, t.city.countyId, 'judge1', 'judge', t.city.city.id);
    for (const name of ['town1', 'judge1', 'inspector2']) {
      const c = await loginAs(t.app, name);
      expect((await c.post(`/api/campaigns/${campaignId}/results/${v().town1[0].id}/override`, { stars: 5, reason: '越权' })).statusCode).toBe(403);
      expect((await c.get(`/api/campaigns/${campaignId}/results/${v().town1[0].id}/vetoes`)).statusCode).toBe(403);
    }
    expect((await starsOf(v().town1[0].id))?.stars).toBeNull();
  });

  it('when a case is confirmed after the engine ran, or written straight into the database, then 定星 of the pending villages is refused naming each village and record', async () => {
    await confirmedCase(v().town2[0].id, 'crime', '2026-05-01'); // WJ000003, 乙一村 still holds 2 stars from the engine
    await t.app.services.db.execute(sql`
      INSERT INTO violation_records (county_id, seq, village_id, org_path, category, occurred_on, status, person_name_enc, person_name_masked, reported_by, reported_at, updated_at)
      SELECT county_id, 4, id, path, 'discipline', '2026-05-02', 'confirmed', 'x', '李*', (SELECT id FROM users WHERE username = 'inspector1'), now(), now()
      FROM org_units WHERE id = ${v().town2[1].id}`);
    const res = await org.post(`/api/campaigns/${campaignId}/results/confirm`);
    expect(res.statusCode).toBe(409);
    const refusals = res.json().error.details.refusals as { name: string; text: string }[];
    expect(refusals.map((r) => r.name)).toEqual(['乙一村', '乙二村']);
    expect(refusals[0]?.text).toContain('WJ000003');
    expect(refusals[1]?.text).toContain('WJ000004');
    expect((await starsOf(v().town2[0].id))?.confirmed).toBe(false);
    expect(await auditRows(t.app, 'results.confirm')).toHaveLength(0);
  });

  it('when the department recomputes, then the late records are applied and 定星 goes through', async () => {
    const report = (await org.post(`/api/campaigns/${campaignId}/results/compute`)).json();
    expect(report.changes.map((c: { name: string; engineStarsAfter: number | null }) => [c.name, c.engineStarsAfter])).toEqual([
      ['乙一村', null],
      ['乙二村', null],
    ]);
    expect((await org.post(`/api/campaigns/${campaignId}/results/confirm`)).statusCode).toBe(200);
  });
});

describe('the only way round: the record is revised', () => {
  it('when the registrar or a scorer tries to revise the decision, then 403; another officer revises it with a reason, audited', async () => {
    expect((await registrar.post(`/api/violations/${disciplineId}/revise`, { to: 'dismissed', reason: '复核' })).json().error.code).toBe('violation.own_record');
    expect((await org.post(`/api/violations/${disciplineId}/revise`, { to: 'dismissed', reason: '复核' })).statusCode).toBe(403);
    expect((await checker.post(`/api/violations/${disciplineId}/revise`, { to: 'dismissed', reason: '  ' })).statusCode).toBe(400);
    expect((await checker.post(`/api/violations/${disciplineId}/revise`, { to: 'confirmed', reason: '维持' })).json().error.code).toBe('violation.invalid_transition');
    const res = await checker.post(`/api/violations/${disciplineId}/revise`, { to: 'dismissed', reason: '经市纪委复核，当事人已于 2025 年调离本村' });
    expect(res.json()).toMatchObject({ caseNo: 'WJ000001', status: 'dismissed', decidedByName: 'inspector2 测试' });
    const audit = await auditRows(t.app, 'violation.revise');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { caseNo: 'WJ000001', status: 'confirmed' }, after: { status: 'dismissed', reason: '经市纪委复核，当事人已于 2025 年调离本村' } });
  });

  it('when the department then recomputes, then the village gets its stars back and the report says why', async () => {
    const report = (await org.post(`/api/campaigns/${campaignId}/results/compute`)).json();
    const change = (report.changes as { name: string; engineStarsBefore: number | null; engineStarsAfter: number | null; why: string }[]).find((c) => c.name === '甲一村');
    expect(change).toMatchObject({ engineStarsBefore: null, engineStarsAfter: 3 });
    expect(change?.why).toContain('不再适用：一票否决：违反党规党纪');
    expect((await override(v().town1[0].id, 3, '复核后恢复')).statusCode).toBe(200);
  });
});

describe('corrections are bound too', () => {
  it('when the notice runs and a vetoed village is corrected upwards, then 409 names the record', async () => {
    expect((await org.post(`/api/campaigns/${campaignId}/results/confirm`)).statusCode).toBe(200);
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'notice', reason: '测试：只为部分村打分' })).statusCode).toBe(200);
    const res = await org.post(`/api/campaigns/${campaignId}/results/${v().town2[0].id}/correct`, { stars: 3, reason: '公示期间上调' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.text).toContain('WJ000003');
    expect((await org.post(`/api/campaigns/${campaignId}/results/${v().town1[1].id}/correct`, { stars: 2, reason: '公示期间核实' })).statusCode).toBe(200);
    expect((await org.post(`/api/campaigns/${campaignId}/results/${v().town1[1].id}/correct`, { stars: 3, reason: '再上调' })).json().error.code).toBe('results.veto_binds');
  });
});
