// Field work in the browser: a village cadre records a household visit, logs the problem found,
// claims and closes it; the town sees it closed and confirms it. Then the overview pages of the
// city, a leader and a town, the pairing and supervision screens, and the villagers' pages.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as ListPage } from '../shared/contracts/common';
import type { Problem } from '../shared/contracts/fieldwork-service';
import type { FieldworkOverview } from '../shared/contracts/fieldwork-overview';
import { apiGet, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();
const title = `五组排水沟堵塞 E2E-${Date.now() % 100000}`;
const photo = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
let confirmLink = '';

/** Drawers are fixed to the viewport: a viewport shot shows them as the user sees them. */
async function drawerShot(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)) });
}

async function searchProblem(page: Page) {
  await page.goto('/service?tab=problems');
  await page.getByPlaceholder('问题或农户').fill(title);
  await page.getByPlaceholder('问题或农户').press('Enter');
  return page.locator('.ant-table-row', { hasText: title });
}

describe('the problem list from a household visit to confirmation', () => {
  it('when a village cadre records a visit, logs a problem, claims and closes it, then the town sees it closed and confirms it', async () => {
    const cadre = await suite.as('v01');
    await cadre.getByRole('menuitem', { name: '为民服务' }).click();
    await cadre.getByRole('tab', { name: '逐户走访' }).click();
    await cadre.getByRole('button', { name: /记录入户走访/ }).click();
    const visit = cadre.locator('.ant-modal', { hasText: '记录入户走访' });
    await visit.locator('.ant-select').first().click();
    await cadre.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').first().click();
    await visit.locator('#household').fill('五组 测试演某户');
    await visit.locator('#visitors').fill('村党支部书记');
    await visit.locator('#notes').fill('反映屯内排水沟堵塞，雨天积水进院。');
    await visit.getByRole('button', { name: /保\s*存/ }).click();
    await cadre.locator('.ant-modal-confirm').getByRole('button', { name: '登记问题' }).click();
    const log = cadre.locator('.ant-modal', { hasText: '详细情况' });
    await expect(log.locator('#household').inputValue()).resolves.toBe('五组 测试演某户');
    await log.locator('#title').fill(title);
    await screenshot(cadre, '50-fieldwork-log-problem');
    await log.getByRole('button', { name: /保\s*存/ }).click();
    await cadre.getByText('已登记问题').waitFor();
    await cadre.locator('.ant-table-row', { hasText: '五组 测试演某户' }).getByText('1 件').waitFor();

    const row = await searchProblem(cadre);
    await row.getByText('待认领').waitFor();
    await row.getByText(title).click();
    const drawer = cadre.locator('.ant-drawer');
    await drawer.getByRole('button', { name: /认\s*领/ }).click();
    await cadre.locator('.ant-modal', { hasText: '认领问题' }).getByRole('button', { name: /确\s*定/ }).click();
    await drawer.locator('.ant-tag', { hasText: '已认领' }).waitFor();
    await drawer.getByRole('button', { name: '开始办理' }).click();
    await drawer.locator('.ant-tag', { hasText: '办理中' }).waitFor();
    await drawer.locator('input[type=file]').setInputFiles({ name: '清淤现场.png', mimeType: 'image/png', buffer: photo });
    await drawer.locator('.ant-list-item', { hasText: '清淤现场.png' }).waitFor();
    await drawer.getByRole('button', { name: /销\s*号/ }).click();
    const resolve = cadre.locator('.ant-modal', { hasText: '办理结果' });
    await resolve.getByLabel('办理结果').fill('已组织清淤，疏通排水沟 120 米。');
    await resolve.getByRole('button', { name: /确\s*定/ }).click();
    confirmLink = (await drawer.getByTestId('confirm-link').textContent()) ?? '';
    expect(confirmLink).toMatch(/\/m\/problems\/confirm\/[A-Za-z0-9_-]{32}$/);
    await drawer.locator('.ant-timeline-item', { hasText: '销号' }).waitFor();
    // After 销号 the files are what was closed on: listed, no longer changed.
    expect(await drawer.getByRole('button', { name: '上传文件' }).count()).toBe(0);
    await drawerShot(cadre, '51-fieldwork-problem-resolved');

    const villager = await suite.open({ checked: true });
    await villager.setViewportSize({ width: 390, height: 844 });
    await villager.goto(new URL(confirmLink).pathname);
    await villager.getByText('已组织清淤').waitFor();
    await screenshot(villager, '52-fieldwork-villager-confirm');

    const town = await suite.as('town01');
    const townRow = await searchProblem(town);
    await townRow.getByText('已销号').waitFor();
    await screenshot(town, '53-fieldwork-town-sees-closed');
    await townRow.getByText(title).click();
    const townDrawer = town.locator('.ant-drawer');
    await townDrawer.locator('.ant-list-item', { hasText: '清淤现场.png' }).getByText('下载').waitFor();
    await townDrawer.getByRole('button', { name: '确认销号' }).click();
    await town.locator('.ant-modal', { hasText: '确认销号' }).getByRole('button', { name: /确\s*定/ }).click();
    await townDrawer.locator('.ant-tag', { hasText: '已确认' }).waitFor();
    await drawerShot(town, '54-fieldwork-town-confirmed');
    const found = await apiGet<ListPage<Problem>>(town, `/problems?q=${encodeURIComponent(title)}`);
    expect(found.items.map((p) => [p.status, p.confirmedVia, p.claimedByName !== ''])).toEqual([['confirmed', 'town', true]]);

    // Once the town confirmed, the household's link is spent.
    await villager.reload();
    await villager.getByText('链接已失效').waitFor();
  });
});

describe('overviews and the other field-work screens', () => {
  it('when the department opens the overview, then the city figures and charts show, and the compliance list marks overdue pairings', async () => {
    const org = await suite.as('orgadmin');
    await org.getByRole('menuitem', { name: '三级共进' }).click();
    await org.getByTestId('fieldwork-overview').getByText('全市').waitFor();
    const o = await apiGet<FieldworkOverview>(org, `/fieldwork/overview?year=${new Date().getFullYear()}`);
    expect(o.totals.pairingCoverage).toBe(100);
    await org.locator('canvas').first().waitFor();
    await screenshot(org, '55-fieldwork-overview-city');
    await org.goto('/pairing?tab=compliance');
    await org.locator('.ant-table-row').first().waitFor();
    await screenshot(org, '56-fieldwork-compliance');
    await org.goto('/pairing?tab=key-tasks');
    await org.locator('.ant-table-row').first().getByRole('button', { name: '详情' }).click();
    await org.locator('.ant-drawer .ant-steps').waitFor();
    await drawerShot(org, '57-fieldwork-key-task');
  });

  it('when a city leader records a visit, then it joins their own visit log, and their overview covers only their villages', async () => {
    const leader = await suite.as('leader01');
    await leader.goto('/pairing?tab=pairings');
    await leader.locator('.ant-table-row').first().waitFor();
    await expect(leader.locator('.ant-table-row').count()).resolves.toBe(2);
    await leader.getByRole('tab', { name: '走访记录' }).click();
    await leader.getByRole('button', { name: /记录走访/ }).click();
    const modal = leader.locator('.ant-modal', { hasText: '记录走访' });
    await modal.locator('.ant-select').first().click();
    await leader.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await modal.locator('#findings').fill('E2E 调研：合作社需要冷链设施');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await leader.getByText('已记录走访').waitFor();
    await leader.locator('.ant-table-row', { hasText: 'E2E 调研' }).first().getByRole('button', { name: '详情' }).click();
    await leader.locator('.ant-drawer').getByText('现场照片').waitFor();
    await screenshot(leader, '58-fieldwork-leader-visit');
    await leader.goto('/fieldwork');
    await leader.getByTestId('fieldwork-overview').getByText('我的包保村').waitFor();
    await leader.locator('canvas').first().waitFor();
    await screenshot(leader, '59-fieldwork-overview-leader');
  });

  it('when a town records supervision with a finding, then the finding is tracked until closed', async () => {
    const town = await suite.as('town02');
    await town.goto('/supervision');
    await town.getByRole('button', { name: /记录跟踪问效/ }).click();
    const modal = town.locator('.ant-modal', { hasText: '记录跟踪问效' });
    await modal.locator('.ant-select').first().click();
    // The first node is the town itself (not selectable); its villages follow, expanded.
    await town.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').nth(1).click();
    await modal.locator('#subject').fill('E2E 问题清单销号情况');
    await modal.getByRole('button', { name: /添加问题症结/ }).click();
    await modal.getByPlaceholder('问题症结').fill('E2E 销号佐证材料不全');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await town.getByText('已记录督导').waitFor();
    await screenshot(town, '60-fieldwork-supervision');
    await town.getByRole('tab', { name: '问题症结' }).click();
    const finding = town.locator('.ant-table-row', { hasText: 'E2E 销号佐证材料不全' });
    await finding.getByRole('button', { name: /销\s*号/ }).click();
    const close = town.locator('.ant-modal', { hasText: '问题症结销号' });
    await close.locator('textarea').fill('已补齐验收单和照片');
    await close.getByRole('button', { name: /确\s*定|OK/ }).click();
    await town.getByText('已销号').waitFor();
    await expect(finding.count()).resolves.toBe(0);
  });

  it('when a village opens a published commitment, then its steps and timeline show, and the public notice lists it for villagers', async () => {
    const cadre = await suite.as('v02');
    await cadre.goto('/service?tab=commitments');
    await cadre.locator('.ant-select', { hasText: '状态' }).click();
    await cadre.locator('.ant-select-item-option', { hasText: '已公示' }).click();
    const first = cadre.locator('.ant-table-row').first();
    await first.waitFor();
    await first.locator('a').click();
    const drawer = cadre.locator('.ant-drawer');
    await drawer.locator('.ant-timeline-item', { hasText: '公示' }).waitFor();
    await drawerShot(cadre, '61-fieldwork-commitment');
    const href = (await drawer.getByRole('link', { name: '查看公示页' }).getAttribute('href')) ?? '';
    const phone = await suite.open({ checked: true });
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(href);
    await phone.getByTestId('notice-item').first().waitFor();
    await screenshot(phone, '62-fieldwork-public-notice');
  });
});
