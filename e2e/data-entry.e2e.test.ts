import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as ListPage } from '../shared/contracts/common';
import type { OrgUnit } from '../shared/contracts/org-units';
import { apiGet, screenshot, selectOrgInTree } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';
import { fillTemplate, idNumberFrom } from './helpers/sheets';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const suite = useBrowserSuite();
let page: Page;
let town: OrgUnit;

beforeAll(async () => {
  page = await suite.as('orgadmin');
  const towns = await apiGet<ListPage<OrgUnit>>(page, '/org-units?level=town&pageSize=1');
  const first = towns.items[0];
  if (!first) throw new Error('the demo city has no town');
  town = first;
});

async function uploadOrgSheet(rows: Record<string, string | number>[]) {
  const template = await page.request.get('/api/org-units/import-template.xlsx');
  expect(template.ok()).toBe(true);
  const file = await fillTemplate(await template.body(), rows);
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '组织导入.xlsx', mimeType: xlsxMime, buffer: file });
}

const villageRow = (name: string, code: string, parentCode: string) => ({
  上级组织编码: parentCode,
  组织类型: '行政村',
  组织名称: name,
  组织编码: code,
  党组织类型: '党支部',
  党组织名称: `${name}党支部`,
});

describe('org import', () => {
  it('when the sheet has a bad row, then nothing is imported and the rows are listed; when fixed, then it imports', async () => {
    await page.goto('/orgs');
    await page.getByRole('button', { name: /导入 Excel/ }).click();
    await uploadOrgSheet([villageRow('试点村', 'E2E-V01', town.code), villageRow('无主村', 'E2E-V02', 'NO-SUCH-CODE')]);

    const modal = page.locator('.ant-modal');
    await modal.getByText('未导入任何数据').waitFor();
    const errorRow = modal.locator('.ant-table-row', { hasText: '上级组织编码' });
    await errorRow.first().waitFor();
    await expect(errorRow.first().locator('td').first().textContent()).resolves.toBe('3');
    await screenshot(page, '20-org-import-errors');
    const none = await apiGet<ListPage<OrgUnit>>(page, '/org-units?q=E2E-V01');
    expect(none.total).toBe(0);

    await uploadOrgSheet([villageRow('试点村', 'E2E-V01', town.code)]);
    await modal.getByText('已导入 1 条组织数据').waitFor();
    await screenshot(page, '21-org-import-done');
    await modal.getByRole('button', { name: /关\s*闭/ }).click();

    await selectOrgInTree(page, '试点村');
    await page.getByTestId('org-detail').getByText('E2E-V01', { exact: true }).waitFor();
  });
});

describe('org editing', () => {
  it('when a village is added under a town and then deactivated, then the tree greys it with a tag', async () => {
    await page.goto('/orgs');
    await selectOrgInTree(page, town.name);
    await page.getByRole('button', { name: /新增下级/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.locator('#name').fill('新建示范村');
    await modal.locator('#code').fill('E2E-V03');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已新增组织').waitFor();

    await selectOrgInTree(page, '新建示范村');
    const detail = page.getByTestId('org-detail');
    await detail.getByText('新建示范村党支部委员会').or(detail.getByText('中共新建示范村支部委员会')).first().waitFor();
    await detail.getByRole('button', { name: /停\s*用/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await page.locator('.ant-tree .org-tree-inactive[data-org-name="新建示范村"]').waitFor();
    await detail.getByText('已停用').waitFor();
    await screenshot(page, '22-org-deactivated');
  });
});

describe('people', () => {
  it('when a person is added with a position, then the list finds them masked and reveal shows the full number', async () => {
    const idNumber = idNumberFrom('22240219790315002');
    await page.goto('/people');
    await page.getByRole('button', { name: /新增人员/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('#name').fill('测试书记');
    await drawer.locator('#orgUnitId').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: town.name }).first().click();
    await drawer.locator('#birthYear').fill('1979');
    await drawer.locator('#idNumber').fill(idNumber);
    await drawer.locator('#phone').fill('13904330001');
    await drawer.getByRole('switch').click();
    await drawer.getByRole('button', { name: /添加职务/ }).click();
    await drawer.locator('.ant-select', { hasText: '职务' }).last().click();
    await page.keyboard.type('镇级领导');
    await page.locator('.ant-select-item-option', { hasText: '镇级领导' }).click();
    await screenshot(page, '23-person-drawer');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已新增人员').waitFor();

    await page.getByPlaceholder('按姓名搜索').fill('测试书记');
    await page.getByPlaceholder('按姓名搜索').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: '测试书记' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('镇级领导');
    await expect(row.textContent()).resolves.not.toContain(idNumber);
    await screenshot(page, '24-people-search');

    await row.getByRole('button', { name: /查看完整信息/ }).click();
    await page.getByRole('button', { name: '确认查看' }).click();
    await page.getByText('本次查看已被记录').waitFor();
    await page.getByText(idNumber).waitFor();
    await screenshot(page, '25-person-reveal');
  });
});
