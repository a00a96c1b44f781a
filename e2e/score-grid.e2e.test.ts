// The score grid in the browser, on the demo's own judges: the current campaign is moved on to
// 部门点评 through the API, then judge01 fills the whole panel by pasting one block copied from a
// spreadsheet (one bad cell refused), uploads the .xlsx with a bad cell, and two judges on one
// sheet see the second save refused without losing what was typed.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { ScoreGrid } from '../shared/contracts/score-grid';
import { apiGet, screenshot } from './helpers/browser';
import { demoCampaignInDepartmentStage, pasteInto } from './helpers/department-stage';
import { useBrowserSuite } from './helpers/suite';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const suite = useBrowserSuite();
let campaignId: string;
/** judge01's page, opened by the first test and used by the next ones. */
let judge01: Page;

async function judgePage(username: string): Promise<Page> {
  const page = await suite.as(username);
  await page.goto(`/campaigns/${campaignId}/grid/department`);
  await page.getByTestId('score-grid').waitFor();
  return page;
}

const grid = (page: Page) => apiGet<ScoreGrid>(page, `/campaigns/${campaignId}/grid/department`);

beforeAll(async () => {
  const org = await suite.as('orgadmin');
  campaignId = await demoCampaignInDepartmentStage(suite.server.baseUrl, org);
});

describe('the score grid', () => {
  it('when a judge pastes a block over the whole panel, then every row saves itself except the one with a bad cell, which is marked and kept from the server', async () => {
    const page = (judge01 = await judgePage('judge01'));
    const before = await grid(page);
    const mine = before.rows.filter((r) => r.canScore);
    const typed = before.indicators.filter((i) => i.computedFrom === null);
    expect(mine.length).toBeGreaterThan(10); // 东岭镇 and 西河镇's villages
    // Each cell at half its maximum, two decimals at most; one cell of the third row over the top.
    const block = mine.map((_r, row) => typed.map((i, col) => (row === 2 && col === 1 ? String(i.maxPoints + 1) : String(Math.round(i.maxPoints * 50) / 100))).join('\t')).join('\r\n') + '\r\n';
    await pasteInto(page, '0:0', block);
    const bad = mine[2] as (typeof mine)[number];
    await page.getByTestId(`row-state-${bad.name}`).getByText('1 格有误，未保存').waitFor();
    await page.getByTestId(`row-state-${(mine.at(-1) as (typeof mine)[number]).name}`).getByText('已保存').waitFor({ timeout: 60_000 });
    const badCell = page.locator('[data-cell="2:1"]');
    expect(await badCell.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '100-score-grid-paste');
    const after = await grid(page);
    const stored = (villageId: string) => after.rows.find((r) => r.villageId === villageId);
    expect(mine.filter((r) => r !== bad).every((r) => typed.every((i) => stored(r.villageId)?.points[i.id] === Math.round(i.maxPoints * 50) / 100))).toBe(true);
    expect(typed.every((i) => stored(bad.villageId)?.points[i.id] === null)).toBe(true);
    // Fixed by typing, with Enter moving down as in a spreadsheet.
    await badCell.fill('1');
    await badCell.press('Enter');
    expect(await page.locator('[data-cell="3:1"]').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByTestId(`row-state-${bad.name}`).getByText('已保存').waitFor({ timeout: 30_000 });
  });

  it('when the sheet comes back as .xlsx with one bad cell, then nothing is imported and the cell is listed by row, column and reason', async () => {
    const page = judge01;
    const res = await page.request.get(`/api/campaigns/${campaignId}/grid/department/sheet.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('评分表') as ExcelJS.Worksheet;
    sheet.getCell('D4').value = 2.555;
    const file = Buffer.from(await book.xlsx.writeBuffer());
    await page.getByRole('button', { name: /导入 Excel/ }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '评分表.xlsx', mimeType: xlsxMime, buffer: file });
    const modal = page.locator('.ant-modal');
    await modal.getByText('未导入任何数据').waitFor();
    const row = modal.locator('.ant-table-row').first();
    await row.getByText('D4 单元格最多保留两位小数').waitFor();
    expect(await row.locator('td').first().textContent()).toBe('4');
    expect(await row.locator('td').nth(1).textContent()).toBe(String(sheet.getCell('D1').value));
    await screenshot(page, '101-score-grid-xlsx-errors');
    await modal.getByRole('button', { name: /关\s*闭/ }).click();
  });

  it('when the sheet is downloaded and uploaded from the page, then both run as jobs: the download finishes in a dialog, the fixed file imports with its progress shown and the grid shows the values', async () => {
    const page = judge01;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载评分表/ }).click()]);
    await page.getByTestId('export-progress').getByText('导出评分表已完成').waitFor();
    await page.getByTestId('export-file').getByText(/评分表\.xlsx/).waitFor();
    await screenshot(page, '101b-score-grid-export-job');
    await page.getByRole('dialog').getByRole('button', { name: /关\s*闭/ }).click();
    const book = new ExcelJS.Workbook();
    const parts: Buffer[] = [];
    for await (const part of await download.createReadStream()) parts.push(part as Buffer);
    await book.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('评分表') as ExcelJS.Worksheet;
    const code = String(sheet.getCell('C2').value);
    sheet.getCell('D2').value = 0.75;
    const before = await grid(page);
    const mine = before.rows.filter((r) => r.canScore);
    await page.getByRole('button', { name: /导入 Excel/ }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '评分表.xlsx', mimeType: xlsxMime, buffer: Buffer.from(await book.xlsx.writeBuffer()) });
    const modal = page.locator('.ant-modal');
    await modal.getByText(`已导入 ${mine.length} 条评分表数据`).waitFor();
    await screenshot(page, '101c-score-grid-import-job');
    await modal.getByRole('button', { name: /关\s*闭/ }).click();
    const first = before.indicators.find((i) => i.computedFrom === null) as ScoreGrid['indicators'][number];
    expect((await grid(page)).rows.find((r) => r.code === code)?.points[first.id]).toBe(0.75);
    await page.getByTestId('score-grid').waitFor();
    expect(await page.locator('[data-cell="0:0"]').inputValue()).toBe('0.75');
  });

  it('when two judges type into one sheet, then the second save is refused with the first one’s values shown and the second one’s typing kept', async () => {
    const [one, two] = [judge01, await judgePage('judge02')];
    await one.reload();
    await one.getByTestId('score-grid').waitFor();
    const g = await grid(one);
    const village = (g.rows.filter((r) => r.canScore)[5] as ScoreGrid['rows'][number]).name;
    await one.locator('[data-cell="5:0"]').fill('0.5');
    await one.getByTestId(`row-state-${village}`).getByText('已保存').waitFor();
    await two.locator('[data-cell="5:0"]').fill('0.25'); // judge02 still holds the older version
    const state = two.getByTestId(`row-state-${village}`);
    await state.getByText('已先保存，您的修改未保存').waitFor();
    expect(await two.locator('[data-cell="5:0"]').inputValue()).toBe('0.25');
    const stored = (await grid(two)).rows.find((r) => r.name === village);
    const first = g.indicators.find((i) => i.computedFrom === null) as ScoreGrid['indicators'][number];
    expect(stored?.points[first.id]).toBe(0.5);
    await screenshot(two, '102-score-grid-conflict');
    await state.getByRole('button', { name: '保存我的分数' }).click();
    await state.getByText('已保存').waitFor();
    expect((await grid(two)).rows.find((r) => r.name === village)?.points[first.id]).toBe(0.25);
  });
});
