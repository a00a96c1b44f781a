// 待办 in the browser: a town admin's desk and menu badge count the commitments waiting for the
// town's approval and fall as one is approved; the cockpit draws and exports its PDF; detail pages
// carry a breadcrumb back to their list; then every menu page of several roles is opened with the
// console watched (any uncaught error or console error fails the run).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { problemsOn, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();

const countIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).first().textContent())?.replace(/\D/g, '') || '0');

describe('待办', () => {
  it('when the login page opens without a session, then no request fails (not being logged in is an answer)', async () => {
    const page = await suite.open({ checked: true });
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') failed.push(msg.text());
    });
    await page.goto('/');
    await page.getByPlaceholder('用户名').waitFor();
    expect(failed).toEqual([]);
  });

  it('when a town admin confirms a problem the village closed, then the desk and the menu badge count one fewer', async () => {
    const town = await suite.as('town01');
    await town.getByTestId('desk-count-problems_confirm').waitFor({ timeout: 30_000 });
    const before = await countIn(town, 'desk-count-problems_confirm');
    expect(before).toBeGreaterThan(0);
    await town.getByTestId('menu-badge-/service').waitFor();
    const serviceBadge = await countIn(town, 'menu-badge-/service');
    expect(serviceBadge).toBeGreaterThanOrEqual(before);
    await screenshot(town, '103-desk-town-admin');

    await town.getByTestId('desk-problems_confirm').getByRole('link').click();
    await town.waitForURL(/\/service\?tab=problems/);
    await town.locator('.ant-select', { hasText: '状态' }).first().click();
    await town.locator('.ant-select-item-option', { hasText: '已销号' }).click();
    const first = town.locator('.ant-table-row').first();
    await first.waitFor();
    await first.locator('a').first().click();
    await town.locator('.ant-drawer').getByRole('button', { name: '确认销号' }).click();
    await town.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
    await town.waitForFunction(
      ([id, n]) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\D/g, '') || '0') === n,
      ['menu-badge-/service', serviceBadge - 1] as const,
      { timeout: 30_000 },
    );
    await town.goto('/');
    await town.getByTestId('desk-count-problems_confirm').waitFor();
    expect(await countIn(town, 'desk-count-problems_confirm')).toBe(before - 1);
  });

  it('when the 组织部管理员 opens the cockpit at 1920×1080, then the charts are drawn', async () => {
    const org = await suite.as('orgadmin');
    await org.setViewportSize({ width: 1920, height: 1080 });
    await org.goto('/cockpit');
    await org.getByTestId('cockpit').locator('canvas').first().waitFor();
    expect(await org.getByTestId('cockpit').locator('canvas').count()).toBeGreaterThanOrEqual(3);
    await screenshot(org, '104-cockpit-1920');
  });

  it('when the 组织部管理员 exports the cockpit as PDF, then an A4 landscape PDF downloads', async () => {
    const org = await suite.as('orgadmin');
    await org.setViewportSize({ width: 1920, height: 1080 });
    await org.goto('/cockpit');
    await org.getByTestId('cockpit').locator('canvas').first().waitFor();
    const [download] = await Promise.all([org.waitForEvent('download'), org.getByRole('button', { name: /导出PDF/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/数据驾驶舱-\d{4}-\d{8}\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(1024);
    // One page, A4 landscape in points (297 × 210 mm).
    const box = /\/MediaBox \[([\d. ]+)\]/.exec(pdf.toString('latin1'))?.[1]?.split(' ').map((n) => Math.round(Number(n)));
    expect(box).toEqual([0, 0, 842, 595]);
    await writeFile(fileURLToPath(new URL('./screenshots/105-cockpit.pdf', import.meta.url)), pdf);
  });
});

describe('breadcrumbs', () => {
  const crumbTexts = (page: Page) => page.getByTestId('page-breadcrumb').locator('.ant-breadcrumb-link').allTextContents();

  it('when the 组织部管理员 opens a campaign, then the breadcrumb names the list and the campaign, and the list crumb leads back', async () => {
    const org = await suite.as('orgadmin');
    await org.goto('/campaigns');
    await org.locator('.ant-table-row').first().waitFor();
    expect(await org.getByTestId('page-breadcrumb').count()).toBe(0);
    const link = org.locator('.ant-table-row a[href^="/campaigns/"]').first();
    const name = (await link.textContent())?.trim() ?? '';
    await link.click();
    await org.getByTestId('page-breadcrumb').getByText(name, { exact: true }).waitFor();
    expect(await crumbTexts(org)).toEqual(['评星定级', name]);
    expect(await org.locator('.ant-breadcrumb').count()).toBe(1);
    await screenshot(org, '106-breadcrumb-campaign');
    await org.getByTestId('page-breadcrumb').getByRole('link', { name: '评星定级' }).click();
    await org.waitForURL(/\/campaigns$/);
    await org.getByTestId('page-breadcrumb').waitFor({ state: 'detached' });
  });

  it('when the 组织部管理员 opens a training session, then the breadcrumb shows 干部培训 / 课程与场次 / the topic, once, and each crumb navigates', async () => {
    const org = await suite.as('orgadmin');
    await org.goto('/training/sessions');
    await org.getByTestId('page-breadcrumb').waitFor();
    expect(await crumbTexts(org)).toEqual(['干部培训', '课程与场次']);
    const link = org.locator('.ant-table-row a[href^="/training/sessions/"]').first();
    const topic = (await link.textContent())?.trim() ?? '';
    await link.click();
    await org.getByTestId('page-breadcrumb').getByText(topic, { exact: true }).waitFor();
    expect(await crumbTexts(org)).toEqual(['干部培训', '课程与场次', topic]);
    // The page no longer writes its own: one breadcrumb.
    expect(await org.locator('.ant-breadcrumb').count()).toBe(1);
    await screenshot(org, '107-breadcrumb-training-session');
    await org.getByTestId('page-breadcrumb').getByRole('link', { name: '课程与场次' }).click();
    await org.waitForURL(/\/training\/sessions$/);
    await org.getByTestId('page-breadcrumb').getByRole('link', { name: '干部培训' }).click();
    await org.waitForURL(/\/training$/);
    await org.getByTestId('page-breadcrumb').waitFor({ state: 'detached' });
  });
});

describe('every page with the console watched', () => {
  it('when the 组织部管理员, and a town admin open each page of their menu, then no page throws or logs an error', async () => {
    for (const username of ['orgadmin', 'town02']) {
      const page = await suite.as(username);
      const links = await page.locator('.ant-layout-sider .ant-menu-item').evaluateAll((items) => items.map((i) => { const id = i.getAttribute('data-menu-id') ?? ''; return id.slice(id.indexOf('-/') + 1); }));
      const paths = links.filter((p) => p.startsWith('/'));
      expect(paths.length).toBeGreaterThan(2);
      for (const path of paths) {
        await page.goto(path);
        await page.locator('.ant-layout-content').waitFor();
        await page.waitForLoadState('networkidle');
        // A menu's top-level page has no breadcrumb (the menu already says where the user is).
        expect(await page.getByTestId('page-breadcrumb').count(), path).toBe(0);
      }
      expect(problemsOn(page), `${username}: ${paths.join(' ')}`).toEqual([]);
    }
  }, 300_000);
});
