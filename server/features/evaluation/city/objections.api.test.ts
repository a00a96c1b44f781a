// The public notice and its objections through HTTP: villagers read the proposed results and
// lodge objections without an account; the department handles and answers them; the campaign
// becomes final only when every objection is answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInCityStage, proposeAndNotice, scoreCityStage } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
let noticeEnds: string;
const v = () => t.city.villages;
const receipts: string[] = [];

function villager(method: 'GET' | 'POST', url: string, payload?: object, ip = '203.0.113.7') {
  return t.app.inject({ method, url, remoteAddress: ip, ...(payload ? { payload } : {}) });
}
const objectionIds = async () =>
  Object.fromEntries(((await org.get(`/api/campaigns/${campaignId}/objections`)).json().items as { id: string; receiptNo: string }[]).map((o) => [o.receiptNo, o.id]));

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInCityStage(t, 2026));
  await scoreCityStage(t, org, campaignId, [1, 0.9, 0.8, 0.7]);
});
afterAll(() => t.close());

describe('the public notice', () => {
  it('when the campaign is not in notice yet, then the notice does not exist for the public', async () => {
    const res = await villager('GET', `/api/public/campaigns/${campaignId}/notice`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('notice.not_found');
  });

  it('when the notice runs, then anyone sees villages with town, score, stars and ranks, the period, and nothing personal', async () => {
    ({ noticeEnds } = await proposeAndNotice(org, campaignId));
    const res = await villager('GET', `/api/public/campaigns/${campaignId}/notice`);
    expect(res.statusCode).toBe(200);
    const notice = res.json();
    expect(notice).toMatchObject({ phase: 'notice', noticeStarts: '2026-05-06', noticeEnds: '2026-05-12', acceptingObjections: true, year: 2026 });
    expect(notice.villages.map((x: { name: string; stars: number; rankInCity: number }) => [x.name, x.stars, x.rankInCity])).toEqual([
      ['甲一村', 3, 1],
      ['甲二村', 3, 2],
      ['乙一村', 2, 3],
      ['乙二村', 1, 4],
    ]);
    expect(Object.keys(notice.villages[0]).sort()).toEqual(['label', 'name', 'orgUnitId', 'rankInCity', 'rankInTown', 'score', 'stars', 'townName']);
    expect(res.body).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}/);
    expect(notice.towns.map((x: { name: string }) => x.name).sort()).toEqual(['乙镇', '甲镇']);
  });
});

describe('lodging an objection', () => {
  it('when a villager objects with a contact, then a receipt comes back, the contact is stored encrypted, and the audit keeps neither content nor contact', async () => {
    const res = await villager('POST', `/api/public/campaigns/${campaignId}/objections`, { villageId: v().town2[0].id, content: '乙一村今年修通了村道，建议复核得分', contact: '13812345678' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ villageName: '乙一村' });
    expect(res.json().receiptNo).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    receipts.push(res.json().receiptNo);
    const second = await villager('POST', `/api/public/campaigns/${campaignId}/objections`, { villageId: v().town1[0].id, content: '甲一村的公示分数偏高' });
    receipts.push(second.json().receiptNo);
    const stored = (await t.app.services.db.execute(sql`SELECT contact_enc, contact_masked FROM result_objections ORDER BY lodged_at, receipt_no`)) as unknown as { rows: { contact_enc: string | null; contact_masked: string | null }[] };
    expect(JSON.stringify(stored.rows)).not.toContain('13812345678');
    expect(stored.rows.map((r) => r.contact_masked).sort()).toEqual(['138****5678', null]);
    const audit = await auditRows(t.app, 'objection.lodge');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ username: 'villager', ip: '203.0.113.7', after: { withContact: true, villageId: v().town2[0].id } });
    expect(JSON.stringify(audit)).not.toMatch(/13812345678|村道|偏高/);
  });

  it('when the village is not rated in this campaign, the content too short or a field unexpected, then 404 and 400', async () => {
    const url = `/api/public/campaigns/${campaignId}/objections`;
    expect((await villager('POST', url, { villageId: t.city.towns[0].id, content: '这个镇的评分有问题' })).statusCode).toBe(404);
    expect((await villager('POST', url, { villageId: v().town1[0].id, content: '短' })).json().error.code).toBe('validation.failed');
    expect((await villager('POST', url, { villageId: v().town1[0].id, content: '内容足够长了', name: '张三' })).json().error.code).toBe('validation.unknown_field');
  });

  it('when one address lodges more than 5 objections in 10 minutes, then 429', async () => {
    const url = `/api/public/campaigns/${campaignId}/objections`;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await villager('POST', url, { villageId: v().town1[0].id, content: '' }, '198.51.100.4')).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('when a receipt is looked up, then its status shows and no answer yet; a malformed or unknown receipt gets 400 and 404', async () => {
    const res = await villager('GET', `/api/public/objections/${receipts[0]}`);
    expect(res.json()).toMatchObject({ receiptNo: receipts[0], villageName: '乙一村', status: 'received', answer: null });
    expect((await villager('GET', '/api/public/objections/abc')).statusCode).toBe(400);
    expect((await villager('GET', '/api/public/objections/ZZZZZZZZZZ')).statusCode).toBe(404);
  });
});

describe('handling and answering', () => {
  it('when the department lists objections, then content and a masked contact show; the detail reveals the contact and that read is audited; towns get 403', async () => {
    const list = (await org.get(`/api/campaigns/${campaignId}/objections?status=received`)).json();
    expect(list.total).toBe(2);
    const first = list.items.find((o: { receiptNo: string }) => o.receiptNo === receipts[0]);
    expect(first).toMatchObject({ contactMasked: '138****5678', status: 'received', village: { name: '乙一村', townName: '乙镇' } });
    const detail = (await org.get(`/api/campaigns/${campaignId}/objections/${first.id}`)).json();
    expect(detail.contact).toBe('13812345678');
    expect(await auditRows(t.app, 'objection.view_contact')).toHaveLength(1);
    const town1 = await loginAs(t.app, 'town1');
    expect((await town1.get(`/api/campaigns/${campaignId}/objections`)).statusCode).toBe(403);
  });

  it('when the notice is over but objections are unanswered, then final is refused with their number, and new objections are refused', async () => {
    t.clock.set(new Date(`${noticeEnds}T20:00:00Z`));
    org = await loginAs(t.app, 'orgadmin');
    const res = await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'final' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'campaign.objections_open', details: { unanswered: 2 } });
    const late = await villager('POST', `/api/public/campaigns/${campaignId}/objections`, { villageId: v().town1[0].id, content: '公示期过后提出的异议' }, '192.0.2.1');
    expect(late.json().error.code).toBe('objection.notice_closed');
    expect((await villager('GET', `/api/public/campaigns/${campaignId}/notice`)).json().acceptingObjections).toBe(false);
  });

  it('when an objection is accepted with new stars, then the stars change by an audited correction, the ranks follow, and it cannot be handled twice', async () => {
    const ids = await objectionIds();
    const early = await org.post(`/api/campaigns/${campaignId}/objections/${ids[receipts[0]!]}/answer`, { answer: '已复核' });
    expect(early.json().error).toMatchObject({ code: 'objection.invalid_transition', details: { from: 'received' } });
    const res = await org.post(`/api/campaigns/${campaignId}/objections/${ids[receipts[0]!]}/handle`, { decision: 'accepted', note: '村道工程已验收，补充材料属实', stars: 4 });
    expect(res.json()).toMatchObject({ status: 'handled', decision: 'accepted', handledByName: 'orgadmin 测试' });
    expect(res.json().correctionId).not.toBeNull();
    const results = (await org.get(`/api/campaigns/${campaignId}/results`)).json();
    expect(results.villages.map((x: { name: string; stars: number; rankInCity: number; rankInTown: number }) => [x.name, x.stars, x.rankInCity, x.rankInTown])).toEqual([
      ['乙一村', 4, 1, 1],
      ['甲一村', 3, 2, 1],
      ['甲二村', 3, 3, 2],
      ['乙二村', 1, 4, 2],
    ]);
    expect((await auditRows(t.app, 'results.correct'))[0]).toMatchObject({
      before: { stars: 2, rankInCity: 3 },
      after: { stars: 4, phase: 'notice', reason: `异议（回执 ${receipts[0]}）成立：村道工程已验收，补充材料属实`, ranksMoved: 3 },
    });
    expect((await auditRows(t.app, 'objection.handle'))[0]).toMatchObject({ before: { status: 'received' }, after: { status: 'handled', decision: 'accepted' } });
    const again = await org.post(`/api/campaigns/${campaignId}/objections/${ids[receipts[0]!]}/handle`, { decision: 'rejected', note: 'x' });
    expect(again.json().error.code).toBe('objection.invalid_transition');
  });

  it('when an objection is rejected, then new stars are not allowed with it and nothing changes', async () => {
    const ids = await objectionIds();
    const withStars = await org.post(`/api/campaigns/${campaignId}/objections/${ids[receipts[1]!]}/handle`, { decision: 'rejected', note: '经复核无误', stars: 2 });
    expect(withStars.statusCode).toBe(400);
    const res = await org.post(`/api/campaigns/${campaignId}/objections/${ids[receipts[1]!]}/handle`, { decision: 'rejected', note: '经复核，评分无误' });
    expect(res.json()).toMatchObject({ decision: 'rejected', correctionId: null });
    expect(await auditRows(t.app, 'results.correct')).toHaveLength(1);
  });

  it('when both are answered, then villagers read the answer by receipt and the campaign becomes final; afterwards objections are closed', async () => {
    const ids = await objectionIds();
    await org.post(`/api/campaigns/${campaignId}/objections/${ids[receipts[0]!]}/answer`, { answer: '经复核，乙一村调整为四星。' });
    await org.post(`/api/campaigns/${campaignId}/objections/${ids[receipts[1]!]}/answer`, { answer: '经复核，甲一村评分无误，维持三星。' });
    const lookup = (await villager('GET', `/api/public/objections/${receipts[0]}`)).json();
    expect(lookup).toMatchObject({ status: 'answered', answer: '经复核，乙一村调整为四星。' });
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'final' })).json().status).toBe('final');
    const notice = (await villager('GET', `/api/public/campaigns/${campaignId}/notice`)).json();
    expect(notice).toMatchObject({ phase: 'final', acceptingObjections: false });
    expect(notice.villages[0]).toMatchObject({ name: '乙一村', stars: 4 });
    const handle = await org.post(`/api/campaigns/${campaignId}/objections/${ids[receipts[1]!]}/answer`, { answer: '再答复' });
    expect(handle.json().error.code).toBe('objection.closed');
  });
});
