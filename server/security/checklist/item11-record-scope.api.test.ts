// Item 11: record-level scope. An official who holds the permission in their own town or village
// gets 404 — never the record, never a change — on another town's or village's records: read,
// write, deactivate (the product never deletes), and the ways round (a list filtered to the
// other unit, an export, a sensitive reveal). Walks org units, people, problems, commitments and
// household visits; after every refused write the record is as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { loginAll, logProblem, makeCommitment, makeFieldworkPeople, type FieldworkPeople } from '../../../test/fieldwork-factories.js';

let t: TestApp;
let fp: FieldworkPeople;
let org: Client;
let town1: Client;
let town2: Client;
let v11: Client;
let v21: Client;
const other = () => t.city.villages.town2[0];

const expect404 = (res: LightMyRequestResponse) => {
  expect([res.statusCode, res.json().error?.code]).toEqual([404, expect.stringMatching(/not_found$/)]);
};
const rowOf = async (table: string, id: string) =>
  ((await t.app.services.db.execute(sql.raw(`SELECT row_to_json(x)::text AS j FROM ${table} x WHERE id = '${id}'`))) as unknown as { rows: { j: string }[] }).rows[0]?.j;

async function exportedCells(client: Client): Promise<string[]> {
  const res = await client.get('/api/people/export.xlsx');
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => cells.push(...(row.values as unknown[]).map(String))));
  return cells;
}

beforeAll(async () => {
  t = await startTestApp();
  fp = await makeFieldworkPeople(t);
  [org, town1, town2, v11, v21] = await loginAll(t, ['orgadmin', 'town1', 'town2', 'v11', 'v21'] as const);
});
afterAll(() => t.close());

describe('item 11: 404 outside the caller’s scope, for reads and writes', () => {
  it("when a town official reads, renames or deactivates another town's village, then 404 each time and the row is unchanged", async () => {
    const before = await rowOf('org_units', other().id);
    expect404(await town1.get(`/api/org-units/${other().id}`));
    expect404(await town1.patch(`/api/org-units/${other().id}`, { name: '被改名' }));
    expect404(await town1.post(`/api/org-units/${other().id}/deactivate`, {}));
    expect(await rowOf('org_units', other().id)).toBe(before);
    // The owner of the scope still reads it: the 404 is scope, not a missing row.
    expect((await town2.get(`/api/org-units/${other().id}`)).statusCode).toBe(200);
  });

  it("when a town official reads, edits or reveals a person of another town, then 404 and the person is unchanged; lists and exports leave them out", async () => {
    const created = await org.post('/api/people', { orgUnitId: other().id, name: '乙村人', gender: '女', idNumber: null, phone: '13900001111', partyMember: false, positions: [] });
    const id = created.json().id as string;
    const before = await rowOf('people', id);
    expect404(await town1.get(`/api/people/${id}`));
    expect404(await town1.patch(`/api/people/${id}`, { name: '改名' }));
    expect404(await town1.post(`/api/people/${id}/reveal`, {}));
    expect(await rowOf('people', id)).toBe(before);
    const listed = await town1.get(`/api/people?orgUnitId=${other().id}`);
    expect(listed.statusCode === 404 || listed.json().total === 0).toBe(true);
    expect(await exportedCells(town1)).not.toContain('乙村人');
    expect(await exportedCells(town2)).toContain('乙村人');
    expect((await town2.get(`/api/people/${id}`)).statusCode).toBe(200);
  });

  it("when a village cadre reads or works another village's problem, then 404 and its status stays open", async () => {
    const id = await logProblem(v21, other().id);
    const before = await rowOf('problems', id);
    expect404(await v11.get(`/api/problems/${id}`));
    expect404(await v11.post(`/api/problems/${id}/claim`, { assigneeId: fp.cadre11 }));
    expect404(await v11.patch(`/api/problems/${id}`, { title: '改标题' }));
    expect404(await town1.post(`/api/problems/${id}/confirm`, { note: 'x' }));
    expect(await rowOf('problems', id)).toBe(before);
  });

  it("when a village cadre reads, edits or submits another village's commitment, then 404 and it stays a draft", async () => {
    const id = await makeCommitment(v21, town2, other().id);
    const before = await rowOf('commitments', id);
    expect404(await v11.get(`/api/commitments/${id}`));
    expect404(await v11.patch(`/api/commitments/${id}`, { title: '改标题' }));
    expect404(await v11.post(`/api/commitments/${id}/submit`, {}));
    expect(await rowOf('commitments', id)).toBe(before);
  });

  it("when a village cadre records a household visit in another village or reads one there, then 404 and nothing is created", async () => {
    const visit = await v21.post('/api/household-visits', { villageId: other().id, visitDate: '2026-02-10', household: '三组 某户', visitors: '干部乙一' });
    expect(visit.statusCode).toBe(200);
    expect404(await v11.get(`/api/household-visits/${visit.json().id}`));
    const count = async () => ((await t.app.services.db.execute(sql`SELECT count(*)::int AS n FROM household_visits`)) as unknown as { rows: { n: number }[] }).rows[0]?.n;
    const n = await count();
    expect404(await v11.post('/api/household-visits', { villageId: other().id, visitDate: '2026-02-10', household: '某户', visitors: '某人' }));
    expect(await count()).toBe(n);
  });
});
