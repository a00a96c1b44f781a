import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as ListPage } from '../shared/contracts/common';
import type { StandardDetail, StandardSummary } from '../shared/contracts/standards';
import type { Standard } from '../shared/standards/standard';
import { apiGet, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const suite = useBrowserSuite();
let page: Page;

beforeAll(async () => {
  page = await suite.as('orgadmin');
});

const listStandards = (q: string) => apiGet<ListPage<StandardSummary>>(page, `/standards?q=${encodeURIComponent(q)}&pageSize=100`);

async function openList() {
  await page.getByRole('menuitem', { name: '评星标准' }).click();
  await page.getByTestId('standards-table').locator('.ant-table-row').first().waitFor();
}

const rowOf = (code: string, version: string) =>
  page.getByTestId('standards-table').locator('.ant-table-row', { hasText: code }).filter({ has: page.getByRole('cell', { name: version, exact: true }) });

describe('rating standards', () => {
  it('when orgadmin clones the locked tumen-2022 and changes points, then the editor flags the totals until they agree and the saved version is listed', async () => {
    await openList();
    const tumen = rowOf('tumen-2022', '2022.1');
    await expect(tumen.getByText('已锁定').count()).resolves.toBe(1);
    await expect(tumen.getByRole('button', { name: '编辑' }).isDisabled()).resolves.toBe(true);
    await tumen.getByText('已锁定').hover();
    await page.getByRole('tooltip').getByText(/^\d{4} 年度评星使用此标准$/).waitFor();
    await screenshot(page, '40-standards-list');

    // The viewer states every veto rule in words.
    await tumen.getByRole('button', { name: '查看' }).click();
    const vetoRows = page.getByTestId('veto-rules').locator('.ant-table-row');
    await vetoRows.first().waitFor();
    await expect(vetoRows.allInnerTexts()).resolves.toEqual([
      '违反党规党纪\tdiscipline\t一票否决，不予评星',
      '违法犯罪\tcrime\t一票否决，不予评星',
      '违规上访\tpetition\t最高只能评为 2 星',
    ]);
    await page.getByText('评为 5 星须上年达到 4 星及以上（上年星级不详的视为不满足）；不满足的降为 4 星').waitFor();
    await screenshot(page, '41-standard-view');

    // A locked standard changes only through a new version.
    await page.getByRole('button', { name: '复制为新版本' }).click();
    const dialog = page.getByRole('dialog', { name: '复制为新版本' });
    await dialog.getByLabel('新版本号').fill('2026.1');
    await dialog.getByRole('button', { name: '复制并编辑' }).click();
    await page.waitForURL(/\/standards\/[0-9a-f-]{36}\/edit$/);
    const newId = /\/standards\/([0-9a-f-]{36})\/edit$/.exec(page.url())?.[1] ?? '';
    await page.getByTestId('validation-ok').waitFor();
    const save = page.getByRole('button', { name: /保\s*存/ });
    await expect(save.isDisabled()).resolves.toBe(true);

    await page.getByRole('tab', { name: /维度与指标/ }).click();
    await page.getByLabel('指标“班子队伍建设”分值').fill('8');
    const dimensionError = page.locator('[data-path="dimensions[0].maxPoints"] .ant-form-item-explain-error');
    await expect(dimensionError.textContent()).resolves.toBe('维度满分 25 与其指标满分之和 27 不一致');
    await page.getByText('标准有 1 处问题，修正后才能保存').waitFor();
    await expect(save.isDisabled()).resolves.toBe(true);
    await screenshot(page, '42-standard-editor-error');

    // Fixing the dimension moves the disagreement up to the total, then fixing that clears it.
    await page.getByLabel('维度“支部建设”满分').fill('27');
    await dimensionError.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /基本信息/ }).click();
    await expect(page.locator('[data-path="totalMaxScore"] .ant-form-item-explain-error').textContent()).resolves.toMatch(/102/);
    await page.getByLabel('总分', { exact: true }).fill('102');
    await page.getByTestId('validation-ok').waitFor();
    // antd fades a cleared message out before removing it.
    await page.locator('.ant-form-item-explain-error').first().waitFor({ state: 'detached' });
    await save.click();

    await page.waitForURL(new RegExp(`/standards/${newId}$`));
    await page.getByTestId('standard-view').getByText('102 分').first().waitFor();
    const saved = await apiGet<StandardDetail>(page, `/standards/${newId}`);
    const doc = saved.document as Standard;
    expect({ version: saved.version, locked: saved.locked, total: doc.totalMaxScore, branch: doc.dimensions[0]?.maxPoints, team: doc.dimensions[0]?.indicators[0]?.maxPoints }).toEqual({
      version: '2026.1',
      locked: false,
      total: 102,
      branch: 27,
      team: 8,
    });

    await openList();
    const fresh = rowOf('tumen-2022', '2026.1');
    await fresh.waitFor();
    await expect(fresh.getByText('可编辑').count()).resolves.toBe(1);
    await expect(fresh.innerText()).resolves.toContain('102');
    await expect(rowOf('tumen-2022', '2022.1').getByText('已锁定').count()).resolves.toBe(1);
    await screenshot(page, '43-standards-list-new-version');
  });

  it('when orgadmin imports a file that is not JSON or a standard with errors, then the reasons are shown and nothing is saved', async () => {
    await openList();
    const before = (await listStandards('')).total;
    await page.getByRole('button', { name: /导入 JSON/ }).click();
    const dialog = page.getByRole('dialog', { name: '导入评星标准（JSON）' });
    const input = dialog.locator('input[type=file]');

    await input.setInputFiles({ name: '指标.json', mimeType: 'application/json', buffer: Buffer.from('维度,指标\n支部建设,班子') });
    await expect(dialog.getByTestId('import-json-error').innerText()).resolves.toMatch(/^文件不是有效的 JSON/);

    const shipped = JSON.parse(await readFile(new URL('../standards/tumen-2022.json', import.meta.url), 'utf8')) as Standard;
    const broken = structuredClone(shipped);
    broken.version = 'import.1';
    if (broken.levelScheme.type === 'thresholds') broken.levelScheme.thresholds[1] = { stars: 4, minScore: 95 };
    broken.vetoes?.push({ category: 'discipline', name: '违反党规党纪（重复）', effect: { type: 'lowerStars', by: 1 } });
    await input.setInputFiles({ name: 'tumen-broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await dialog.getByText('标准中有 2 处错误，未导入').waitFor();
    const errorRows = dialog.getByTestId('standard-errors').locator('.ant-table-row');
    const texts = (await errorRows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(texts).toHaveLength(2);
    expect(texts.find((t) => t.includes('levelScheme.thresholds[1]'))).toMatch(/^定级方案 › 分数门槛第 2 项 levelScheme\.thresholds\[1\] 星级门槛须按星级从高到低/);
    expect(texts.find((t) => t.includes('vetoes[3].category'))).toMatch(/^否决与降星“违反党规党纪（重复）” › 违规类别 vetoes\[3\]\.category /);
    await screenshot(page, '44-standard-import-errors');
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(listStandards('')).resolves.toMatchObject({ total: before });
  });

  it('when the indicator sheet has a bad row, then the rows are listed and the standard is unchanged', async () => {
    const named = (await listStandards('named-stars-500')).items[0];
    expect(named, 'the demo city holds named-stars-500').toBeDefined();
    if (!named) return;
    const exported = await page.request.get(`/api/standards/${named.id}/indicators.xlsx`);
    expect(exported.ok()).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('指标表');
    if (!sheet) throw new Error('the export has no 指标表 sheet');
    const kindColumn = (sheet.getRow(1).values as unknown[]).indexOf('指标类型');
    sheet.getRow(3).getCell(kindColumn).value = '打分';
    const file = Buffer.from(await book.xlsx.writeBuffer());

    await page.goto(`/standards/${named.id}`);
    await page.getByRole('button', { name: /导入 Excel/ }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '指标表.xlsx', mimeType: xlsxMime, buffer: file });
    const modal = page.locator('.ant-modal');
    await modal.getByText('未导入任何数据').first().waitFor();
    const row = modal.locator('.ant-table-row', { hasText: '指标类型' });
    await expect(row.allInnerTexts()).resolves.toEqual(['3\t指标类型\t应为“评分”或“公式”']);
    await screenshot(page, '45-indicator-import-errors');
    await modal.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(apiGet<StandardDetail>(page, `/standards/${named.id}`)).resolves.toMatchObject({ updatedAt: named.updatedAt, indicatorCount: 20 });
  });
});
