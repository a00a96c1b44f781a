// The score grid through HTTP: a panel's villages × the stage's indicators, row saves with a
// version check, and the same sheet as an .xlsx downloaded, filled and uploaded (all or nothing),
// every imported score sealed like a typed one.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../../test/test-app.js';
import { campaignInDepartmentStage, judges } from '../../../../../test/evaluation-stage-factories.js';
import type { Ctx } from '../../../../context.js';
import { verifyCampaign } from '../../seals/seals.service.js';
import { getGrid } from './grid.service.js';

let t: TestApp;
let org: Client;
let campaignId: string;
const gridUrl = () => `/api/campaigns/${campaignId}/grid/department`;
const rowUrl = (villageId: string) => `${gridUrl()}/${villageId}`;
// What the fivestar verify command builds: the county and the services, no HTTP caller.
const operator = () => ({ ...t.app.services, principal: { countyId: t.city.countyId, userId: '', username: 'cli', displayName: '命令行', roles: [], sessionId: '', csrfToken: '' } }) as unknown as Ctx;
type Grid = { lockReason: string | null; indicators: { id: string; maxPoints: number; computedFrom: string | null }[]; rows: { villageId: string; code: string; canScore: boolean; version: number; points: Record<string, number | null> }[] };

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInDepartmentStage(t, 2026, 2));
  await judges(t, 3); // judge3 sits on no panel
});
afterAll(() => t.close());

async function book(data: Buffer) {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(data as unknown as ArrayBuffer);
  return b;
}

describe('the score grid', () => {
  it('when a panel judge opens it, then every panel village is a row, each indicator a column with its maximum, the arena column read-only', async () => {
    const grid = (await (await loginAs(t.app, 'judge1')).get(gridUrl())).json() as Grid;
    expect(grid.lockReason).toBeNull();
    expect(grid.rows).toHaveLength(4);
    expect(grid.rows.every((r) => r.canScore && r.version === 0)).toBe(true);
    expect(grid.indicators.length).toBeGreaterThan(3);
    expect(grid.indicators.every((i) => i.maxPoints > 0)).toBe(true);
    expect(grid.indicators.filter((i) => i.computedFrom === 'arena').map((i) => i.id)).toEqual(['arenaCompetition']);
  });

  it('when a judge on no panel or a village admin opens it, then no row is theirs to write', async () => {
    expect((await (await loginAs(t.app, 'judge3')).get(gridUrl())).json().rows).toEqual([]);
    expect((await (await loginAs(t.app, 'v11')).get(gridUrl())).json().rows).toEqual([]);
    const dept = (await org.get(gridUrl())).json() as Grid;
    expect(dept.rows.length).toBe(4);
    expect(dept.rows.some((r) => r.canScore)).toBe(false); // the department reads, the panel scores
  });

  it('when two judges save the same row from the same version, then the second is refused with the first one’s values, and nothing of the second is stored', async () => {
    const [j1, j2] = [await loginAs(t.app, 'judge1'), await loginAs(t.app, 'judge2')];
    const grid = (await j1.get(gridUrl())).json() as Grid;
    const row = grid.rows[0] as Grid['rows'][number];
    const typed = grid.indicators.filter((i) => i.computedFrom === null);
    const [a, b] = typed as [Grid['indicators'][number], Grid['indicators'][number]];
    const first = await j1.put(rowUrl(row.villageId), { version: 0, scores: { [a.id]: 1.5, [b.id]: 2 } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, updatedBy: 'judge1 测试' });
    const second = await j2.put(rowUrl(row.villageId), { version: 0, scores: { [a.id]: 0.5 } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('sheet.version_conflict');
    expect(second.json().error.details.current).toMatchObject({ version: 1, points: { [a.id]: 1.5, [b.id]: 2 } });
    const after = ((await j2.get(gridUrl())).json() as Grid).rows.find((r) => r.villageId === row.villageId);
    expect(after?.points[a.id]).toBe(1.5);
    expect(after?.version).toBe(1);
    // Saving again from the version shown is accepted.
    expect((await j2.put(rowUrl(row.villageId), { version: 1, scores: { [a.id]: 0.5 } })).json()).toMatchObject({ version: 2, points: { [a.id]: 0.5, [b.id]: 2 } });
    expect((await auditRows(t.app, 'score.change')).length).toBe(2);
  });

  it('when a value is out of range, has three decimals or names the arena column, then the row is refused with the code and the version does not move', async () => {
    const j1 = await loginAs(t.app, 'judge1');
    const grid = (await j1.get(gridUrl())).json() as Grid;
    const row = grid.rows[1] as Grid['rows'][number];
    const ind = grid.indicators.find((i) => i.computedFrom === null) as Grid['indicators'][number];
    const over = await j1.put(rowUrl(row.villageId), { version: 0, scores: { [ind.id]: ind.maxPoints + 0.01 } });
    expect([over.statusCode, over.json().error.code]).toEqual([400, 'sheet.points_out_of_range']);
    const decimals = await j1.put(rowUrl(row.villageId), { version: 0, scores: { [ind.id]: 1.005 } });
    expect(decimals.json().error.code).toBe('sheet.points_out_of_range');
    expect((await j1.put(rowUrl(row.villageId), { version: 0, scores: { arenaCompetition: 1 } })).json().error.code).toBe('sheet.computed_indicator');
    expect((await j1.put(rowUrl(row.villageId), { version: 0, scores: { [ind.id]: 1 }, extra: 1 })).json().error.code).toBe('validation.unknown_field');
    const now = ((await j1.get(gridUrl())).json() as Grid).rows.find((r) => r.villageId === row.villageId);
    expect(now?.version).toBe(0);
    expect(now?.points[ind.id]).toBeNull();
  });

  it('when a judge not on the panel or a village admin saves a row, then it is refused and the version does not move', async () => {
    const village = t.city.villages.town2[1];
    expect((await (await loginAs(t.app, 'judge3')).put(rowUrl(village.id), { version: 0, scores: {} })).statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'v11')).put(rowUrl(village.id), { version: 0, scores: {} })).statusCode).toBe(404);
    expect((await org.put(rowUrl(village.id), { version: 0, scores: {} })).statusCode).toBe(409); // read-only for the department
    const n = (await t.app.services.db.execute(sql`SELECT count(*)::int AS n FROM score_sheet_versions WHERE village_id = ${village.id}`)) as unknown as { rows: { n: number }[] };
    expect(n.rows[0]?.n).toBe(0);
  });

  it('when the window has closed, then the grid says why and a save is refused', async () => {
    t.clock.set(new Date('2026-05-02T02:00:00Z'));
    const j1 = await loginAs(t.app, 'judge1');
    const grid = (await j1.get(gridUrl())).json() as Grid;
    expect(grid.lockReason).toContain('截止');
    const row = grid.rows[2] as Grid['rows'][number];
    expect((await j1.put(rowUrl(row.villageId), { version: row.version, scores: {} })).json().error.code).toBe('sheet.locked');
    t.clock.set(new Date('2026-04-03T02:00:00Z'));
  });
});

describe('the score grid as .xlsx', () => {
  it('when downloaded, then it lists the judge’s villages with the maximum in each header, the stored values and versions, and a 填写说明 sheet', async () => {
    const j1 = await loginAs(t.app, 'judge1');
    const res = await j1.get(`${gridUrl()}/sheet.xlsx`);
    expect(res.statusCode).toBe(200);
    const b = await book(res.rawPayload);
    const sheet = b.getWorksheet('评分表');
    const headers = (sheet?.getRow(1).values as string[]).filter(Boolean);
    expect(headers.slice(0, 3)).toEqual(['镇（街道）', '村（社区）', '村编码']);
    expect(headers.at(-1)).toBe('版本');
    expect(headers.slice(3, -1).every((h) => /（满分[\d.]+）$/.test(h))).toBe(true);
    expect(headers.some((h) => h.startsWith('擂台比武'))).toBe(false);
    expect(sheet?.rowCount).toBe(5);
    expect(b.getWorksheet('填写说明')).toBeDefined();
  });

  it('when uploaded with one bad cell, then nothing is saved and the row, column and reason of the cell are listed', async () => {
    const j1 = await loginAs(t.app, 'judge1');
    const before = (await j1.get(gridUrl())).json() as Grid;
    const b = await book((await j1.get(`${gridUrl()}/sheet.xlsx`)).rawPayload);
    const sheet = b.getWorksheet('评分表') as ExcelJS.Worksheet;
    const cols = (sheet.getRow(1).values as string[]).length - 1;
    for (let r = 2; r <= 5; r++) for (let c = 4; c < cols; c++) sheet.getCell(r, c).value = 1;
    sheet.getCell(3, 5).value = 999; // E3
    const data = Buffer.from(await b.xlsx.writeBuffer());
    const res = await j1.upload(`${gridUrl()}/sheet.xlsx`, data);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import.rows_invalid');
    expect(res.json().error.details.errors).toEqual([{ row: 3, field: sheet.getCell(1, 5).value, reason: expect.stringMatching(/^E3 单元格应在 0 至 [\d.]+ 分之间$/) }]);
    expect(((await j1.get(gridUrl())).json() as Grid).rows).toEqual(before.rows);
  });

  it('when uploaded whole and good, then every row is saved with one audit row per village and one for the import', async () => {
    const j1 = await loginAs(t.app, 'judge1');
    const b = await book((await j1.get(`${gridUrl()}/sheet.xlsx`)).rawPayload);
    const sheet = b.getWorksheet('评分表') as ExcelJS.Worksheet;
    const cols = (sheet.getRow(1).values as string[]).length - 1;
    for (let r = 2; r <= 5; r++) for (let c = 4; c < cols; c++) sheet.getCell(r, c).value = 1.25;
    const changesBefore = (await auditRows(t.app, 'score.change')).length;
    const res = await j1.upload(`${gridUrl()}/sheet.xlsx`, Buffer.from(await b.xlsx.writeBuffer()));
    expect(res.json()).toEqual({ imported: 4, errors: [] });
    const grid = (await j1.get(gridUrl())).json() as Grid;
    expect(grid.rows.every((r) => grid.indicators.every((i) => i.computedFrom !== null || r.points[i.id] === 1.25))).toBe(true);
    expect((await auditRows(t.app, 'score.change')).length).toBe(changesBefore + 4);
    expect(await auditRows(t.app, 'score.import')).toHaveLength(1);
  });

  it('when an upload has been stored, then every imported score verifies against its seal; edited in the database it is named, put back it verifies again', async () => {
    const r = await verifyCampaign(operator(), campaignId);
    expect(r).toMatchObject({ ok: true, rootIntact: true, failures: [] });
    expect(r.checked).toBeGreaterThanOrEqual(4 * 2); // points and scorer of every imported score
    const village = t.city.villages.town1[0];
    const edit = (points: number) => t.app.services.db.execute(sql`UPDATE score_entries SET points = ${points} WHERE village_id = ${village.id} AND stage = 'department' AND indicator_id = (SELECT min(indicator_id) FROM score_entries WHERE village_id = ${village.id} AND stage = 'department')`);
    await edit(2.5);
    const edited = await verifyCampaign(operator(), campaignId);
    expect(edited.ok).toBe(false);
    expect(edited.failures.map((f) => [f.villageName, f.kind, f.problem])).toEqual([[village.name, 'score', 'altered']]);
    expect(edited.failures[0]?.fieldLabel).toMatch(/^部门点评·.+·得分$/);
    await edit(1.25);
    expect((await verifyCampaign(operator(), campaignId)).ok).toBe(true);
  });

  it('when a file downloaded earlier is uploaded after someone saved, then the stale row is listed and nothing is saved', async () => {
    const [j1, j2] = [await loginAs(t.app, 'judge1'), await loginAs(t.app, 'judge2')];
    const stale = await j1.get(`${gridUrl()}/sheet.xlsx`);
    const grid = (await j2.get(gridUrl())).json() as Grid;
    const row = grid.rows[0] as Grid['rows'][number];
    const ind = grid.indicators.find((i) => i.computedFrom === null) as Grid['indicators'][number];
    expect((await j2.put(rowUrl(row.villageId), { version: row.version, scores: { [ind.id]: 0 } })).statusCode).toBe(200);
    const res = await j1.upload(`${gridUrl()}/sheet.xlsx`, stale.rawPayload);
    expect(res.json().error.details.errors).toEqual([expect.objectContaining({ field: '版本', reason: expect.stringContaining('judge2 测试') })]);
  });

  it('when the upload is not an .xlsx, then 415 and nothing changes', async () => {
    const j1 = await loginAs(t.app, 'judge1');
    expect((await j1.upload(`${gridUrl()}/sheet.xlsx`, Buffer.from('village,score\n'))).json().error.code).toBe('import.not_xlsx');
  });

  it('when read one village per statement, then the grid is the one read all at once and the one the judge is served', async () => {
    // A province's grid is read a few hundred villages at a time; chunks of one cross every border.
    const judge: Ctx = {
      ...t.app.services,
      principal: { countyId: t.city.countyId, userId: t.city.users.judge1 as string, username: 'judge1', displayName: 'judge1 测试', sessionId: '', csrfToken: '', roles: [{ role: 'judge', orgUnitId: t.city.city.id, orgUnitName: t.city.city.name, orgPath: t.city.city.path, orgLevel: 'city' }] },
    } as unknown as Ctx;
    const byOne = await getGrid(judge, campaignId, 'department', { chunk: 1 });
    const atOnce = await getGrid(judge, campaignId, 'department', { chunk: 1000 });
    expect(byOne).toEqual(atOnce);
    expect(byOne.rows.map((r) => r.code)).toEqual(['T1-V1', 'T1-V2', 'T2-V1', 'T2-V2']);
    expect(byOne.rows.filter((r) => Object.values(r.points).some((p) => p !== null)).length).toBeGreaterThan(1);
    expect(JSON.parse(JSON.stringify(byOne))).toEqual((await (await loginAs(t.app, 'judge1')).get(gridUrl())).json());
  });

  it('when uploaded as a job, then a good file ends done with the report and the scores stored; a stale one fails with the cells a synchronous upload lists, nothing saved', async () => {
    const j1 = await loginAs(t.app, 'judge1');
    const asJob = async (data: Buffer) => {
      const res = await t.app.inject({ method: 'POST', url: `${gridUrl()}/sheet.xlsx`, headers: { cookie: j1.cookie, 'x-csrf-token': j1.csrf, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', prefer: 'respond-async' }, payload: data });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ kind: 'import.score_grid', status: 'queued' });
      await t.app.jobs.idle();
      return (await j1.get(`/api/jobs/${res.json().id}`)).json();
    };
    const b = await book((await j1.get(`${gridUrl()}/sheet.xlsx`)).rawPayload);
    const sheet = b.getWorksheet('评分表') as ExcelJS.Worksheet;
    const cols = (sheet.getRow(1).values as string[]).length - 1;
    for (let r = 2; r <= 5; r++) for (let c = 4; c < cols; c++) sheet.getCell(r, c).value = 0.75;
    const file = Buffer.from(await b.xlsx.writeBuffer());
    const done = await asJob(file);
    expect(done).toMatchObject({ status: 'done', result: { imported: 4, errors: [] }, error: null });
    const grid = (await j1.get(gridUrl())).json() as Grid;
    expect(grid.rows.every((r) => grid.indicators.every((i) => i.computedFrom !== null || r.points[i.id] === 0.75))).toBe(true);
    // The same file again: every row's version has moved on since it was downloaded.
    const failed = await asJob(file);
    expect(failed).toMatchObject({ status: 'failed', result: null, error: { code: 'import.rows_invalid' } });
    const sync = await j1.upload(`${gridUrl()}/sheet.xlsx`, file);
    expect(sync.statusCode).toBe(422);
    expect(failed.error.details).toEqual(sync.json().error.details);
    expect(failed.error.details.errors).toHaveLength(4);
    expect(((await j1.get(gridUrl())).json() as Grid).rows).toEqual(grid.rows);
  });
});
