// Item 27: pages anyone can open (the 公示 notice, an objection's answer, a village's published
// commitments, the problem confirmation link, the survey phone page) never show a full ID number
// or mobile number — not even when staff typed one into a text the page shows, or one was
// written into the database directly. Masks look like 138****1234 and 35*************123.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { campaignInNotice } from '../../../test/evaluation-city-factories.js';
import { campaignInMutualStage } from '../../../test/evaluation-stage-factories.js';
import { logProblem, makeCommitment, makeFieldworkPeople } from '../../../test/fieldwork-factories.js';
import { maskPersonalNumbers } from '../../http/public-masking.js';

const fullId = /\d{17}[\dXx]/;
const fullPhone = /1[3-9]\d{9}/;
const phone = '13812341234';
const idNumber = '350102198001011234';

function expectNothingFull(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(200);
  expect(res.body).not.toMatch(fullId);
  expect(res.body).not.toMatch(fullPhone);
}
const villager = (t: TestApp, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, remoteAddress: '203.0.113.27', ...(payload ? { payload } : {}) });

describe('item 27: the mask itself', () => {
  it('when a text holds an ID number and a phone, then both are masked as the rule shows and other digits are kept', () => {
    expect(maskPersonalNumbers(`身份证${idNumber}，电话${phone}，得分 93.5，2026-05-06`)).toBe('身份证35*************234，电话138****1234，得分 93.5，2026-05-06');
    expect(maskPersonalNumbers('35010219800101123X')).toBe('35*************23X');
    expect(maskPersonalNumbers('编号 123456789012345678901')).toBe('编号 123456789012345678901');
  });
});

describe('item 27: notice, objections, commitments and problem links', () => {
  let t: TestApp;
  let org: Client;
  let campaignId: string;
  let receiptNo: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ campaignId, org } = await campaignInNotice(t, 2026));
  });
  afterAll(() => t.close());

  it('when the notice runs and its campaign name was edited in the database to hold a phone, then the notice shows it masked', async () => {
    await t.app.services.db.execute(sql`UPDATE campaigns SET name = ${`2026年度五星级创建（咨询${phone}）`} WHERE id = ${campaignId}`);
    const res = await villager(t, 'GET', `/api/public/campaigns/${campaignId}/notice`);
    expectNothingFull(res);
    expect(res.body).toContain('138****1234');
  });

  it('when a villager leaves a phone and the department answers with a phone and an ID number, then the receipt page shows neither in full', async () => {
    const lodged = await villager(t, 'POST', `/api/public/campaigns/${campaignId}/objections`, { villageId: t.city.villages.town2[0].id, content: `请复核乙一村，我的电话${phone}`, contact: phone });
    expectNothingFull(lodged);
    receiptNo = lodged.json().receiptNo;
    const id = (await org.get(`/api/campaigns/${campaignId}/objections`)).json().items[0].id as string;
    expect((await org.post(`/api/campaigns/${campaignId}/objections/${id}/handle`, { decision: 'rejected', note: '经复核，评分无误' })).statusCode).toBe(200);
    const answered = await org.post(`/api/campaigns/${campaignId}/objections/${id}/answer`, { answer: `经复核维持原评定，如有疑问请联系${phone}，当事人身份证${idNumber}` });
    expect(answered.statusCode).toBe(200);
    const res = await villager(t, 'GET', `/api/public/objections/${receiptNo}`);
    expectNothingFull(res);
    expect(res.json().answer).toBe('经复核维持原评定，如有疑问请联系138****1234，当事人身份证35*************234');
  });

  it('when a published commitment and a resolved problem hold a phone in their text, then the public pages show it masked', async () => {
    const fp = await makeFieldworkPeople(t);
    const v11 = await loginAs(t.app, 'v11');
    const town1 = await loginAs(t.app, 'town1');
    const village = t.city.villages.town1[0].id;
    await makeCommitment(v11, town1, village, 'published', `为联系人${phone}修通村道`);
    expectNothingFull(await villager(t, 'GET', `/api/public/villages/${village}/commitments`));

    const problemId = await logProblem(v11, village, { title: `路灯损坏（${phone}）` });
    expect((await v11.post(`/api/problems/${problemId}/claim`, { assigneeId: fp.cadre11 })).statusCode).toBe(200);
    expect((await v11.post(`/api/problems/${problemId}/start`, {})).statusCode).toBe(200);
    const resolved = await v11.post(`/api/problems/${problemId}/resolve`, { resolution: `已修复，回访电话${phone}` });
    expect(resolved.statusCode).toBe(200);
    const token = (resolved.json().confirmPath as string).split('/').at(-1);
    const res = await villager(t, 'GET', `/api/public/problem-confirmations/${token}`);
    expectNothingFull(res);
    expect(res.json().resolution).toBe('已修复，回访电话138****1234');
  });
});

describe('item 27: the survey phone page', () => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await startTestApp();
    const { campaignId, org } = await campaignInMutualStage(t, 2026);
    code = (await org.post(`/api/campaigns/${campaignId}/villages/${t.city.villages.town2[0].id}/survey-codes`, { count: 1 })).json().codes[0].code;
    await t.app.services.db.execute(sql`UPDATE campaigns SET name = ${`群众测评 热线${phone} 身份证${idNumber}`} WHERE id = ${campaignId}`);
  });
  afterAll(() => t.close());

  it('when the phone page opens and the campaign name holds a phone and an ID number, then neither shows in full', async () => {
    const res = await villager(t, 'GET', `/api/public/surveys/${code}`);
    expectNothingFull(res);
    expect(res.json().campaignName).toBe('群众测评 热线138****1234 身份证35*************234');
  });
});
