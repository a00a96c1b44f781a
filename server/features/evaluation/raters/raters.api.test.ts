// 评价质量 through HTTP: the campaign's own sheets, teams and arena scores analysed by the same
// function as the CLI; the department only; the .xlsx export opened back and audited.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInMutualStage, judges, shippedStandard } from '../../../../test/evaluation-stage-factories.js';
import { insertOrgUnits } from '../../orgs/orgs.queries.js';
import { childPath } from '../../orgs/orgs.js';
import { upsertSheetEntries, deleteSheetEntries } from '../sheets/sheets.queries.js';
import { stageIndicators } from '../sheets/sheets.js';
import { upsertArenaScore } from '../department/arena.queries.js';

let t: TestApp;
let org: Client;
let campaignId: string;
let villages: { id: string; path: string; town: 0 | 1; quality: number }[];
let judgeIds: string[];

// Each town gets six more villages (eight each) so every team has enough to be judged.
async function addVillages(): Promise<void> {
  const rows: Parameters<typeof insertOrgUnits>[1] = [];
  t.city.towns.forEach((town, ti) => {
    for (let k = 3; k <= 8; k++) {
      const id = randomUUID();
      const name = `${town.name.slice(0, 1)}${k}村`;
      rows.push({ id, countyId: t.city.countyId, parentId: town.id, level: 'village', kind: '行政村', name, code: `T${ti + 1}-V${k}`, path: childPath(town.path, id), partyOrgType: '党支部', partyOrgName: `${name}党支部` });
    }
  });
  await insertOrgUnits(t.app.services.db, rows);
  const existing = [...t.city.villages.town1.map((v) => ({ ...v, town: 0 as const })), ...t.city.villages.town2.map((v) => ({ ...v, town: 1 as const }))];
  villages = [...existing, ...rows.map((r) => ({ id: r.id as string, path: r.path, town: (r.parentId === t.city.towns[0].id ? 0 : 1) as 0 | 1 }))].map((v, i) => ({ ...v, quality: 0.6 + ((i * 7) % 11) / 40 }));
}

/** Every indicator of the stage at `share` of its maximum (two decimals). */
async function sheet(stage: 'mutual' | 'department' | 'city', v: (typeof villages)[number], share: number) {
  const standard = await shippedStandard('tumen-2022');
  return stageIndicators(standard, stage).map((i) => ({
    countyId: t.city.countyId, campaignId, stage, villageId: v.id, orgPath: v.path, indicatorId: i.id,
    points: Math.round(i.maxPoints * Math.min(1, share) * 100) / 100, enteredBy: t.city.users.orgadmin as string, enteredAt: new Date('2026-03-10T02:00:00Z'),
  }));
}

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInMutualStage(t, 2026));
  await addVillages();
  judgeIds = await judges(t, 5);
  const db = t.app.services.db;
  // 甲镇 (team of town 1) scores 乙镇's villages 8 points high, 乙镇 scores 甲镇's 7 points high: a
  // reciprocal pair. judge5 scores the arena 0.3 of 3 points (10 on a hundred) above the others.
  for (const [i, v] of villages.entries()) {
    const wobble = ((i % 3) - 1) / 100;
    await upsertSheetEntries(db, [
      ...(await sheet('department', v, v.quality + wobble)),
      ...(await sheet('city', v, v.quality - wobble)),
      ...(await sheet('mutual', v, v.quality + (v.town === 1 ? 0.08 : 0.07) + wobble / 2)),
    ]);
    for (const [j, judge] of judgeIds.entries()) {
      const points = Math.round((3 * v.quality + (j === 4 ? 0.3 : 0) + ((i + j) % 3) * 0.02) * 100) / 100;
      await upsertArenaScore(db, { id: randomUUID(), countyId: t.city.countyId, campaignId, villageId: v.id, orgPath: v.path, judgeUserId: judge, points: Math.min(3, points), enteredAt: new Date('2026-03-10T02:00:00Z') });
    }
  }
});
afterAll(() => t.close());

describe('GET /api/campaigns/:id/raters', () => {
  it('when two towns evaluated each other generously and a judge sits high, then the page data names the pair and the judge with the villages behind each', async () => {
    const res = await org.get(`/api/campaigns/${campaignId}/raters`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ mutual: 16, department: 16, city: 16, arena: 80 });
    expect(body.flags.map((f: { kind: string; unitNames: string[]; raterNames: string[] }) => [f.kind, [...f.unitNames].sort(), f.raterNames])).toEqual([
      ['reciprocal_leniency', ['乙镇', '甲镇'], []],
      ['outlier_rater', [], ['judge5 测试']],
    ]);
    const [pair, judge] = body.flags;
    expect(pair).toMatchObject({ n: 16, aspect: null });
    expect(pair.effect).toBeGreaterThan(6);
    expect(pair.effect).toBeLessThan(9);
    expect(pair.message).toMatch(/^(甲镇与乙镇|乙镇与甲镇)互评，双方都偏高：/);
    expect(pair.villages).toHaveLength(16);
    expect(judge).toMatchObject({ aspect: 'offset', n: 16, raterIds: [judgeIds[4]] });
    expect(judge.effect).toBeCloseTo(10, 0);
    expect(body.cells.map((c: { teamTownName: string; townName: string; n: number }) => `${c.teamTownName}→${c.townName} ${c.n}`).sort()).toEqual(['乙镇→甲镇 8', '甲镇→乙镇 8']);
    expect(body.judges).toHaveLength(5);
    expect(body.scales.centred).toBe(false);
  });

  it('when a city sheet is not complete, then that village’s city score is left out and the note says so', async () => {
    const v = villages[0] as (typeof villages)[number];
    const [first] = await sheet('city', v, v.quality);
    await deleteSheetEntries(t.app.services.db, t.city.countyId, campaignId, 'city', v.id, [first?.indicatorId as string]);
    const body = (await org.get(`/api/campaigns/${campaignId}/raters`)).json();
    expect(body.counts.city).toBe(15);
    expect(body.notes).toContain('1 张市级考评评分表尚未填完，未计入。');
    await upsertSheetEntries(t.app.services.db, [first as NonNullable<typeof first>]);
  });

  it('when a campaign has no scores yet, then there are no flags and the notes say why nothing is judged', async () => {
    const { campaignId: empty } = await campaignInMutualStage(t, 2027);
    const body = (await (await loginAs(t.app, 'orgadmin')).get(`/api/campaigns/${empty}/raters`)).json();
    expect(body.flags).toEqual([]);
    expect(body.notes).toEqual(['尚无互评分数，无法判断互评组是否偏宽或偏严。', '尚无擂台比武打分，无法判断评委。']);
  });

  it('when a town admin, a judge or nobody asks, then 403, 403 and 401; an unknown campaign is 404', async () => {
    expect((await (await loginAs(t.app, 'town1')).get(`/api/campaigns/${campaignId}/raters`)).statusCode).toBe(403);
    expect((await (await loginAs(t.app, 'judge1')).get(`/api/campaigns/${campaignId}/raters`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/raters` })).statusCode).toBe(401);
    // The previous test moved the clock a year on: a fresh session.
    org = await loginAs(t.app, 'orgadmin');
    const missing = await org.get(`/api/campaigns/${randomUUID()}/raters`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('campaign.not_found');
  });
});

describe('GET /api/campaigns/:id/exports/raters.xlsx', () => {
  it('when the department exports, then the workbook lists the flags and their villages as on the page, and one export row is audited', async () => {
    const before = (await auditRows(t.app, 'export')).length;
    const res = await org.get(`/api/campaigns/${campaignId}/exports/raters.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('2026年度评价质量.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['提示', '提示涉及的村', '互评组×被评镇', '擂台比武评委', '说明']);
    const flags = book.getWorksheet('提示') as ExcelJS.Worksheet;
    expect(flags.getRow(1).values).toEqual([undefined, '序号', '类型', '镇/评委', '偏差', '判断门槛', '村数', '说明']);
    const page = (await org.get(`/api/campaigns/${campaignId}/raters`)).json();
    expect(flags.getRow(2).getCell(2).value).toBe('互评互相偏高');
    expect(flags.getRow(2).getCell(7).value).toBe(page.flags[0].message);
    expect(flags.getRow(3).getCell(3).value).toBe('judge5 测试');
    expect(flags.getRow(3).getCell(4).value).toBe(page.flags[1].effect);
    expect((book.getWorksheet('提示涉及的村') as ExcelJS.Worksheet).rowCount).toBe(1 + 16 + 16);
    const rows = await auditRows(t.app, 'export');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ object_type: 'campaign_raters', object_id: campaignId, username: 'orgadmin' });
  });

  it('when a town admin asks for the export, then 403 and nothing is audited as an export', async () => {
    const before = (await auditRows(t.app, 'export')).length;
    expect((await (await loginAs(t.app, 'town1')).get(`/api/campaigns/${campaignId}/exports/raters.xlsx`)).statusCode).toBe(403);
    expect(await auditRows(t.app, 'export')).toHaveLength(before);
  });
});
