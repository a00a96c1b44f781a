// 群众测评 in stage 1 through HTTP: entered or imported by the evaluating team, checked against the
// standard, and passed as counts to the rating engine when the department computes the stars.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInMutualStage } from '../../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let town1: Client;
let campaignId: string;
const v = () => t.city.villages;
const counts = { sampleSize: 100, satisfied: 80, basicallySatisfied: 15, unsatisfied: 5 };

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('群众测评');
  sheet.addRow(['镇（街道）', '村（社区）', '村（社区）编码', '测评样本数', '满意', '基本满意', '不满意', '测评日期']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInMutualStage(t, 2026));
  town1 = await loginAs(t.app, 'town1');
});
afterAll(() => t.close());

describe('survey results of stage 1', () => {
  it('when the team enters a village’s survey, then the rate is the engine’s under the standard and the save is audited once', async () => {
    const url = `/api/campaigns/${campaignId}/villages/${v().town2[0].id}/survey`;
    const empty = (await town1.get(url)).json();
    expect(empty).toMatchObject({ survey: null, canEdit: true, lockReason: null, minSampleSize: null, basicallySatisfiedCredit: 100 });
    const res = await town1.put(url, { ...counts, surveyDate: '2026-03-02' });
    expect(res.statusCode).toBe(200);
    // 图们 counts 基本满意 in full: (80 + 15) / 100
    expect(res.json().survey).toMatchObject({ ...counts, surveyDate: '2026-03-02', rate: 95, villageName: '乙一村', enteredBy: 'town1 测试' });
    await town1.put(url, { ...counts, surveyDate: '2026-03-02' }); // unchanged: no second audit row
    const rows = await auditRows(t.app, 'survey.save');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ before: null, after: { ...counts, surveyDate: '2026-03-02' } });
  });

  it('when the counts do not add up, the date is in the future or a field is unknown, then 400 and nothing changes', async () => {
    const url = `/api/campaigns/${campaignId}/villages/${v().town2[0].id}/survey`;
    expect((await town1.put(url, { ...counts, unsatisfied: 6 })).json().error.code).toBe('survey.counts_mismatch');
    expect((await town1.put(url, { ...counts, surveyDate: '2026-03-09' })).json().error.code).toBe('survey.future_date');
    expect((await town1.put(url, { ...counts, sampleSize: 0, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 })).statusCode).toBe(400);
    expect((await town1.put(url, { ...counts, rate: 95 })).json().error.code).toBe('validation.unknown_field');
    expect((await town1.get(url)).json().survey.sampleSize).toBe(100);
  });

  it('when someone other than the team writes, then the department may only read, the other team and the village get 404', async () => {
    const url = `/api/campaigns/${campaignId}/villages/${v().town2[0].id}/survey`;
    expect((await org.get(url)).json()).toMatchObject({ canEdit: false, survey: { rate: 95 } });
    expect((await org.put(url, counts)).json().error.code).toBe('stage_work.locked');
    expect((await (await loginAs(t.app, 'town2')).put(url, counts)).statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'v21')).get(url)).statusCode).toBe(404);
    expect((await org.get(`/api/campaigns/${campaignId}/surveys`)).json()).toMatchObject({ total: 1, items: [{ villageName: '乙一村', rate: 95 }] });
  });

  it('when the team downloads the template, then it lists the villages it surveys', async () => {
    const res = await town1.get(`/api/campaigns/${campaignId}/surveys/import-template.xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '镇（街道）', '村（社区）', '村（社区）编码', '测评样本数', '满意', '基本满意', '不满意', '测评日期']);
    expect([2, 3].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value, sheet.getCell(r, 3).value])).toEqual([
      ['乙镇', '乙一村', 'T2-V1'],
      ['乙镇', '乙二村', 'T2-V2'],
    ]);
    expect((await org.get(`/api/campaigns/${campaignId}/surveys/import-template.xlsx`)).statusCode).toBe(403);
  });

  it('when an import has bad rows, then nothing is imported and every bad row is listed with its field', async () => {
    const file = await workbook([
      ['乙镇', '乙一村', '', 50, 40, 5, 4, ''],
      ['甲镇', '甲一村', '', 50, 40, 5, 5, ''],
      ['乙镇', '乙二村', '', 'x', 40, 5, 5, '2026-13-01'],
    ]);
    const res = await town1.upload(`/api/campaigns/${campaignId}/surveys/import`, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.errors).toEqual([
      { row: 2, field: '不满意', reason: '满意、基本满意、不满意人数之和应等于样本数' },
      { row: 3, field: '村（社区）', reason: '“甲镇甲一村”不在您的互评任务范围内或名称有误' },
      { row: 4, field: '测评样本数', reason: '应为不小于 0 的整数' },
      { row: 4, field: '测评日期', reason: '日期格式应为 YYYY-MM-DD' },
    ]);
    expect((await town1.get(`/api/campaigns/${campaignId}/villages/${v().town2[0].id}/survey`)).json().survey.sampleSize).toBe(100);
    expect(await auditRows(t.app, 'survey.import')).toHaveLength(0);
    expect((await town1.upload(`/api/campaigns/${campaignId}/surveys/import`, Buffer.from('not a zip'))).statusCode).toBe(415);
  });

  it('when a good file is imported, then every row is stored in one audited step, replacing the earlier result', async () => {
    const file = await workbook([
      ['乙镇', '乙一村', '', 60, 45, 10, 5, '2026-03-03'],
      ['', '', 'T2-V2', 40, 20, 10, 10, ''],
    ]);
    const res = await town1.upload(`/api/campaigns/${campaignId}/surveys/import`, file);
    expect(res.json()).toEqual({ imported: 2, errors: [] });
    const list = (await town1.get(`/api/campaigns/${campaignId}/surveys`)).json();
    expect(list.items.map((s: { villageName: string; sampleSize: number; rate: number }) => [s.villageName, s.sampleSize, s.rate])).toEqual([
      ['乙一村', 60, 91.67],
      ['乙二村', 40, 75],
    ]);
    const [row] = await auditRows(t.app, 'survey.import');
    expect(row?.before).toEqual({ replaced: { [v().town2[0].id]: [100, 80, 15, 5] } });
    expect(row?.after).toMatchObject({ count: 2 });
  });

  it('when the template comes back with one village filled and one left blank, then the blank one is not surveyed and keeps its result', async () => {
    const template = await town1.get(`/api/campaigns/${campaignId}/surveys/import-template.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const notes = book.getWorksheet('填写说明')!;
    expect(notes.getColumn(3).values.join()).toContain('都留空：该村不导入');
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(3, 2).value).toBe('乙二村');
    const fill = async (values: (string | number)[]) => {
      sheet.getRow(2).values = ['乙镇', '乙一村', 'T2-V1', ...values];
      return town1.upload(`/api/campaigns/${campaignId}/surveys/import`, Buffer.from(await book.xlsx.writeBuffer()));
    };
    const partial = await fill([60, '', '', '', '']);
    expect(partial.statusCode).toBe(422);
    expect(partial.json().error.details.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, '满意'],
      [2, '基本满意'],
      [2, '不满意'],
    ]);
    const res = await fill([60, 45, 10, 5, '2026-03-03']);
    expect(res.json()).toEqual({ imported: 1, errors: [] });
    const rows = await auditRows(t.app, 'survey.import');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.after).toMatchObject({ count: 1, notSurveyed: 1 });
    expect(Object.keys((rows[1]?.after as { surveys: object }).surveys)).toEqual([v().town2[0].id]);
    expect((await town1.get(`/api/campaigns/${campaignId}/villages/${v().town2[1].id}/survey`)).json().survey.sampleSize).toBe(40);
    // the template as downloaded, every row blank: nothing to import, said so
    const blank = await town1.upload(`/api/campaigns/${campaignId}/surveys/import`, template.rawPayload);
    expect(blank.json().error.code).toBe('import.empty');
  });

  it('when the department computes the stars, then the engine receives the survey counts', async () => {
    for (const to of ['department', 'city']) await org.post(`/api/campaigns/${campaignId}/advance`, { to, reason: '测试：提前推进' });
    const locked = await town1.put(`/api/campaigns/${campaignId}/villages/${v().town2[0].id}/survey`, counts);
    expect(locked.json().error.details.reason).toBe('摸底互评阶段已结束，评分只读');
    t.clock.set(new Date('2026-05-06T02:00:00Z'));
    org = await loginAs(t.app, 'orgadmin');
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    const rates = (await t.app.services.db.execute(
      sql`SELECT village_id, explanation->>'satisfactionRate' AS rate FROM campaign_results WHERE campaign_id = ${campaignId}`,
    )) as unknown as { rows: { village_id: string; rate: string | null }[] };
    const byVillage = Object.fromEntries(rates.rows.map((r) => [r.village_id, r.rate === null ? null : Number(r.rate)]));
    expect(byVillage).toEqual({ [v().town1[0].id]: null, [v().town1[1].id]: null, [v().town2[0].id]: 91.67, [v().town2[1].id]: 75 });
  });
});

describe('a standard that credits 基本满意 partly and sets a minimum sample', () => {
  it('when a survey is entered under it, then 基本满意 counts 80% and a small sample is refused', async () => {
    const { campaignId: weighted } = await campaignInMutualStage(t, 2027, 'satisfaction-weighted');
    const team = await loginAs(t.app, 'town1');
    const url = `/api/campaigns/${weighted}/villages/${v().town2[1].id}/survey`;
    expect((await team.put(url, { sampleSize: 20, satisfied: 20, basicallySatisfied: 0, unsatisfied: 0 })).json().error).toMatchObject({
      code: 'survey.sample_too_small',
      details: { minSampleSize: 30 },
    });
    const res = (await team.put(url, counts)).json();
    // (80 + 15 × 80%) / 100 = 92
    expect(res).toMatchObject({ minSampleSize: 30, basicallySatisfiedCredit: 80, survey: { rate: 92 } });
  });
});
