// The violation register through HTTP: entered and imported by the officers, encrypted, every
// full read audited, and confirmed cases of the year applied by the standard's veto rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { makeAccount } from '../../../../test/factories.js';
import { campaignInCityStage, scoreCityStage } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let inspector: Client;
// Separation of duties: the officer who registers a case never decides it; a second one does.
let checker: Client;
let campaignId: string;
const v = () => t.city.villages;

async function storedRows(): Promise<Record<string, unknown>[]> {
  const res = (await t.app.services.db.execute(sql`SELECT * FROM violation_records ORDER BY seq`)) as unknown as { rows: Record<string, unknown>[] };
  return res.rows;
}

async function importFile(rows: (string | Date)[][]): Promise<Buffer> {
  const template = await inspector.get('/api/violations/import-template.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInCityStage(t, 2026));
  await scoreCityStage(t, org, campaignId, [1, 0.9, 0.8, 0.7]);
  await makeAccount(t.app.services, t.city.countyId, 'inspector1', 'inspector', t.city.city.id);
  await makeAccount(t.app.services, t.city.countyId, 'judge1', 'judge', t.city.city.id);
  await makeAccount(t.app.services, t.city.countyId, 'inspector2', 'inspector', t.city.city.id);
  inspector = await loginAs(t.app, 'inspector1');
  checker = await loginAs(t.app, 'inspector2');
});
afterAll(() => t.close());

describe('registering and reading cases', () => {
  it('when an officer registers a case, then lists show a masked name and a case number, and neither the table nor the audit holds the name or details', async () => {
    const res = await inspector.post('/api/violations', { villageId: v().town1[0].id, personName: '张三丰', category: 'discipline', occurredOn: '2026-04-10', details: '违规发放补贴两万元' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caseNo: 'WJ000001', personNameMasked: '张**', status: 'reported', village: { name: '甲一村', townName: '甲镇' } });
    const [row] = await storedRows();
    expect(JSON.stringify(row)).not.toContain('张三丰');
    expect(JSON.stringify(row)).not.toContain('违规发放补贴');
    const audit = await auditRows(t.app, 'violation.create');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ caseNo: 'WJ000001', villageId: v().town1[0].id, category: 'discipline', occurredOn: '2026-04-10', status: 'reported' });
    const list = (await inspector.get('/api/violations')).json();
    expect(list).toMatchObject({ total: 1, items: [{ caseNo: 'WJ000001', personNameMasked: '张**' }] });
    expect(JSON.stringify(list)).not.toContain('张三丰');
  });

  it('when the full record is read, then name and details come back in clear and every read is audited as violation.view', async () => {
    const id = (await inspector.get('/api/violations')).json().items[0].id;
    const detail = await inspector.get(`/api/violations/${id}`);
    expect(detail.json()).toMatchObject({ personName: '张三丰', details: '违规发放补贴两万元', decisionNote: null });
    expect((await org.get(`/api/violations/${id}`)).json().personName).toBe('张三丰');
    const views = await auditRows(t.app, 'violation.view');
    expect(views.map((r) => r.username)).toEqual(['inspector1', 'orgadmin']);
    expect(JSON.stringify(views)).not.toContain('张三丰');
  });

  it('when other roles ask, then the department may read but not write (403), towns, villages and judges get 403, anonymous 401', async () => {
    const body = { villageId: v().town1[0].id, personName: '李四', category: 'crime', occurredOn: '2026-04-01' };
    expect((await org.post('/api/violations', body)).statusCode).toBe(403);
    for (const name of ['town1', 'v11', 'judge1', 'leader']) {
      const c = await loginAs(t.app, name);
      expect((await c.get('/api/violations')).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/violations' })).statusCode).toBe(401);
  });

  it('when a date is in the future, a category is unknown or a field unexpected, then 400 and nothing is stored', async () => {
    const base = { villageId: v().town1[1].id, personName: '王五', category: 'petition', occurredOn: '2026-04-01' };
    expect((await inspector.post('/api/violations', { ...base, occurredOn: '2026-12-01' })).json().error.code).toBe('violation.future_date');
    expect((await inspector.post('/api/violations', { ...base, category: 'gossip' })).json().error.code).toBe('validation.failed');
    expect((await inspector.post('/api/violations', { ...base, idNumber: 'x' })).json().error.code).toBe('validation.unknown_field');
    expect((await inspector.post('/api/violations', { ...base, villageId: t.city.towns[0].id })).statusCode).toBe(404);
    expect(await storedRows()).toHaveLength(1);
  });
});

describe('checking a case: reported → confirmed | dismissed', () => {
  it('when a reported case is corrected and then confirmed, then it can no longer change, and each step is audited once with before and after', async () => {
    const id = (await inspector.get('/api/violations')).json().items[0].id;
    const edited = await inspector.patch(`/api/violations/${id}`, { occurredOn: '2026-04-12', personName: '张三' });
    expect(edited.json()).toMatchObject({ occurredOn: '2026-04-12', personNameMasked: '张*' });
    expect((await auditRows(t.app, 'violation.update'))[0]).toMatchObject({ before: { occurredOn: '2026-04-10' }, after: { occurredOn: '2026-04-12', personNameChanged: true, detailsChanged: false } });
    expect((await inspector.post(`/api/violations/${id}/decide`, { to: 'confirmed', note: '本人登记本人核查' })).json().error.code).toBe('violation.own_record');
    const confirmed = await checker.post(`/api/violations/${id}/decide`, { to: 'confirmed', note: '经市纪委监委核实属实' });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', decidedByName: 'inspector2 测试' });
    expect((await auditRows(t.app, 'violation.confirm'))[0]).toMatchObject({ before: { status: 'reported' }, after: { status: 'confirmed' } });
    expect((await checker.post(`/api/violations/${id}/decide`, { to: 'dismissed', note: 'x' })).json().error).toMatchObject({ code: 'violation.invalid_transition', details: { from: 'confirmed' } });
    expect((await inspector.patch(`/api/violations/${id}`, { details: '改写' })).json().error.code).toBe('violation.not_editable');
    expect((await inspector.get(`/api/violations/${id}`)).json().decisionNote).toBe('经市纪委监委核实属实');
  });

  it('when the decision has no conclusion, then 400', async () => {
    const created = (await inspector.post('/api/violations', { villageId: v().town1[1].id, personName: '赵六', category: 'petition', occurredOn: '2026-02-01' })).json();
    expect((await checker.post(`/api/violations/${created.id}/decide`, { to: 'confirmed', note: '  ' })).statusCode).toBe(400);
    expect((await checker.post(`/api/violations/${created.id}/decide`, { to: 'confirmed', note: '信访部门认定为违规上访' })).statusCode).toBe(200);
  });
});

describe('importing the register', () => {
  it('when any row is wrong, then the whole file is refused with every bad row listed and nothing is stored', async () => {
    const before = (await storedRows()).length;
    const file = await importFile([
      ['甲镇', '甲二村', '钱七', '违法犯罪', '2026-03-01', '待核查', '', ''],
      ['甲镇', '乙一村', '孙八', '违法犯罪', '2026-03-01', '', '', ''],
      ['乙镇', '乙二村', '周九', '打架', '2026-13-01', '属实', '', ''],
    ]);
    const res = await inspector.upload('/api/violations/import', file);
    expect(res.statusCode).toBe(422);
    const errors = res.json().error.details.errors as { row: number; field: string }[];
    expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual(['3:村（社区）', '4:类别', '4:发生日期', '4:核查结论']);
    expect(await storedRows()).toHaveLength(before);
  });

  it('when a row of the file already carries a conclusion, then the whole file is refused: the importer would register and decide at once', async () => {
    const before = (await storedRows()).length;
    const file = await importFile([
      ['乙镇', '乙一村', '钱七', '违法犯罪', '2025-11-20', '属实', '法院判决', '盗窃'],
      ['乙镇', '乙二村', '孙八', '违反党规党纪', '2026-03-05', '不属实', '查无实据', ''],
      ['乙镇', '乙二村', '周九', '安全生产事故', '2026-03-06', '', '', ''],
    ]);
    const res = await inspector.upload('/api/violations/import', file);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'violation.own_record', details: { rows: [2, 3] } });
    expect(await storedRows()).toHaveLength(before);
  });

  it('when the file is right, then every row is stored with the next case numbers as 待核查, in one audit row without names, and another officer decides them', async () => {
    const file = await importFile([
      ['乙镇', '乙一村', '钱七', '违法犯罪', '2025-11-20', '', '', '盗窃'],
      ['乙镇', '乙二村', '孙八', '违反党规党纪', '2026-03-05', '待核查', '', ''],
      ['乙镇', '乙二村', '周九', '安全生产事故', '2026-03-06', '', '', ''],
    ]);
    const res = await inspector.upload('/api/violations/import', file);
    expect(res.json()).toEqual({ imported: 3, errors: [] });
    const imported = (await inspector.get('/api/violations?pageSize=3')).json().items as { id: string; caseNo: string }[];
    const idOf = (caseNo: string) => imported.find((x) => x.caseNo === caseNo)?.id as string;
    expect((await checker.post(`/api/violations/${idOf('WJ000003')}/decide`, { to: 'confirmed', note: '法院判决' })).statusCode).toBe(200);
    expect((await checker.post(`/api/violations/${idOf('WJ000004')}/decide`, { to: 'dismissed', note: '查无实据' })).statusCode).toBe(200);
    const list = (await inspector.get('/api/violations?pageSize=10')).json().items as { caseNo: string; status: string; personNameMasked: string }[];
    expect(list.map((x) => [x.caseNo, x.status, x.personNameMasked])).toEqual([
      ['WJ000005', 'reported', '周*'],
      ['WJ000004', 'dismissed', '孙*'],
      ['WJ000003', 'confirmed', '钱*'],
      ['WJ000002', 'confirmed', '赵*'],
      ['WJ000001', 'confirmed', '张*'],
    ]);
    const audit = await auditRows(t.app, 'violation.import');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/钱七|孙八|周九|盗窃/);
    const filtered = (await inspector.get('/api/violations?status=confirmed&year=2026')).json();
    expect(filtered.items.map((x: { caseNo: string }) => x.caseNo)).toEqual(['WJ000002', 'WJ000001']);
    const town = (await inspector.get(`/api/violations?townId=${t.city.towns[1].id}`)).json();
    expect(town.total).toBe(3);
  });
});

describe('confirmed cases in the rating', () => {
  it('when results are computed, then a confirmed discipline case of the year vetoes the village with its case number kept; a petition case caps a three-star village at 2; last year’s and dismissed cases change nothing', async () => {
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    const results = (await org.get(`/api/campaigns/${campaignId}/results`)).json().villages as { name: string; stars: number | null; vetoed: boolean; notes: string[]; rankInCity: number | null }[];
    const byName = Object.fromEntries(results.map((r) => [r.name, { ...r, notes: r.notes.filter((n) => !n.startsWith('缺少数据')) }]));
    expect(byName['甲一村']).toMatchObject({ stars: null, vetoed: true, rankInCity: null, notes: ['一票否决：违反党规党纪'] });
    expect(byName['甲二村']).toMatchObject({ stars: 2, engineStars: 2, notes: ['违规上访：最多 2 星'] }); // 3 stars by score
    expect(byName['乙一村']).toMatchObject({ vetoed: false, stars: 2, notes: [] }); // its crime case happened in 2025
    expect(byName['乙二村']!.notes).toEqual([]); // dismissed discipline, unconfirmed safety
    const res = (await t.app.services.db.execute(
      sql`SELECT explanation FROM campaign_results WHERE village_id = ${v().town1[0].id}`,
    )) as unknown as { rows: { explanation: { steps: { rule: string; text: string }[] } }[] };
    const veto = res.rows[0]!.explanation.steps.find((s) => s.rule === 'veto');
    expect(veto?.text).toBe('一票否决（违反党规党纪）：违反党规党纪（WJ000001，2026-04-12）经核查属实；不予评星');
    expect(JSON.stringify(res.rows[0])).not.toContain('张三');
  });
});
