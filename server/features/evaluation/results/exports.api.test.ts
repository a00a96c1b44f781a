// The rankings and town-stars workbooks through HTTP, opened back with exceljs and checked
// against the results the API gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInCityStage, campaignInNotice, finalize } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const v = () => t.city.villages;

async function openBook(payload: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  return book;
}
/** Every row below the header as plain values, keyed by the header text. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  let noticeEnds: string;
  ({ campaignId, org, noticeEnds } = await campaignInNotice(t, 2026));
  await org.post(`/api/campaigns/${campaignId}/results/${v().town2[0].id}/correct`, { stars: 4, reason: '异议成立' });
  org = await finalize(t, campaignId, noticeEnds);
});
afterAll(() => t.close());

describe('rankings workbook (拉榜排名)', () => {
  it('when the department exports, then the city sheet and one sheet per town carry the same ranks, scores and stars as the results, and the export is audited', async () => {
    const res = await org.get(`/api/campaigns/${campaignId}/exports/rankings.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('2026年度村党组织星级排名.xlsx'));
    const book = await openBook(res.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual(['全市排名', '甲镇排名', '乙镇排名', '说明']);
    const results = (await org.get(`/api/campaigns/${campaignId}/results`)).json().villages as { name: string; townName: string; score: number; stars: number; rankInCity: number; rankInTown: number }[];
    const city = rowsOf(book.getWorksheet('全市排名')!);
    expect(city.map((r) => [r['全市排名'], r['村（社区）'], r['镇（街道）'], r['总分'], r['星级'], r['镇内排名']])).toEqual(
      results.map((r) => [r.rankInCity, r.name, r.townName, r.score, r.stars, r.rankInTown]),
    );
    expect(city[0]).toMatchObject({ '村（社区）': '乙一村', '星级': 4, '一票否决': '否', '调整及更正': '公示期调整：2星→4星，异议成立' });
    const town2 = rowsOf(book.getWorksheet('乙镇排名')!);
    expect(town2.map((r) => [r['镇内排名'], r['村（社区）'], r['星级']])).toEqual([
      [1, '乙一村', 4],
      [2, '乙二村', 1],
    ]);
    expect(rowsOf(book.getWorksheet('说明')!)[1]).toEqual({ '项目': '结果状态', '内容': '已定星（最终结果）' });
    const audit = await auditRows(t.app, 'export');
    expect(audit.filter((a) => a.object_type === 'campaign_rankings')).toHaveLength(1);
    expect(audit.at(-1)).toMatchObject({ username: 'orgadmin', object_id: campaignId, after: { rows: 4, status: 'final' } });
  });

  it('when a town official exports, then only their town’s villages and sheet are in it', async () => {
    const town1 = await loginAs(t.app, 'town1');
    const book = await openBook((await town1.get(`/api/campaigns/${campaignId}/exports/rankings.xlsx`)).rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual(['全市排名', '甲镇排名', '说明']);
    expect(rowsOf(book.getWorksheet('全市排名')!).map((r) => r['村（社区）'])).toEqual(['甲一村', '甲二村']);
  });

  it('when nobody is logged in or the role cannot read campaigns, then 401 and 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/exports/rankings.xlsx` })).statusCode).toBe(401);
    expect((await (await loginAs(t.app, 'sysadmin')).get(`/api/campaigns/${campaignId}/exports/rankings.xlsx`)).statusCode).toBe(403);
  });
});

describe('town committees’ stars workbook', () => {
  it('when exported, then each town has the stars the engine gave, its villages counted and the basis in words', async () => {
    const res = await org.get(`/api/campaigns/${campaignId}/exports/town-stars.xlsx`);
    const rows = rowsOf((await openBook(res.rawPayload)).getWorksheet('镇党委星级')!);
    const towns = (await org.get(`/api/campaigns/${campaignId}/town-results`)).json().towns as { name: string; stars: number }[];
    expect(rows.map((r) => [r['镇（街道）'], r['星级'], r['村数']])).toEqual(towns.map((x) => [x.name, x.stars, 2]));
    // Step by step as for villages: the town's own score, its villages' results, then the rule.
    for (const r of rows) {
      const steps = String(r['评定依据（逐步）']).split('\n');
      expect(steps[0]).toMatch(/^1\. (镇党委自身考核得分 [\d.]+ 分|缺少镇党委自身考核得分)/);
      expect(steps[1]).toMatch(/^2\. 所辖 2 个村：/);
      expect(steps[2]).toMatch(/^3\. 按镇党委星级条件从高到低逐级比对——.*定为 \d 星/);
    }
    expect((await auditRows(t.app, 'export')).filter((a) => a.object_type === 'campaign_town_stars')).toHaveLength(1);
  });
});

describe('before and during the proposal', () => {
  it('when nothing is computed, then 409; once proposed, the workbook says the stars may still change', async () => {
    const next = await campaignInCityStage(t, 2027);
    org = next.org;
    expect((await org.get(`/api/campaigns/${next.campaignId}/exports/rankings.xlsx`)).json().error.code).toBe('results.not_computed');
    expect((await org.get(`/api/campaigns/${next.campaignId}/exports/town-stars.xlsx`)).json().error.code).toBe('results.not_computed');
    await org.post(`/api/campaigns/${next.campaignId}/results/compute`);
    const book = await openBook((await org.get(`/api/campaigns/${next.campaignId}/exports/rankings.xlsx`)).rawPayload);
    expect(rowsOf(book.getWorksheet('说明')!)[1]!['内容']).toBe('定星建议（当前阶段：市级考评），可能调整');
  });
});
