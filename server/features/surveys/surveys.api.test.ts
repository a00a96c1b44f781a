// The phone survey through HTTP on a fresh database (PGlite, or PostgreSQL with DATABASE_URL):
// codes issued by the team, answered once from a phone, revoked, closed, counted in the progress,
// and fed to the engine beside the paper counts.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { makeAccount } from '../../../test/factories.js';
import { insertOrgUnits } from '../orgs/orgs.queries.js';
import { campaignInMutualStage, stageWindows } from '../../../test/evaluation-stage-factories.js';
import { checkCharacter, codeAlphabet } from '../../../shared/survey-code.js';

let t: TestApp;
let org: Client;
let town1: Client;
let campaignId: string;
const v = () => t.city.villages;
const codesUrl = (villageId: string) => `/api/campaigns/${campaignId}/villages/${villageId}/survey-codes`;

let lastAddress = 0;
/** A phone at its own address, so one test's requests do not count against another's limit. */
function phone(ip = `10.20.${Math.floor(++lastAddress / 250)}.${lastAddress % 250}`, userAgent = 'Mozilla/5.0 (Linux; Android 8.1)') {
  const headers = { 'user-agent': userAgent };
  return {
    open: (code: string) => t.app.inject({ method: 'GET', url: `/api/public/surveys/${code}`, remoteAddress: ip, headers }),
    submit: (code: string, body: Record<string, unknown> = {}) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/surveys/${code}`,
        remoteAddress: ip,
        headers,
        payload: { submissionId: randomUUID(), satisfaction: 'satisfied', topics: {}, ...body },
      }),
  };
}

async function issue(client: Client, villageId: string, count: number): Promise<string[]> {
  const res = await client.post(codesUrl(villageId), { count });
  if (res.statusCode !== 200) throw new Error(`issue: ${res.body}`);
  return (res.json().codes as { code: string }[]).map((c) => c.code);
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.app.services.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const progressOf = async (villageId: string) => ((await org.get(`/api/campaigns/${campaignId}/survey-progress`)).json().villages as { villageId: string }[]).find((x) => x.villageId === villageId) as Record<string, unknown>;

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInMutualStage(t, 2026));
  town1 = await loginAs(t.app, 'town1');
});
afterAll(() => t.close());

describe('issuing household codes', () => {
  it('when the team issues codes for a village it evaluates, then it gets them once, printable, and only their hashes are stored', async () => {
    const res = await town1.post(codesUrl(v().town2[0].id), { count: 3 });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ batchNo: 1, villageName: '乙一村', townName: '乙镇', campaignName: '2026年度五星级创建' });
    expect(body.codes).toHaveLength(3);
    for (const c of body.codes) {
      expect(c.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{17}$/);
      expect(c.display).toBe(`${c.code.slice(0, 4)}-${c.code.slice(4, 8)}-${c.code.slice(8, 12)}-${c.code.slice(12, 16)}-${c.code.slice(16)}`);
      expect(c.path).toBe(`/m/survey/${c.code}`);
    }
    // No table holds a code in clear.
    const dump = JSON.stringify(await rows(sql`SELECT * FROM survey_codes`));
    for (const c of body.codes) expect(dump).not.toContain(c.code);
    expect(await rows(sql`SELECT count(*)::int AS n FROM survey_codes WHERE code_hash ~ '^[0-9a-f]{64}$'`)).toEqual([{ n: 3 }]);
    expect(await auditRows(t.app, 'survey.codes_issue')).toEqual([expect.objectContaining({ object_type: 'survey_codes', after: { batchNo: 1, count: 3 } })]);
  });

  it('when someone without a part in the village issues, then the other team and the village admin get 404, and nothing is stored', async () => {
    const before = await rows(sql`SELECT count(*)::int AS n FROM survey_codes`);
    expect((await (await loginAs(t.app, 'town2')).post(codesUrl(v().town2[0].id), { count: 2 })).statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'v21')).post(codesUrl(v().town2[0].id), { count: 2 })).statusCode).toBe(404);
    expect((await town1.post(codesUrl(v().town2[0].id), { count: 0 })).json().error.code).toBe('validation.failed');
    expect((await town1.post(codesUrl(v().town2[0].id), { count: 501 })).json().error.code).toBe('validation.failed');
    expect((await town1.post(codesUrl(v().town2[0].id), { count: 2, note: 'x' })).json().error.code).toBe('validation.unknown_field');
    expect(await rows(sql`SELECT count(*)::int AS n FROM survey_codes`)).toEqual(before);
  });

  it('when the department issues, then it may for any village (batches are numbered per village)', async () => {
    const res = await org.post(codesUrl(v().town1[0].id), { count: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json().batchNo).toBe(1);
    expect((await org.post(codesUrl(v().town1[0].id), { count: 1 })).json().batchNo).toBe(2);
  });
});

describe('answering from a phone', () => {
  it('when a villager opens a code, then the page gets the village and the questions; a wrong check character 400; an unknown code 404', async () => {
    const [code] = await issue(town1, v().town2[0].id, 1);
    const p = phone();
    const res = await p.open(code as string);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ villageName: '乙一村', townName: '乙镇', opens: '2026-03-01', closes: '2026-03-31', topics: [{ id: 'service' }, { id: 'openness' }, { id: 'conduct' }] });
    const body = (code as string).slice(0, 16);
    const wrong = codeAlphabet[(codeAlphabet.indexOf(checkCharacter(body)) + 1) % 32];
    expect((await p.open(body + wrong)).json().error.code).toBe('survey_code.malformed');
    expect((await p.open('not-a-code')).statusCode).toBe(400);
    const unknown = 'ABCDEFGHJKMNPQRS';
    const res404 = await p.open(unknown + checkCharacter(unknown));
    expect([res404.statusCode, res404.json().error.code]).toEqual([404, 'survey_code.not_found']);
    // Typed with dashes and lower case, the same card opens.
    expect((await p.open((code as string).toLowerCase().replace(/(.{4})/g, '$1-'))).statusCode).toBe(200);
  });

  it('when a code is answered, then a receipt comes back; a second answer gets 409 该二维码已使用 and changes nothing; the same phone retrying gets the same receipt', async () => {
    const [code] = (await issue(town1, v().town2[0].id, 1)) as [string];
    const p = phone();
    const submissionId = randomUUID();
    const first = await p.submit(code, { submissionId, satisfaction: 'basically_satisfied', topics: { service: 'satisfied', conduct: 'unsatisfied' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ villageName: '乙一村', receiptNo: expect.stringMatching(/^R[0-9A-Z]{5}-[0-9A-Z]{5}$/) });
    const second = await p.submit(code, { satisfaction: 'unsatisfied' });
    expect([second.statusCode, second.json().error.code, second.json().error.message]).toEqual([409, 'survey_code.used', '该二维码已使用']);
    const retry = await p.submit(code, { submissionId, satisfaction: 'basically_satisfied' });
    expect(retry.json()).toEqual(first.json());
    const stored = await rows<{ satisfaction: string; topics: unknown }>(sql`SELECT satisfaction, topics FROM survey_responses WHERE receipt_no = ${first.json().receiptNo}`);
    expect(stored).toEqual([{ satisfaction: 'basically_satisfied', topics: { service: 'satisfied', conduct: 'unsatisfied' } }]);
    expect((await p.open(code)).json().error.code).toBe('survey_code.used');
  });

  it('when the answer is malformed, then 400 and the code stays unused', async () => {
    const [code] = (await issue(town1, v().town2[0].id, 1)) as [string];
    const p = phone();
    expect((await p.submit(code, { satisfaction: 'very' })).json().error.code).toBe('validation.failed');
    expect((await p.submit(code, { name: '张三' })).json().error.code).toBe('validation.unknown_field');
    expect((await p.submit(code, { submissionId: 'x' })).json().error.code).toBe('validation.failed');
    const unknownTopic = await p.submit(code, { topics: { roads: 'satisfied' } });
    expect([unknownTopic.statusCode, unknownTopic.json().error.code, unknownTopic.json().error.details]).toEqual([400, 'survey.unknown_topic', { topics: ['roads'] }]);
    expect((await p.submit(code)).statusCode).toBe(200);
  });

  it('when 50 phones submit one code at the same moment, then exactly one succeeds and one answer is stored', async () => {
    const [code] = (await issue(town1, v().town2[1].id, 1)) as [string];
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => phone(`10.99.0.${i + 1}`).submit(code, { satisfaction: i % 2 ? 'satisfied' : 'unsatisfied' })));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // Beyond the per-code limit the rest are 429; none of them wrote anything.
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409 || s === 429)).toBe(true);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'survey_code.used')).toBe(true);
    expect(await rows(sql`SELECT count(*)::int AS n FROM survey_responses r JOIN survey_codes c ON c.county_id = r.county_id AND c.id = r.code_id WHERE c.village_id = ${v().town2[1].id}`)).toEqual([{ n: 1 }]);
  });

  it('when stage 1 has not opened or has closed, then 409 with the dates, and the code is still unused', async () => {
    const [code] = (await issue(town1, v().town2[0].id, 1)) as [string];
    const p = phone();
    t.clock.set(new Date('2026-04-01T02:00:00Z'));
    const ended = await p.submit(code);
    expect([ended.statusCode, ended.json().error.code, ended.json().error.details]).toEqual([409, 'survey_code.ended', { opens: '2026-03-01', closes: '2026-03-31' }]);
    t.clock.set(new Date('2026-03-03T02:00:00Z'));
    // A campaign not started yet: its codes wait.
    const next = await org.post('/api/campaigns', { year: 2027, name: '2027年度五星级创建', standardId: (await org.get(`/api/campaigns/${campaignId}`)).json().standardId, windows: stageWindows(2027) });
    expect(next.statusCode).toBe(200);
    const res = await org.post(`/api/campaigns/${next.json().id}/villages/${v().town1[1].id}/survey-codes`, { count: 1 });
    expect(res.statusCode).toBe(200);
    const later = res.json().codes[0].code as string;
    const notOpen = await p.submit(later);
    expect([notOpen.statusCode, notOpen.json().error.code, notOpen.json().error.details]).toEqual([409, 'survey_code.not_open', { opens: '2027-03-01', closes: '2027-03-31' }]);
    expect((await p.submit(code)).statusCode).toBe(200);
  });

  it('when it is the last evening of stage 1 in China, then an answer is taken; half an hour after midnight it is 409 ended', async () => {
    const [late, later] = (await issue(org, v().town1[1].id, 2)) as [string, string];
    const p = phone();
    const today = t.clock.now();
    t.clock.set(new Date('2026-03-31T15:50:00Z')); // 23:50 on 31 March in China
    expect((await p.submit(late)).statusCode).toBe(200);
    t.clock.set(new Date('2026-03-31T16:30:00Z')); // 00:30 on 1 April
    expect((await p.submit(later)).json().error.code).toBe('survey_code.ended');
    t.clock.set(today);
  });
});

describe('revoking and closing', () => {
  it('when the team revokes a typed code or a batch, then those cards answer 409 作废; a used code cannot be revoked', async () => {
    const issued = await town1.post(codesUrl(v().town2[1].id), { count: 3 });
    const { batchNo, codes } = issued.json() as { batchNo: number; codes: { code: string; display: string }[] };
    const p = phone();
    expect((await p.submit(codes[0]!.code)).statusCode).toBe(200);
    const one = await town1.post(`${codesUrl(v().town2[1].id)}/revoke`, { codes: [codes[1]!.display] });
    expect(one.json()).toEqual({ revoked: 1 });
    const refused = await p.submit(codes[1]!.code);
    expect([refused.statusCode, refused.json().error.code, refused.json().error.message]).toEqual([409, 'survey_code.revoked', '该二维码已作废']);
    expect((await town1.post(`${codesUrl(v().town2[1].id)}/revoke`, { codes: [codes[0]!.code] })).json().error.code).toBe('survey.codes_not_found');
    expect((await town1.post(`${codesUrl(v().town2[1].id)}/revoke`, { codes: ['123'] })).json().error.code).toBe('survey_code.malformed');
    expect((await town1.post(`${codesUrl(v().town2[1].id)}/revoke`, { batchNo })).json()).toEqual({ revoked: 1 });
    expect((await p.submit(codes[2]!.code)).json().error.code).toBe('survey_code.revoked');
    const progress = await progressOf(v().town2[1].id);
    expect(progress).toMatchObject({ used: 2, revoked: 2 });
    expect(await auditRows(t.app, 'survey.codes_revoke')).toHaveLength(2);
  });

  it('when the team closes a village’s survey, then its unused codes answer 409, no new codes are issued, and closing twice is refused', async () => {
    const [code] = (await issue(org, v().town1[0].id, 1)) as [string];
    const url = `/api/campaigns/${campaignId}/villages/${v().town1[0].id}/survey-close`;
    expect((await (await loginAs(t.app, 'v11')).post(url)).statusCode).toBe(404);
    expect((await org.post(url)).json()).toEqual({ ok: true });
    const closed = await phone().submit(code);
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'survey_code.village_closed']);
    expect((await org.post(codesUrl(v().town1[0].id), { count: 1 })).json().error.code).toBe('survey.village_closed');
    expect((await org.post(url)).json().error.code).toBe('survey.village_closed');
    expect(await progressOf(v().town1[0].id)).toMatchObject({ closed: true });
  });
});

describe('reopening a closed village', () => {
  const reopenUrl = (villageId: string) => `/api/campaigns/${campaignId}/villages/${villageId}/survey-reopen`;
  const closeUrl = (villageId: string) => `/api/campaigns/${campaignId}/villages/${villageId}/survey-close`;
  const closures = (villageId: string) => rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM survey_village_closures WHERE village_id = ${villageId}`);

  /** The department of another county (its own city, its own admin). */
  async function otherCountyAdmin(): Promise<Client> {
    const countyId = randomUUID();
    await insertOrgUnits(t.app.services.db, [{ id: countyId, countyId, parentId: null, level: 'city', kind: '市', name: '另一市', code: 'OTHER', path: `/${countyId}/`, partyOrgType: '党委', partyOrgName: '另一市党委' }]);
    await makeAccount(t.app.services, countyId, 'other_orgadmin', 'orgadmin', countyId);
    return loginAs(t.app, 'other_orgadmin');
  }

  it('when the department reopens a closed village with a reason, then the codes issued before closing answer again, new codes may be issued, and one audit row keeps the reason', async () => {
    const town2 = await loginAs(t.app, 'town2');
    const [before] = (await issue(org, v().town1[1].id, 1)) as [string];
    expect((await org.post(closeUrl(v().town1[1].id))).statusCode).toBe(200);
    expect((await phone().submit(before)).json().error.code).toBe('survey_code.village_closed');

    const res = await org.post(reopenUrl(v().town1[1].id), { reason: '部分农户外出务工，延长本村手机测评' });
    expect([res.statusCode, res.json()]).toEqual([200, { ok: true }]);
    expect(await closures(v().town1[1].id)).toEqual([{ n: 0 }]);
    expect(await progressOf(v().town1[1].id)).toMatchObject({ closed: false });
    // The card printed before closing is good again, and the team may issue more.
    expect((await phone().submit(before)).statusCode).toBe(200);
    expect((await town2.post(codesUrl(v().town1[1].id), { count: 1 })).statusCode).toBe(200);
    const audit = await auditRows(t.app, 'survey.village_reopen');
    expect(audit).toEqual([
      expect.objectContaining({ object_type: 'survey_codes', object_id: `${campaignId}/${v().town1[1].id}`, after: { reason: '部分农户外出务工，延长本村手机测评' }, before: expect.objectContaining({ closedAt: expect.any(String) }) }),
    ]);
    // Open already: 409, nothing written.
    const again = await org.post(reopenUrl(v().town1[1].id), { reason: '再次开放' });
    expect([again.statusCode, again.json().error.code, again.json().error.message]).toEqual([409, 'survey.village_not_closed', '本村群众测评未结束，无需重新开放']);
    expect(await auditRows(t.app, 'survey.village_reopen')).toHaveLength(1);
  });

  it('when the evaluating team reopens with a reason, then it may (the roles that may close may reopen)', async () => {
    const village = v().town2[1].id;
    expect((await town1.post(closeUrl(village))).statusCode).toBe(200);
    expect((await town1.post(reopenUrl(village), { reason: '测评组核实后继续测评' })).statusCode).toBe(200);
    expect(await closures(village)).toEqual([{ n: 0 }]);
  });

  it('when the reason is missing, empty or carries unknown fields, then 400 and the village stays closed', async () => {
    const village = v().town1[0].id;
    for (const body of [undefined, {}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
      const res = await org.post(reopenUrl(village), body);
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'validation.failed']);
    }
    expect((await org.post(reopenUrl(village), { reason: '继续测评', note: 'x' })).json().error.code).toBe('validation.unknown_field');
    expect(await closures(village)).toEqual([{ n: 1 }]);
  });

  it('when someone who may not close the village reopens it, then 404 (the village admin, its own town, the city leader, another county) and the village stays closed', async () => {
    const village = v().town1[0].id;
    const body = { reason: '继续测评' };
    for (const who of ['v11', 'town1', 'leader']) {
      const res = await (await loginAs(t.app, who)).post(reopenUrl(village), body);
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'sheet.not_assigned']);
    }
    const other = await (await otherCountyAdmin()).post(reopenUrl(village), body);
    expect(other.statusCode).toBe(404);
    expect(await closures(village)).toEqual([{ n: 1 }]);
    expect(await auditRows(t.app, 'survey.village_reopen')).toHaveLength(2);
  });

  it('when stage 1 is over, then reopening is 409 with the closing date and the village stays closed', async () => {
    const village = v().town1[0].id;
    const today = t.clock.now();
    t.clock.set(new Date('2026-04-01T02:00:00Z'));
    const res = await (await loginAs(t.app, 'orgadmin')).post(reopenUrl(village), { reason: '继续测评' });
    t.clock.set(today);
    org = await loginAs(t.app, 'orgadmin');
    expect([res.statusCode, res.json().error.code, res.json().error.message, res.json().error.details]).toEqual([
      409,
      'survey.reopen_stage_over',
      '摸底互评阶段已结束，不能再重新开放本村群众测评',
      { status: 'mutual', closes: '2026-03-31' },
    ]);
    expect(await closures(village)).toEqual([{ n: 1 }]);
  });

  it('when a computation already kept the campaign’s rating inputs, then reopening is 409: the counts a rating used do not change', async () => {
    const village = v().town1[0].id;
    // As after a rating (a computation keeps its inputs): the guard reads the kept rows themselves.
    await rows(sql`INSERT INTO campaign_rating_inputs (county_id, campaign_id, village_id, figures, satisfaction, last_year_stars, self_scores, kept_at)
      VALUES (${t.city.countyId}, ${campaignId}, ${village}, '{}', NULL, NULL, '{}', now())`);
    try {
      const res = await org.post(reopenUrl(village), { reason: '继续测评' });
      expect([res.statusCode, res.json().error.code, res.json().error.message]).toEqual([409, 'survey.reopen_rated', '本年度已生成定星建议，群众测评结果已用于评星，不能再重新开放']);
      expect(await closures(village)).toEqual([{ n: 1 }]);
    } finally {
      await rows(sql`DELETE FROM campaign_rating_inputs WHERE campaign_id = ${campaignId}`);
    }
  });
});

describe('one device, many codes', () => {
  it('when one phone answers five codes, then all five are accepted and flagged together; another phone is not flagged', async () => {
    const codes = await issue(town1, v().town2[1].id, 6);
    const busy = phone('10.77.0.1', 'OldPhone/1.0');
    for (const c of codes.slice(0, 5)) expect((await busy.submit(c)).statusCode).toBe(200);
    expect((await phone('10.77.0.2', 'OtherPhone/1.0').submit(codes[5] as string)).statusCode).toBe(200);
    const groups = await rows<{ g: string | null; n: number }>(sql`SELECT device_group AS g, count(*)::int AS n FROM survey_responses WHERE device_group IS NOT NULL GROUP BY device_group`);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.n).toBe(5);
    expect(await progressOf(v().town2[1].id)).toMatchObject({ flagged: 5 });
  });
});

describe('the questionnaire', () => {
  it('when the department edits the topics before stage 1 opens, then the phone asks them; once open, a change is 409; a town may not edit', async () => {
    const next = ((await org.get('/api/campaigns')).json().items as { id: string; year: number }[]).find((c) => c.year === 2027) as { id: string };
    const url = `/api/campaigns/${next.id}/survey-questionnaire`;
    expect((await org.get(url)).json()).toMatchObject({ canEdit: true, topics: [{ id: 'service' }, { id: 'openness' }, { id: 'conduct' }] });
    const saved = await org.put(url, { topics: [{ id: 'roads', text: '道路维护' }] });
    expect(saved.json()).toMatchObject({ canEdit: true, topics: [{ id: 'roads', text: '道路维护' }] });
    expect((await org.put(url, { topics: [{ id: 'a', text: '一' }, { id: 'a', text: '二' }] })).json().error.code).toBe('survey.duplicate_topic');
    expect((await org.put(url, { topics: [{ id: 'Bad Id', text: '一' }] })).json().error.code).toBe('validation.failed');
    expect((await town1.put(url, { topics: [] })).statusCode).toBe(403);
    const open = `/api/campaigns/${campaignId}/survey-questionnaire`;
    expect((await org.put(open, { topics: [] })).json().error.code).toBe('survey.questionnaire_locked');
    expect((await org.get(open)).json()).toMatchObject({ canEdit: false });
    expect(await auditRows(t.app, 'survey.questionnaire')).toHaveLength(1);
  });

  it('when the topics change between two submits, then the very next open and submit use the new topics (nothing keeps the old ones)', async () => {
    const village = v().town1[1].id;
    const [first, second, third] = (await issue(org, village, 3)) as [string, string, string];
    const url = `/api/campaigns/${campaignId}/survey-questionnaire`;
    const p = phone();
    expect((await p.submit(first, { topics: { service: 'satisfied' } })).statusCode).toBe(200);
    // The clock set back before stage 1 opens, when the department may edit.
    const today = t.clock.now();
    t.clock.set(new Date('2026-02-27T02:00:00Z'));
    expect((await org.put(url, { topics: [{ id: 'roads', text: '道路维护' }] })).statusCode).toBe(200);
    t.clock.set(today);
    expect((await p.open(second)).json().topics).toEqual([{ id: 'roads', text: '道路维护' }]);
    const old = await p.submit(second, { topics: { service: 'satisfied' } });
    expect([old.statusCode, old.json().error.details]).toEqual([400, { topics: ['service'] }]);
    expect((await p.submit(second, { topics: { roads: 'unsatisfied' } })).statusCode).toBe(200);
    // And back: the next submit sees the shipped topics again.
    t.clock.set(new Date('2026-02-27T02:00:00Z'));
    expect((await org.put(url, { topics: [{ id: 'service', text: '村党组织为民办事' }] })).statusCode).toBe(200);
    t.clock.set(today);
    expect((await p.submit(third, { topics: { roads: 'satisfied' } })).json().error.code).toBe('survey.unknown_topic');
    expect((await p.submit(third, { topics: { service: 'satisfied' } })).statusCode).toBe(200);
  });
});

describe('progress and the engine', () => {
  it('when answers and paper counts exist, then progress shows the rate with its source, and the engine’s explanation names it', async () => {
    const village = v().town2[0].id;
    const before = await progressOf(village);
    expect(before).toMatchObject({ source: 'phone', paper: null, phone: { satisfied: 2, basicallySatisfied: 1, unsatisfied: 0 } });
    expect(before.satisfactionRate).toBe(100);
    expect(before.responseRate).toBeCloseTo((3 / 7) * 100, 0);
    // The team also surveyed 40 households on paper.
    expect((await town1.put(`/api/campaigns/${campaignId}/villages/${village}/survey`, { sampleSize: 40, satisfied: 30, basicallySatisfied: 2, unsatisfied: 8 })).statusCode).toBe(200);
    const merged = await progressOf(village);
    expect(merged).toMatchObject({ source: 'merged', paper: { sampleSize: 40 } });
    expect(merged.satisfactionRate).toBe(81.4); // (32 + 3) / 43 with 基本满意 in full
    const all = (await org.get(`/api/campaigns/${campaignId}/survey-progress`)).json();
    expect(all.towns.map((x: { townName: string }) => x.townName).sort()).toEqual(['乙镇', '甲镇']);
    expect(all.city.issued).toBeGreaterThan(0);

    for (const to of ['department', 'city']) expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to, reason: '测试：提前推进' })).statusCode).toBe(200);
    t.clock.set(new Date('2026-05-06T02:00:00Z'));
    org = await loginAs(t.app, 'orgadmin');
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    const result = (await org.get(`/api/campaigns/${campaignId}/villages/${village}/evaluation`)).json().result;
    expect(result.satisfactionRate).toBe(81.4);
    expect(result.steps).toContainEqual({ rule: 'satisfaction_source', text: '群众满意度测评来源：手机与纸质合并，手机 3 份 + 纸质 40 份，满意 32、基本满意 3、不满意 8，共 43 份' });
    // Rated now: a closed village cannot be reopened to take more answers.
    const reopen = await org.post(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/survey-reopen`, { reason: '补充测评' });
    expect([reopen.statusCode, reopen.json().error.code]).toEqual([409, 'survey.reopen_stage_over']);
  });
});
