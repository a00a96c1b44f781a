// The arena grid in the browser, on the demo's own judges: the current campaign is moved on to
// 部门点评 through the API, then judge01 pastes one block copied from a spreadsheet over the
// panel's villages; the bad cell is refused at the cell and stops the save, and once fixed the
// whole block is stored by one save.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArenaGrid } from '../shared/contracts/department-grids';
import { apiGet, screenshot } from './helpers/browser';
import { demoCampaignInDepartmentStage, pasteInto } from './helpers/department-stage';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();
let campaignId: string;

beforeAll(async () => {
  const org = await suite.as('orgadmin');
  campaignId = await demoCampaignInDepartmentStage(suite.server.baseUrl, org);
});

describe('the arena grid', () => {
  it('when a judge pastes a block with one score over the maximum, then that cell is refused with its reason and nothing is saved until it is fixed; then one save stores the block', async () => {
    const page = await suite.as('judge01');
    await page.goto(`/campaigns/${campaignId}/department`);
    await page.getByRole('button', { name: '擂台比武表格录入' }).click();
    await page.getByTestId('arena-grid').waitFor();
    const grid = await apiGet<ArenaGrid>(page, `/campaigns/${campaignId}/arena/grid`);
    expect(grid.rows.length).toBeGreaterThan(5);
    const max = grid.indicator.maxPoints;
    const half = Math.round(max * 50) / 100;
    // One column, one row per village; the fourth over the maximum.
    const block = grid.rows.map((_r, i) => (i === 3 ? String(max + 1) : String(half))).join('\r\n') + '\r\n';
    await pasteInto(page, '0:0', block);
    const bad = page.locator('[data-cell="3:0"]');
    expect(await bad.getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('arena-grid').getByRole('alert').getByText(`超过满分，应为 0–${max} 分，最多 2 位小数`).waitFor();
    await page.getByTestId('block-status').getByText('1 格有误，改正后才能保存').waitFor();
    const save = page.getByRole('button', { name: /保存全部/ });
    expect(await save.isDisabled()).toBe(true);
    await screenshot(page, '110-arena-grid-paste');
    expect((await apiGet<ArenaGrid>(page, `/campaigns/${campaignId}/arena/grid`)).rows.every((r) => r.points === null)).toBe(true);
    // Fixed by typing, with Enter moving down as in a spreadsheet; then one save for the block.
    await bad.fill('1');
    await bad.press('Enter');
    expect(await page.locator('[data-cell="4:0"]').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await bad.getAttribute('aria-invalid')).toBe('false');
    await save.click();
    await page.getByText(`已保存 ${grid.rows.length} 个村的擂台比武评分`).waitFor();
    const stored = await apiGet<ArenaGrid>(page, `/campaigns/${campaignId}/arena/grid`);
    expect(stored.rows.map((r) => r.points)).toEqual(grid.rows.map((_r, i) => (i === 3 ? 1 : half)));
  });
});
