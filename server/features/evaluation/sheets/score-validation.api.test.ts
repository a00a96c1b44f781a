// Scores are validated, never clamped: 999, -3, 'abc' and 1.234 are refused with a code and the
// allowed range on every route that stores a score (sheet, grid row, grid .xlsx, arena, democratic
// votes, town score), and each refusal leaves the stored data exactly as it was.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInDepartmentStage, judges } from '../../../../test/evaluation-stage-factories.js';
import { campaignInCityStage } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let campaignId: string;
let j1: Client;
const bad = [999, -3, 'abc', 1.234] as const;
const problemOf = { 999: 'above_max', [-3]: 'negative', abc: 'not_a_number', 1.234: 'too_many_decimals' } as Record<string, string>;
const village = () => t.city.villages.town1[0];
type Sheet = { indicators: { id: string; name: string; maxPoints: number; points: number | null; computedFrom: string | null }[]; total: number };
const sheetUrl = () => `/api/campaigns/${campaignId}/sheets/department/${village().id}`;
const gridUrl = () => `/api/campaigns/${campaignId}/grid/department`;
const typed = async () => ((await j1.get(sheetUrl())).json() as Sheet).indicators.find((i) => i.computedFrom === null && i.maxPoints < 999) as Sheet['indicators'][number];

beforeAll(async () => {
  t = await startTestApp();
  await judges(t, 2);
  ({ campaignId } = await campaignInDepartmentStage(t, 2026, 2));
  j1 = await loginAs(t.app, 'judge1');
});
afterAll(() => t.close());

describe('a score sheet and the score grid', () => {
  it('when a stored value is followed by 999, -3, abc or 1.234 on the sheet, then each is refused with its reason and the range, and the stored value stays', async () => {
    const ind = await typed();
    expect((await j1.put(sheetUrl(), { scores: { [ind.id]: 1.5 } })).statusCode).toBe(200);
    const before = (await j1.get(sheetUrl())).json();
    for (const value of bad) {
      const res = await j1.put(sheetUrl(), { scores: { [ind.id]: value } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('sheet.points_out_of_range');
      expect(res.json().error.details.problems).toEqual([expect.objectContaining({ indicatorId: ind.id, problem: problemOf[String(value)], value })]);
      expect(res.json().error.details.text).toContain(`应为 0–${ind.maxPoints} 分，最多 2 位小数`);
    }
    expect((await j1.get(sheetUrl())).json()).toEqual(before);
    expect(before.indicators.find((i: { id: string }) => i.id === ind.id).points).toBe(1.5);
  });

  it('when one value of a row is bad and another good, then nothing of the row is stored and the grid version does not move', async () => {
    const ind = await typed();
    const other = ((await j1.get(sheetUrl())).json() as Sheet).indicators.find((i) => i.computedFrom === null && i.id !== ind.id) as Sheet['indicators'][number];
    const row = () => j1.get(gridUrl()).then((r) => (r.json().rows as { villageId: string; version: number; points: Record<string, number | null> }[]).find((x) => x.villageId === village().id));
    const start = await row();
    for (const value of bad) {
      const res = await j1.put(`${gridUrl()}/${village().id}`, { version: start?.version, scores: { [other.id]: 1, [ind.id]: value } });
      expect([res.statusCode, res.json().error.code, res.json().error.details.problems[0].problem]).toEqual([400, 'sheet.points_out_of_range', problemOf[String(value)]]);
    }
    expect(await row()).toEqual(start);
  });

  it('when an .xlsx carries 999, -3, abc or 1.234 in a cell, then the whole file is refused, the cell named, and nothing is stored', async () => {
    const before = (await j1.get(gridUrl())).json().rows;
    for (const value of bad) {
      const b = new ExcelJS.Workbook();
      await b.xlsx.load((await j1.get(`${gridUrl()}/sheet.xlsx`)).rawPayload as unknown as ArrayBuffer);
      const sheet = b.getWorksheet('评分表') as ExcelJS.Worksheet;
      sheet.getCell(2, 4).value = value;
      const res = await j1.upload(`${gridUrl()}/sheet.xlsx`, Buffer.from(await b.xlsx.writeBuffer()));
      expect([res.statusCode, res.json().error.code]).toEqual([422, 'import.rows_invalid']);
      expect(res.json().error.details.errors).toEqual([expect.objectContaining({ row: 2, reason: expect.stringMatching(/^D2 单元格/) })]);
    }
    expect((await j1.get(gridUrl())).json().rows).toEqual(before);
  });
});

describe('the arena and democratic votes', () => {
  const arenaUrl = () => `/api/campaigns/${campaignId}/villages/${village().id}/arena`;
  const votesUrl = () => `/api/campaigns/${campaignId}/villages/${village().id}/democratic`;

  it('when a judge scores the arena 999, -3, abc or 1.234, then each is refused with the range (0–3) and the judge’s score stays', async () => {
    expect((await j1.put(arenaUrl(), { points: 2.5 })).statusCode).toBe(200);
    for (const value of bad) {
      const res = await j1.put(arenaUrl(), { points: value });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'arena.points_out_of_range', details: { problem: problemOf[String(value)], allowed: '0–3 分，最多 2 位小数', maxPoints: 3 } });
    }
    expect((await j1.get(arenaUrl())).json().myPoints).toBe(2.5);
    // The department sheet's arena points come from the judges' scores only: still 2.5.
    const sheet = (await j1.get(sheetUrl())).json() as Sheet;
    expect(sheet.indicators.find((i) => i.computedFrom === 'arena')?.points).toBe(2.5);
  });

  it('when a count is -3, abc or 1.5, then the votes are refused naming the field, and the stored counts stay', async () => {
    expect((await j1.put(votesUrl(), { excellent: 30, good: 12, fair: 5, poor: 1 })).statusCode).toBe(200);
    for (const value of [-3, 'abc', 1.5, 1_000_001]) {
      const res = await j1.put(votesUrl(), { excellent: 30, good: value, fair: 5, poor: 1 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'democratic.votes_invalid', details: { fields: ['good'] } });
      expect(res.json().error.details.text).toContain('「良好」');
    }
    expect((await j1.get(votesUrl())).json().votes).toMatchObject({ excellent: 30, good: 12, fair: 5, poor: 1, total: 48 });
  });
});

describe('the town committee’s own score', () => {
  it('when 999, -3, abc or 1.234 is entered, then each is refused with the standard’s maximum (100) and the stored score stays', async () => {
    const city = await campaignInCityStage(t, 2027);
    const town = t.city.towns[0];
    const url = `/api/campaigns/${city.campaignId}/towns/${town.id}/score`;
    expect((await city.org.put(url, { score: 100 })).statusCode).toBe(200);
    expect((await city.org.put(url, { score: 86.5 })).statusCode).toBe(200);
    for (const value of [...bad, 100.01]) {
      const res = await city.org.put(url, { score: value });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'results.town_score_out_of_range', details: { problem: problemOf[String(value)] ?? 'above_max', allowed: '0–100 分，最多 2 位小数' } });
    }
    const stored = (await t.app.services.db.execute(sql`SELECT score FROM campaign_town_scores WHERE campaign_id = ${city.campaignId}`)) as unknown as { rows: { score: unknown }[] };
    expect(stored.rows.map((r) => Number(r.score))).toEqual([86.5]);
  });
});
