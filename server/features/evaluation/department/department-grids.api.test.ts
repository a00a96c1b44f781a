// 擂台比武 and 民主评价 as grids through HTTP: a judge's panel villages in one block saved whole or
// not at all (each bad cell named, nothing stored), the same grid as an .xlsx downloaded, filled and
// uploaded back, and the rules of the per-village saves: who, which village, which stage.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInDepartmentStage, judges } from '../../../../test/evaluation-stage-factories.js';
import type { ArenaGrid, DemocraticGrid } from '../../../../shared/contracts/department-grids.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const arenaUrl = () => `/api/campaigns/${campaignId}/arena/grid`;
const votesUrl = () => `/api/campaigns/${campaignId}/democratic/grid`;
const judge = (n: number) => loginAs(t.app, `judge${n}`);
// The panel reviews three villages; the fourth (乙镇's second) belongs to no panel of judge1.
const panelVillages = () => [t.city.villages.town1[0], t.city.villages.town1[1], t.city.villages.town2[0]].map((v) => v.id);
const otherVillage = () => t.city.villages.town2[1].id;

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInDepartmentStage(t, 2026, 2));
  await judges(t, 3); // judge3 sits on no panel
  const [panel] = (await org.get(`/api/campaigns/${campaignId}/panels`)).json() as { id: string; name: string; departments: string; memberIds: string[] }[];
  const edited = await org.put(`/api/campaigns/${campaignId}/panels/${panel?.id}`, { name: panel?.name, departments: panel?.departments, memberIds: panel?.memberIds, villageIds: panelVillages() });
  expect(edited.statusCode).toBe(200);
});
afterAll(() => t.close());

async function book(data: Buffer) {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(data as unknown as ArrayBuffer);
  return b;
}
const bytes = async (b: ExcelJS.Workbook) => Buffer.from(await b.xlsx.writeBuffer());
const myPoints = async (c: Client) => Object.fromEntries(((await c.get(arenaUrl())).json() as ArenaGrid).rows.map((r) => [r.villageId, r.points]));
const storedVotes = async (c: Client) => Object.fromEntries(((await c.get(votesUrl())).json() as DemocraticGrid).rows.map((r) => [r.villageId, r.votes]));

describe('the arena grid', () => {
  it('when a panel judge opens it, then the panel’s villages are rows with the judge’s own score and the arena indicator’s maximum', async () => {
    const grid = (await (await judge(1)).get(arenaUrl())).json() as ArenaGrid;
    expect(grid).toMatchObject({ lockReason: null, indicator: { id: 'arenaCompetition', maxPoints: 3 } });
    expect(grid.rows.map((r) => r.villageId).sort()).toEqual([...panelVillages()].sort());
    expect(grid.rows.every((r) => r.canEdit && r.points === null)).toBe(true);
  });

  it('when a judge saves a block, then every score is stored by the one request, the arena points follow, and each village changed has one audit row before and after', async () => {
    const [a, b, c] = panelVillages() as [string, string, string];
    const j1 = await judge(1);
    const res = await j1.put(arenaUrl(), { rows: [{ villageId: a, points: 2.5 }, { villageId: b, points: 1 }, { villageId: c, points: null }] });
    expect(res.statusCode).toBe(200);
    expect(await myPoints(j1)).toEqual({ [a]: 2.5, [b]: 1, [c]: null });
    const sheet = (await org.get(`/api/campaigns/${campaignId}/sheets/department/${a}`)).json();
    expect(sheet.indicators.find((i: { id: string }) => i.id === 'arenaCompetition').points).toBe(2.5);
    expect((await auditRows(t.app, 'arena.score')).map((r) => [r.object_id, (r.before as { points: unknown }).points, (r.after as { points: unknown }).points])).toEqual([
      [`${campaignId}/${a}`, null, 2.5],
      [`${campaignId}/${b}`, null, 1],
    ]);
    // Unchanged villages write nothing; a changed one writes its row.
    await j1.put(arenaUrl(), { rows: [{ villageId: a, points: 2.5 }, { villageId: b, points: 2 }] });
    expect((await auditRows(t.app, 'arena.score')).at(-1)).toMatchObject({ before: { points: 1 }, after: { points: 2 } });
    expect(await auditRows(t.app, 'arena.score')).toHaveLength(3);
  });

  it('when cells are out of range, not a number, negative or have three decimals, then 400 names each cell with its reason and nothing of the block is stored', async () => {
    const [a, b, c] = panelVillages() as [string, string, string];
    const j1 = await judge(1);
    const before = await myPoints(j1);
    const audits = (await auditRows(t.app, 'arena.score')).length;
    const res = await j1.put(arenaUrl(), { rows: [{ villageId: c, points: 2.75 }, { villageId: a, points: 3.5 }, { villageId: b, points: 'abc' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('arena.batch_invalid');
    expect(res.json().error.details.cells).toEqual([
      { villageId: a, column: 'points', code: 'arena.points_out_of_range', reason: '「擂台比武表现」3.5 超过满分，应为 0–3 分，最多 2 位小数' },
      { villageId: b, column: 'points', code: 'arena.points_out_of_range', reason: '「擂台比武表现」abc 不是数字，应为 0–3 分，最多 2 位小数' },
    ]);
    const more = await j1.put(arenaUrl(), { rows: [{ villageId: a, points: 1.234 }, { villageId: b, points: -1 }] });
    expect(more.json().error.details.cells.map((x: { reason: string }) => x.reason)).toEqual([expect.stringContaining('小数位数过多'), expect.stringContaining('不能为负数')]);
    const twice = await j1.put(arenaUrl(), { rows: [{ villageId: c, points: 1 }, { villageId: c, points: 2 }] });
    expect(twice.json().error.details.cells).toEqual([expect.objectContaining({ villageId: c, reason: '同一个村在提交中出现了多次' })]);
    expect((await j1.put(arenaUrl(), { rows: [{ villageId: c, points: 1, note: 'x' }] })).json().error.code).toBe('validation.unknown_field');
    expect(await myPoints(j1)).toEqual(before);
    expect(await auditRows(t.app, 'arena.score')).toHaveLength(audits);
  });

  it('when the block names a village of no panel of the judge, the judge sits on no panel, or the caller is no judge, then 404 or 403 and nothing is stored', async () => {
    const [a] = panelVillages() as [string];
    const j1 = await judge(1);
    const before = await myPoints(j1);
    const foreign = await j1.put(arenaUrl(), { rows: [{ villageId: a, points: 0.5 }, { villageId: otherVillage(), points: 1 }] });
    expect([foreign.statusCode, foreign.json().error.code, foreign.json().error.details.villageId]).toEqual([404, 'sheet.not_assigned', otherVillage()]);
    expect(await myPoints(j1)).toEqual(before);
    expect((await (await judge(3)).get(arenaUrl())).json().rows).toEqual([]);
    expect((await (await judge(3)).put(arenaUrl(), { rows: [{ villageId: a, points: 1 }] })).statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'town1')).put(arenaUrl(), { rows: [{ villageId: a, points: 1 }] })).statusCode).toBe(403);
    expect((await org.put(arenaUrl(), { rows: [{ villageId: a, points: 1 }] })).statusCode).toBe(403);
    expect((await org.get(`${arenaUrl()}.xlsx`)).statusCode).toBe(403);
  });
});

describe('the arena grid as .xlsx', () => {
  it('when downloaded, then it lists the judge’s villages with their codes, the judge’s scores, the maximum in the header and a 填写说明 sheet', async () => {
    const res = await (await judge(1)).get(`${arenaUrl()}.xlsx`);
    expect(res.statusCode).toBe(200);
    const b = await book(res.rawPayload);
    const sheet = b.getWorksheet('擂台比武评分') as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as string[]).filter(Boolean)).toEqual(['镇（街道）', '村（社区）', '村编码', '我的评分（满分3）']);
    expect(sheet.rowCount).toBe(4);
    const codes = [2, 3, 4].map((r) => String(sheet.getCell(r, 3).value));
    expect(codes.sort()).toEqual(t.city.villages.town1.concat(t.city.villages.town2[0]).map((v) => v.code).sort());
    expect([2, 3, 4].map((r) => sheet.getCell(r, 4).value).filter((v) => v !== null).sort()).toEqual([2, 2.5]);
    expect(b.getWorksheet('填写说明')).toBeDefined();
  });

  it('when uploaded with a bad cell or a village the judge does not score, then 422 lists row, column and reason and nothing is stored', async () => {
    const j1 = await judge(1);
    const before = await myPoints(j1);
    const b = await book((await j1.get(`${arenaUrl()}.xlsx`)).rawPayload);
    const sheet = b.getWorksheet('擂台比武评分') as ExcelJS.Worksheet;
    for (const r of [2, 3, 4]) sheet.getCell(r, 4).value = 1.5;
    sheet.getCell('D3').value = 9;
    sheet.getCell('C4').value = t.city.villages.town2[1].code;
    const res = await j1.upload(`${arenaUrl()}.xlsx`, await bytes(b));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.errors).toEqual([
      { row: 3, field: '我的评分（满分3）', reason: 'D3 单元格应在 0 至 3 分之间' },
      { row: 4, field: '村编码', reason: expect.stringContaining('不是您可以填报的村') },
    ]);
    expect(await myPoints(j1)).toEqual(before);
  });

  it('when uploaded good, then opened back from a new download it holds what was stored, with one arena.import row', async () => {
    const j2 = await judge(2);
    const b = await book((await j2.get(`${arenaUrl()}.xlsx`)).rawPayload);
    const sheet = b.getWorksheet('擂台比武评分') as ExcelJS.Worksheet;
    [2, 3, 4].forEach((r, i) => (sheet.getCell(r, 4).value = [1.25, 2, 2.75][i] as number));
    expect((await j2.upload(`${arenaUrl()}.xlsx`, await bytes(b))).json()).toEqual({ imported: 3, errors: [] });
    const again = (await book((await j2.get(`${arenaUrl()}.xlsx`)).rawPayload)).getWorksheet('擂台比武评分') as ExcelJS.Worksheet;
    expect([2, 3, 4].map((r) => [again.getCell(r, 3).value, again.getCell(r, 4).value])).toEqual([2, 3, 4].map((r) => [sheet.getCell(r, 3).value, sheet.getCell(r, 4).value]));
    expect(await auditRows(t.app, 'arena.import')).toEqual([expect.objectContaining({ object_type: 'campaign', after: { villages: 3, changed: 3 } })]);
  });
});

describe('the democratic votes grid', () => {
  const votes = (excellent: unknown, good: unknown, fair: unknown, poor: unknown) => ({ excellent, good, fair, poor });

  it('when a judge saves a block, then each village’s counts are stored with one democratic.save row before and after', async () => {
    const [a, b] = panelVillages() as [string, string];
    const j1 = await judge(1);
    const res = await j1.put(votesUrl(), { rows: [{ villageId: a, ...votes(30, 12, 5, 1) }, { villageId: b, ...votes(0, 0, 3, 0) }] });
    expect(res.statusCode).toBe(200);
    const grid = res.json() as DemocraticGrid;
    expect(grid.rows.find((r) => r.villageId === a)).toMatchObject({ canEdit: true, votes: votes(30, 12, 5, 1), enteredBy: 'judge1 测试' });
    expect((await auditRows(t.app, 'democratic.save')).map((r) => [r.before, r.after])).toEqual([
      [null, votes(30, 12, 5, 1)],
      [null, votes(0, 0, 3, 0)],
    ]);
  });

  it('when counts are not whole, negative, text, or all zero, then 400 names each cell or row with its code and nothing is stored', async () => {
    const [a, b, c] = panelVillages() as [string, string, string];
    const j1 = await judge(1);
    const before = await storedVotes(j1);
    const res = await j1.put(votesUrl(), { rows: [{ villageId: c, ...votes(1, 1, 1, 1) }, { villageId: a, ...votes(1.5, 'abc', 0, -1) }, { villageId: b, ...votes(0, 0, 0, 0) }] });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'democratic.batch_invalid']);
    expect(res.json().error.details.cells.map((x: { villageId: string; column: string; code: string }) => [x.villageId, x.column, x.code])).toEqual([
      [a, 'excellent', 'democratic.votes_invalid'],
      [a, 'good', 'democratic.votes_invalid'],
      [a, 'poor', 'democratic.votes_invalid'],
      [b, 'total', 'democratic.empty'],
    ]);
    expect(res.json().error.details.cells[1].reason).toBe('「良好」abc 不是 0 至 1000000 之间的整数');
    expect(await storedVotes(j1)).toEqual(before);
    expect(await auditRows(t.app, 'democratic.save')).toHaveLength(2);
  });

  it('when the department opens it, then it reads every village; its save, a foreign village or a judge of no panel are refused and nothing is stored', async () => {
    const [a] = panelVillages() as [string];
    const dept = (await org.get(votesUrl())).json() as DemocraticGrid;
    expect(dept.rows).toHaveLength(4);
    expect(dept.rows.every((r) => !r.canEdit)).toBe(true);
    expect((await org.put(votesUrl(), { rows: [{ villageId: a, ...votes(1, 0, 0, 0) }] })).json().error.code).toBe('stage_work.locked');
    const foreign = await (await judge(1)).put(votesUrl(), { rows: [{ villageId: otherVillage(), ...votes(1, 0, 0, 0) }] });
    expect(foreign.statusCode).toBe(404);
    expect((await (await judge(3)).put(votesUrl(), { rows: [{ villageId: a, ...votes(1, 0, 0, 0) }] })).statusCode).toBe(404);
    expect((await storedVotes(org))[otherVillage()]).toBeNull();
    expect((await storedVotes(org))[a]).toEqual(votes(30, 12, 5, 1));
  });

  it('when the .xlsx comes back with a row half filled, then 422 names it; filled right, it is stored and a new download holds it', async () => {
    const j2 = await judge(2);
    const b = await book((await j2.get(`${votesUrl()}.xlsx`)).rawPayload);
    const sheet = b.getWorksheet('民主评价票数') as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as string[]).filter(Boolean)).toEqual(['镇（街道）', '村（社区）', '村编码', '优秀（票）', '良好（票）', '一般（票）', '较差（票）']);
    const row = [2, 3, 4].find((r) => sheet.getCell(r, 4).value === null) as number;
    sheet.getCell(row, 4).value = 10;
    const bad = await j2.upload(`${votesUrl()}.xlsx`, await bytes(b));
    expect(bad.json().error.details.errors).toEqual([{ row, field: '票数', reason: `D${row}–G${row} 优秀、良好、一般、较差四项票数应全部填写` }]);
    sheet.getCell(row, 5).value = 'x';
    expect((await j2.upload(`${votesUrl()}.xlsx`, await bytes(b))).json().error.details.errors).toEqual([{ row, field: '良好（票）', reason: `E${row} 单元格“x”不是 0 至 1000000 之间的整数` }]);
    for (const col of [5, 6, 7]) sheet.getCell(row, col).value = 2;
    expect((await j2.upload(`${votesUrl()}.xlsx`, await bytes(b))).json()).toEqual({ imported: 3, errors: [] });
    const again = (await book((await j2.get(`${votesUrl()}.xlsx`)).rawPayload)).getWorksheet('民主评价票数') as ExcelJS.Worksheet;
    expect([4, 5, 6, 7].map((c) => again.getCell(row, c).value)).toEqual([10, 2, 2, 2]);
    // The two rows already stored came back unchanged: only the new one is a democratic.save row.
    expect(await auditRows(t.app, 'democratic.save')).toHaveLength(3);
    expect(await auditRows(t.app, 'democratic.import')).toEqual([expect.objectContaining({ after: { villages: 3, changed: 1 } })]);
  });

  it('when two judges of the panel save the same village from the counts they loaded, then the second is refused with the first’s counts named and nothing of its block is stored', async () => {
    const [a, b] = panelVillages() as [string, string];
    const [j1, j2] = [await judge(1), await judge(2)];
    const loaded = await storedVotes(j1);
    const first = await j2.put(votesUrl(), { rows: [{ villageId: a, ...votes(31, 12, 5, 1), based: loaded[a] }] });
    expect(first.statusCode).toBe(200);
    const second = await j1.put(votesUrl(), { rows: [{ villageId: a, ...votes(29, 12, 5, 1), based: loaded[a] }, { villageId: b, ...votes(0, 1, 3, 0), based: loaded[b] }] });
    expect([second.statusCode, second.json().error.code]).toEqual([409, 'democratic.conflict']);
    expect(second.json().error.details.cells).toEqual([{ villageId: a, column: 'total', code: 'democratic.conflict', reason: '已被他人改为 优秀 31、良好 12、一般 5、较差 1，请核对后再保存' }]);
    expect(await storedVotes(j1)).toMatchObject({ [a]: votes(31, 12, 5, 1), [b]: loaded[b] });
    // Having seen the other judge's counts, the judge saves on top of them.
    expect((await j1.put(votesUrl(), { rows: [{ villageId: a, ...votes(29, 12, 5, 1), based: votes(31, 12, 5, 1) }] })).statusCode).toBe(200);
    // Sending what is already stored is no conflict, whatever was loaded.
    expect((await j2.put(votesUrl(), { rows: [{ villageId: a, ...votes(29, 12, 5, 1), based: votes(31, 12, 5, 1) }] })).statusCode).toBe(200);
  });
});

describe('after the department stage', () => {
  it('when the campaign has moved on to the city stage, then both grids say why, and a block or an upload is refused with nothing stored', async () => {
    const [a] = panelVillages() as [string];
    const j1 = await judge(1);
    const file = (await j1.get(`${arenaUrl()}.xlsx`)).rawPayload;
    expect((await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'city', reason: '测试：提前进入市级考评' })).statusCode).toBe(200);
    const before = await myPoints(j1);
    expect(((await j1.get(arenaUrl())).json() as ArenaGrid).lockReason).toBe('部门点评阶段已结束，评分只读');
    const arena = await j1.put(arenaUrl(), { rows: [{ villageId: a, points: 0.5 }] });
    expect([arena.statusCode, arena.json().error.code]).toEqual([409, 'stage_work.locked']);
    expect((await j1.upload(`${arenaUrl()}.xlsx`, file)).json().error.code).toBe('stage_work.locked');
    expect((await j1.put(votesUrl(), { rows: [{ villageId: a, excellent: 1, good: 0, fair: 0, poor: 0 }] })).json().error.code).toBe('stage_work.locked');
    expect(await myPoints(j1)).toEqual(before);
  });
});
