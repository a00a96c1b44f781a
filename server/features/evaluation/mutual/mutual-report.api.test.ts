// The mutual-evaluation report (互评报告) and the star-rating summary table (评星定级汇总表) through HTTP.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInMutualStage, stageSheetAt } from '../../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let town1: Client;
let town2: Client;
let campaignId: string;
const v = () => t.city.villages;
const town = () => t.city.towns[1]; // 乙镇, evaluated by 甲镇's team (town1)
const reportUrl = () => `/api/campaigns/${campaignId}/towns/${town().id}/mutual-report`;

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInMutualStage(t, 2026));
  town1 = await loginAs(t.app, 'town1');
  town2 = await loginAs(t.app, 'town2');
  // 乙一村: every stage-1 indicator at 80% (52 of 65), a survey and two visits; 乙二村: half a sheet.
  await town1.put(`/api/campaigns/${campaignId}/sheets/mutual/${v().town2[0].id}`, { scores: await stageSheetAt('mutual', 0.8) });
  await town1.put(`/api/campaigns/${campaignId}/sheets/mutual/${v().town2[1].id}`, { scores: { teamBuilding: 5, organizationalLife: 4.5 } });
  await town1.put(`/api/campaigns/${campaignId}/villages/${v().town2[0].id}/survey`, { sampleSize: 50, satisfied: 40, basicallySatisfied: 8, unsatisfied: 2 });
  for (const household of ['一组 赵家', '二组 钱家']) {
    await town1.post(`/api/campaigns/${campaignId}/villages/${v().town2[0].id}/visits`, { household, visitDate: '2026-03-02', visitors: '王某', findings: '' });
  }
});
afterAll(() => t.close());

describe('the mutual-evaluation report', () => {
  it('when the team of 乙镇 saves a draft, then it reads back with the findings named by village, audited without its text', async () => {
    expect((await town1.get(reportUrl())).json()).toMatchObject({ status: 'none', narrative: '', canEdit: true, evaluatorTown: { name: '甲镇' }, town: { name: '乙镇' } });
    const body = { narrative: '乙镇各村班子总体团结，产业发展不均衡。', findings: [{ villageId: v().town2[1].id, text: '村务公开栏内容未及时更新' }, { villageId: null, text: '部分村集体经济薄弱' }] };
    const res = await town1.put(reportUrl(), body);
    expect(res.json()).toMatchObject({
      status: 'draft',
      narrative: body.narrative,
      findings: [
        { villageId: v().town2[1].id, villageName: '乙二村', text: '村务公开栏内容未及时更新' },
        { villageId: null, villageName: null, text: '部分村集体经济薄弱' },
      ],
      updatedBy: 'town1 测试',
      submittedAt: null,
    });
    const rows = await auditRows(t.app, 'mutual_report.save');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ before: null, after: { status: 'draft', narrativeLength: body.narrative.length, findings: 2 } });
  });

  it('when a finding names a village of another town or text holds a phone number, then 400 and the draft is unchanged', async () => {
    const other = await town1.put(reportUrl(), { narrative: 'x', findings: [{ villageId: v().town1[0].id, text: '问题' }] });
    expect(other.json().error.code).toBe('mutual_report.village_not_in_town');
    expect((await town1.put(reportUrl(), { narrative: '联系13812345678', findings: [] })).json().error.code).toBe('stage_work.personal_data');
    expect((await town1.get(reportUrl())).json().findings).toHaveLength(2);
  });

  it('when others open the report, then the department reads it, the evaluated town’s own team and the villages get 404', async () => {
    expect((await org.get(reportUrl())).json()).toMatchObject({ status: 'draft', canEdit: false, lockReason: '互评报告由互评组撰写，您可以查看' });
    expect((await org.put(reportUrl(), { narrative: 'x', findings: [] })).json().error.code).toBe('stage_work.locked');
    expect((await town2.get(reportUrl())).statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'v21')).get(reportUrl())).statusCode).toBe(404);
    expect((await town1.get(`/api/campaigns/${campaignId}/mutual-reports`)).json().map((r: { town: { name: string } }) => r.town.name)).toEqual(['乙镇']);
    expect((await org.get(`/api/campaigns/${campaignId}/mutual-reports`)).json().map((r: { town: { name: string }; status: string }) => [r.town.name, r.status])).toEqual([
      ['甲镇', 'none'],
      ['乙镇', 'draft'],
    ]);
  });

  it('when the team submits, then the report is read-only; an empty report or a second submission is refused', async () => {
    const empty = await town2.post(`/api/campaigns/${campaignId}/towns/${t.city.towns[0].id}/mutual-report/submit`);
    expect(empty.json().error.code).toBe('mutual_report.empty');
    const res = await town1.post(`${reportUrl()}/submit`);
    expect(res.json()).toMatchObject({ status: 'submitted', submittedBy: 'town1 测试', canEdit: false, lockReason: '互评报告已提交，只读' });
    expect((await town1.post(`${reportUrl()}/submit`)).json().error.code).toBe('mutual_report.already_submitted');
    expect((await town1.put(reportUrl(), { narrative: '改', findings: [] })).json().error.code).toBe('mutual_report.already_submitted');
    expect((await auditRows(t.app, 'mutual_report.submit'))[0]).toMatchObject({ before: { status: 'draft' }, after: { status: 'submitted' } });
  });
});

describe('the stage-1 overview and the summary table', () => {
  it('when the team opens its overview, then each village shows visits, survey and sheet progress', async () => {
    const res = (await town1.get(`/api/campaigns/${campaignId}/mutual/villages`)).json();
    expect(res.lockReason).toBeNull();
    expect(res.villages.map((x: { name: string; visits: number; survey: unknown; sheetEntered: number; sheetTotal: number; canEdit: boolean }) => [x.name, x.visits, x.survey, x.sheetEntered, x.sheetTotal, x.canEdit])).toEqual([
      ['乙一村', 2, { sampleSize: 50, rate: 96 }, 12, 12, true],
      ['乙二村', 0, null, 2, 12, true],
    ]);
  });

  it('when the department exports 乙镇’s summary table, then the .xlsx holds each village’s figures and the engine’s reference stars, and the export is audited', async () => {
    const res = await org.get(`/api/campaigns/${campaignId}/towns/${town().id}/mutual-summary.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2026年度乙镇评星定级汇总表.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('评星定级汇总表')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号', '村（社区）', '支部建设（21分）', '产业发展（14分）', '乡村治理（20分）', '为民服务（6分）', '培训提升（4分）',
      '互评得分', '互评满分', '已评指标', '测评样本', '满意', '基本满意', '不满意', '满意率（%）', '入户走访（户次）', '折算得分', '参考星级', '备注',
    ]);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    // 52 of 65 → 80.00 → four stars; rate (40 + 8) / 50 = 96%
    expect(row(2)).toEqual([1, '乙一村', 17, 11, 16, 5, 3, 52, 65, '12/12', 50, 40, 8, 2, 96, 2, 80, 4, '']);
    expect(row(3).slice(0, 10)).toEqual([2, '乙二村', 9.5, 0, 0, 0, 0, 9.5, 65, '2/12']);
    expect(row(3)[15]).toBe(0);
    expect(row(3)[18]).toBe('互评评分未完成（已评 2/12 项）；未录入群众测评');
    const about = book.getWorksheet('说明')!;
    expect(about.getCell('B3').value).toBe('乙镇');
    expect(about.getCell('B4').value).toBe('甲镇互评组');
    expect((await auditRows(t.app, 'export')).filter((r) => r.object_type === 'mutual_summary')).toHaveLength(1);
  });

  it('when the team reads the summary on screen, then it matches the workbook; the other team may not read it', async () => {
    const res = (await town1.get(`/api/campaigns/${campaignId}/towns/${town().id}/mutual-summary`)).json();
    expect(res.rows[0]).toMatchObject({ villageName: '乙一村', total: 52, referenceScore: 80, referenceStars: 4, survey: { rate: 96 } });
    expect((await town2.get(`/api/campaigns/${campaignId}/towns/${town().id}/mutual-summary.xlsx`)).statusCode).toBe(404);
  });

  it('when stage 1 has closed, then the report of the other town can no longer be written and says why', async () => {
    await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'department', reason: '测试：提前进入部门点评' });
    const other = `/api/campaigns/${campaignId}/towns/${t.city.towns[0].id}/mutual-report`;
    expect((await town2.get(other)).json()).toMatchObject({ canEdit: false, lockReason: '摸底互评阶段已结束，评分只读' });
    expect((await town2.put(other, { narrative: '迟交', findings: [] })).json().error).toMatchObject({ code: 'stage_work.locked', details: { reason: '摸底互评阶段已结束，评分只读' } });
  });
});
