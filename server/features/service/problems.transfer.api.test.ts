import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { auditRows, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { loginAll, logProblem, makeFieldworkPeople } from '../../../test/fieldwork-factories.js';

let t: TestApp;
let town1: Client;
let v11: Client;
let v21: Client;
let leader: Client;

const headers = ['村（社区）', '问题', '类别', '来源', '农户', '详细情况', '发现日期', '办结时限'];
async function sheet(rows: (string | number | Date)[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('问题清单');
  ws.addRow(headers);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}
const problemCount = async (c: Client) => (await c.get('/api/problems?pageSize=1')).json().total as number;

beforeAll(async () => {
  t = await startTestApp();
  await makeFieldworkPeople(t);
  [town1, v11, v21, leader] = await loginAll(t, ['town1', 'v11', 'v21', 'leader'] as const);
});
afterAll(() => t.close());

describe('problem list import', () => {
  it('when the template is downloaded, then the data sheet has only the Chinese headers, with notes and an example beside it', async () => {
    const res = await v11.get('/api/problems/import-template.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['问题清单', '填写说明', '填写示例']);
    expect((book.worksheets[0]?.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(book.worksheets[0]?.rowCount).toBe(1);
    expect(String(book.worksheets[2]?.getRow(2).getCell(2).value)).toBe('三组路灯损坏');
    expect((await leader.get('/api/problems/import-template.xlsx')).statusCode).toBe(403);
  });

  it('when any row is bad, then nothing is imported and every bad row is listed by number and field', async () => {
    const file = await sheet([
      ['甲一村', '村道破损', '基础设施', '逐户走访', '二组 某户', '', '2026-02-01', '2026-05-01'],
      ['乙一村', '别村问题', '基础设施', '逐户走访', '', '', '2026-02-01', ''],
      ['甲一村', '', '天灾', '逐户走访', '', '', '2026-13-01', ''],
    ]);
    const res = await v11.upload('/api/problems/import', file);
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'import.rows_invalid']);
    expect(res.json().error.details.errors).toEqual([
      { row: 3, field: '村（社区）', reason: '“乙一村”不存在或不在您的管理范围内' },
      { row: 4, field: '问题', reason: '问题必填，最多 100 字' },
      { row: 4, field: '类别', reason: '“天灾”不是有效的类别' },
      { row: 4, field: '发现日期', reason: '日期格式应为 2026-03-05' },
    ]);
    expect(await problemCount(v11)).toBe(0);
  });

  it('when the file is good, then every row becomes an open problem in one audited import; dates typed as Excel dates work', async () => {
    const file = await sheet([
      ['甲一村', '村道破损', '基础设施', '逐户走访', '二组 某户', '雨后积水', new Date(Date.UTC(2026, 1, 1)), '2026/5/1'],
      ['T1-V2', '垃圾清运不及时', '环境卫生', '网格巡查', '', '', '2026-02-15', ''],
    ]);
    const res = await town1.upload('/api/problems/import', file);
    expect(res.json()).toEqual({ imported: 2, errors: [] });
    const items = (await town1.get('/api/problems?pageSize=10')).json().items;
    expect(items.map((p: { villageName: string; reportedDate: string; dueDate: string | null; status: string }) => [p.villageName, p.reportedDate, p.dueDate, p.status])).toEqual([
      ['甲二村', '2026-02-15', null, 'open'],
      ['甲一村', '2026-02-01', '2026-05-01', 'open'],
    ]);
    const audit = await auditRows(t.app, 'problem.import');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ count: 2 });
    expect(JSON.stringify(audit[0])).not.toContain('二组 某户');
  });

  it('when the upload is not a spreadsheet, then 415 and nothing changes', async () => {
    const res = await v11.upload('/api/problems/import', Buffer.from('name,title\n'));
    expect([res.statusCode, res.json().error.code]).toEqual([415, 'import.not_xlsx']);
    expect(await problemCount(v11)).toBe(1);
  });
});

describe('problem list export', () => {
  it('when exported, then the file opens back with the caller’s rows, states in Chinese, overdue marked, and the export is audited', async () => {
    await logProblem(v21, t.city.villages.town2[0].id, { title: '乙村问题' });
    const overdue = await logProblem(v11, t.city.villages.town1[0].id, { title: '逾期未办', reportedDate: '2026-01-05', dueDate: '2026-02-01' });
    await v11.post(`/api/problems/${overdue}/claim`, {});
    const res = await town1.get('/api/problems/export.xlsx?year=2026');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('问题清单.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    const rows: string[][] = [];
    ws?.eachRow((row, n) => n > 1 && rows.push([3, 2, 10, 11, 12].map((c) => String(row.getCell(c).value ?? ''))));
    expect(rows).toEqual([
      ['逾期未办', '甲一村', '已认领', '逾期', 'v11 测试'],
      ['村道破损', '甲一村', '待认领', '', ''],
      ['垃圾清运不及时', '甲二村', '待认领', '', ''],
    ]);
    expect((await auditRows(t.app, 'export')).filter((r) => r.username === 'town1' && r.object_type === 'problem')).toHaveLength(1);
    const onlyOverdue = await v11.get('/api/problems/export.xlsx?overdue=true');
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(onlyOverdue.rawPayload as unknown as ArrayBuffer);
    expect(book2.worksheets[0]?.rowCount).toBe(2);
  });
});
