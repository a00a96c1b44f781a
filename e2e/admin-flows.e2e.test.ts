import { describe, expect, it } from 'vitest';
import type { Me } from '../shared/contracts/auth';
import type { Page as ListPage } from '../shared/contracts/common';
import type { OrgUnit } from '../shared/contracts/org-units';
import { apiGet, login, problemsOn, screenshot, selectOrgInTree } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();

describe('org administrator', () => {
  it('when orgadmin searches the org tree for a village and selects it, then its details are shown', async () => {
    const page = await suite.open();
    await page.goto('/');
    await page.getByText('五星级乡村党组织创建管理平台').first().waitFor();
    await screenshot(page, '01-login');

    await login(page, 'orgadmin');
    await page.locator('.ant-statistic').first().waitFor();
    await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' }).catch(() => undefined);
    await screenshot(page, '02-home-orgadmin');

    // A village whose name is unique, so the tree shows exactly one hit.
    const villages = await apiGet<ListPage<OrgUnit>>(page, '/org-units?level=village&pageSize=100');
    const village = villages.items
      .filter((v) => villages.items.filter((w) => w.name === v.name).length === 1)
      .at(-1);
    expect(village, 'the demo city has a uniquely named village').toBeDefined();
    if (!village) return;

    // The tree loads a level as it opens and searches on the server: the whole tree is never asked for.
    const treeCalls: string[] = [];
    page.on('request', (r) => {
      const { pathname } = new URL(r.url());
      if (pathname.startsWith('/api/org-units/tree')) treeCalls.push(pathname);
    });
    await page.getByRole('menuitem', { name: '组织架构' }).click();
    await page.locator('.ant-tree').waitFor();
    await page.locator('.ant-tree [data-org-name]').first().waitFor();
    await expect(page.locator(`.ant-tree [data-org-name="${village.name}"]`).count()).resolves.toBe(0);
    await selectOrgInTree(page, village.name);
    expect(treeCalls).not.toContain('/api/org-units/tree');
    expect(treeCalls).toContain('/api/org-units/tree/children');
    expect(treeCalls).toContain('/api/org-units/tree/search');
    const node = page.locator(`.ant-tree [data-org-name="${village.name}"]`);
    await expect(node.locator('.org-tree-match').textContent()).resolves.toBe(village.name);

    const detail = page.getByTestId('org-detail');
    await detail.getByText(village.code, { exact: true }).waitFor();
    await expect(detail.locator('.ant-card-head-title').textContent()).resolves.toBe(village.name);
    await expect(detail.getByText(village.partyOrgName).count()).resolves.toBeGreaterThan(0);
    await expect(detail.getByRole('button', { name: /调整隶属/ }).count()).resolves.toBe(1);
    await screenshot(page, '03-org-tree-village');

    await page.getByRole('tab', { name: '组织列表' }).click();
    await page.locator('[data-testid="org-table"] .ant-table-row').first().waitFor();
    // The whole county's list is not counted on every page: it says more follow, and counts when asked.
    const pageTotal = page.getByTestId('open-page-total');
    await pageTotal.waitFor();
    await expect(pageTotal.textContent()).resolves.toContain('第 1–20 条，后面还有');
    await screenshot(page, '04-org-table-orgadmin');
    const counted = await apiGet<ListPage<OrgUnit>>(page, '/org-units?pageSize=1&count=true');
    await pageTotal.getByRole('button', { name: '统计总数' }).click();
    await page.locator('.ant-pagination-total-text', { hasText: `共 ${counted.total} 条` }).waitFor();

    await page.getByRole('menuitem', { name: '人员管理' }).click();
    await page.locator('.ant-table-row, .ant-empty').first().waitFor();
    await screenshot(page, '05-people-orgadmin');
    expect(problemsOn(page)).toEqual([]);
    await page.context().close();
  });
});

describe('audit administrator', () => {
  it('when auditor logs in, then the audit log lists login rows and the chain status', async () => {
    const page = await suite.open();
    await login(page, 'auditor');
    // 三权分立: the auditor sees audit only, no business menus.
    await expect(page.getByRole('menuitem', { name: '组织架构' }).count()).resolves.toBe(0);
    await page.getByRole('menuitem', { name: '审计日志' }).click();

    const loginRow = page.locator('.ant-table-row', { hasText: '登录成功' }).filter({ hasText: 'auditor' });
    await loginRow.first().waitFor();
    await page.getByTestId('audit-chain-status').getByText(/哈希链/).waitFor();
    await page.getByText(/哈希链完整|哈希链在第/).waitFor();
    await screenshot(page, '06-audit-log');

    await page.goto('/orgs');
    await page.getByText('抱歉，您的账户没有访问此页面的权限。').waitFor();
    await screenshot(page, '07-forbidden');

    // Item 25: logging out clears what the browser kept for the site (Clear-Site-Data).
    await page.evaluate(() => {
      localStorage.setItem('item25-probe', 'x');
      sessionStorage.setItem('item25-probe', 'x');
    });
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByPlaceholder('用户名').waitFor();
    await expect(page.evaluate(() => [localStorage.length, sessionStorage.length])).resolves.toEqual([0, 0]);
    await page.goto('/audit');
    await page.getByPlaceholder('用户名').waitFor();
    await expect(page.url()).toMatch(/\/login$/);
    expect(problemsOn(page)).toEqual([]);
    await page.context().close();
  });
});

describe('town administrator', () => {
  it('when town01 opens the org table, then only villages of its own town are listed', async () => {
    const page = await suite.open();
    await login(page, 'town01');
    const me = await apiGet<Me>(page, '/auth/me');
    const town = me.roles.find((r) => r.orgLevel === 'town');
    expect(town, 'town01 holds a town-level role').toBeDefined();
    if (!town) return;
    const own = await apiGet<ListPage<OrgUnit>>(page, '/org-units?level=village&pageSize=100');
    expect(own.total).toBeGreaterThan(0);

    await page.goto('/orgs?view=table');
    await page.locator('.ant-select', { hasText: '层级' }).click();
    await page.locator('.ant-select-item-option', { hasText: '村（社区）' }).click();
    const rows = page.locator('[data-testid="org-table"] .ant-table-row');
    await page.getByText(`共 ${own.total} 条`).waitFor();
    await rows.first().waitFor();

    const parents = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[4]?.textContent ?? ''));
    expect(parents.length).toBe(Math.min(own.total, 20));
    expect(new Set(parents)).toEqual(new Set([town.orgUnitName]));
    await screenshot(page, '08-org-table-town01');

    // The tree shows the town as the only root.
    await page.getByRole('tab', { name: '架构树' }).click();
    await page.locator('.ant-tree').waitFor();
    await expect(page.locator('.ant-tree [data-org-name]').first().getAttribute('data-org-name')).resolves.toBe(town.orgUnitName);
    await screenshot(page, '09-org-tree-town01');
    expect(problemsOn(page)).toEqual([]);
    await page.context().close();
  });
});

describe('security administrator', () => {
  it('when secadmin opens account management, then accounts show roles and role actions', async () => {
    const page = await suite.open();
    await login(page, 'secadmin');
    await page.getByRole('menuitem', { name: '账户管理' }).click();
    // The demo has more accounts than a page holds: find them as a user would, by searching.
    await page.getByLabel('按用户名或姓名搜索').fill('orgadmin');
    await page.getByLabel('按用户名或姓名搜索').press('Enter');
    await page.locator('.ant-table-row', { hasText: 'orgadmin' }).first().waitFor();
    await expect(page.getByRole('button', { name: '分配角色' }).count()).resolves.toBeGreaterThan(0);
    // Creating accounts and resetting passwords belong to the system administrator.
    await expect(page.getByRole('button', { name: /新建账户/ }).count()).resolves.toBe(0);
    await screenshot(page, '10-accounts-secadmin');

    await page.getByLabel('按用户名或姓名搜索').fill('town02');
    await page.getByLabel('按用户名或姓名搜索').press('Enter');
    await page.locator('.ant-table-row', { hasText: 'town02' }).getByRole('button', { name: '分配角色' }).click();
    await page.locator('.ant-modal').getByText('三权分立').waitFor();
    await screenshot(page, '11-role-assign');
    expect(problemsOn(page)).toEqual([]);
    await page.context().close();
  });
});
