// 数据完整性校验 in the browser: the auditor opens it from the menu and the demo's two campaigns
// are intact, with the number of sealed fields checked; the department has no such menu entry.
import { describe, expect, it } from 'vitest';
import type { IntegrityReport } from '../shared/contracts/integrity';
import { apiGet, login, problemsOn, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();

describe('数据完整性校验', () => {
  it('when the auditor opens it from the menu, then each demo campaign says all of its sealed fields are intact', async () => {
    const page = await suite.open();
    await login(page, 'auditor');
    await page.getByRole('menuitem', { name: '数据完整性校验' }).click();
    const cards = page.getByTestId('integrity-campaign');
    await cards.nth(1).waitFor();
    // The page shows what the server found: the same counts, campaign by campaign.
    const report = await apiGet<IntegrityReport>(page, '/integrity');
    expect(report.campaigns).toHaveLength(2);
    // Last year's final campaign: its scores, results and notices are all sealed.
    expect(report.campaigns[1]?.checked).toBeGreaterThan(1000);
    for (const [i, c] of report.campaigns.entries()) {
      expect(c.ok).toBe(true);
      await expect(cards.nth(i).textContent()).resolves.toContain(`${c.name}（${c.year}）`);
      await expect(cards.nth(i).textContent()).resolves.toContain(c.checked === 0 ? '尚无封存的记录' : `全部 ${c.checked} 项记录完整`);
    }
    await screenshot(page, 'integrity-auditor');
    expect(problemsOn(page)).toEqual([]);
  });

  it('when the department logs in, then there is no 数据完整性校验 in its menu and the address is refused', async () => {
    const page = await suite.open();
    await login(page, 'orgadmin');
    await page.getByRole('menuitem', { name: '评星定级' }).waitFor();
    await expect(page.getByRole('menuitem', { name: '数据完整性校验' }).count()).resolves.toBe(0);
    await page.goto('/integrity');
    await page.getByText('抱歉，您的账户没有访问此页面的权限。').waitFor();
  });
});
