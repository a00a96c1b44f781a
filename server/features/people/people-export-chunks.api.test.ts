// The people export reads a province a thousand people at a time: across chunk borders (people of
// one village with the same name, ordered by id) the file holds everyone once, in the list's order,
// with their current titles and masked phones, as the people list gives them page by page.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let org: Client;
const people = 2150;

beforeAll(async () => {
  t = await startTestApp();
  org = await loginAs(t.app, 'orgadmin');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('人员');
  ws.addRow(['姓名', '性别', '出生年份', '身份证号', '手机号', '是否党员', '所在组织编码', '职务', '任职开始日期']);
  const villages = ['T1-V1', 'T1-V2', 'T2-V1', 'T2-V2'];
  for (let i = 0; i < people; i++) {
    // Few names: hundreds of people of one village share a name, so chunks end inside a run of them.
    const phone = i % 3 === 0 ? `138${String(i).padStart(8, '0')}` : '';
    ws.addRow([`同名${i % 5}`, i % 2 ? '男' : '女', 1960 + (i % 40), '', phone, i % 4 ? '是' : '否', villages[i % 4], i % 7 === 0 ? '两委委员、致富带头人' : '', i % 7 === 0 ? '2024-03-01' : '']);
  }
  const res = await org.upload('/api/people/import', Buffer.from(await book.xlsx.writeBuffer()));
  expect(res.json()).toEqual({ imported: people, errors: [] });
}, 120_000);
afterAll(() => t.close());

type Listed = { name: string; gender: string; birthYear: number | null; phoneMasked: string | null; partyMember: boolean; orgUnitName: string; positions: { title: string }[] };

describe('the people export in chunks', () => {
  it('when more people than one chunk are exported, then every one is in the file once, in the list’s order, as the list shows them', async () => {
    const listed: Listed[] = [];
    for (let page = 1; listed.length < people; page++) {
      const res = (await org.get(`/api/people?page=${page}&pageSize=100`)).json();
      expect(res.items.length).toBeGreaterThan(0);
      listed.push(...res.items);
    }
    const exp = await org.get('/api/people/export.xlsx');
    expect(exp.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]?.eachRow((r, n) => {
      if (n > 1) rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows).toHaveLength(people);
    const shown = (p: Listed) => [p.name, p.gender, p.birthYear, p.phoneMasked ?? '', p.partyMember ? '是' : '否', p.orgUnitName, p.positions.map((x) => x.title).join('、')];
    // Columns: 姓名 性别 出生年份 身份证号 手机号 是否党员 所在组织编码 职务 所在组织.
    const inFile = rows.map((r) => [r[0], r[1], r[2], r[4] ?? '', r[5], r[8], r[7] ?? '']);
    expect(inFile).toEqual(listed.map(shown));
    expect(inFile.filter((r) => r[6] !== '').length).toBe(Math.ceil(people / 7));
  });
});
