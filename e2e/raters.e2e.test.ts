// 评价质量 in the browser on the demo's current campaign: the department opens it from the
// campaign, the page states what it found (or, honestly, that nothing can be judged yet and why),
// the charts render, and the .xlsx export answers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Campaign } from '../shared/contracts/campaigns';
import type { CampaignRaters } from '../shared/contracts/raters';
import { apiGet, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();
let page: Page;

beforeAll(async () => {
  page = await suite.as('orgadmin');
});

describe('评价质量', () => {
  it('when the department opens 评价质量 from the current campaign, then the page says what it found as the API does, with its reasons', async () => {
    const campaigns = await apiGet<{ items: Campaign[] }>(page, '/campaigns');
    const current = campaigns.items.find((c) => c.status !== 'final') as Campaign;
    await page.goto(`/campaigns/${current.id}`);
    await page.getByRole('button', { name: '评价质量' }).click();
    await page.waitForURL(new RegExp(`/campaigns/${current.id}/raters$`));
    const data = await apiGet<CampaignRaters>(page, `/campaigns/${current.id}/raters`);
    const judged = data.cells.some((c) => c.bias !== null) || data.judges.some((j) => j.offset !== null);
    const headline = data.flags.length > 0 ? `发现 ${data.flags.length} 处需要注意的评分` : judged ? '没有发现明显偏宽、偏严或离群的评分' : '暂时无法判断';
    await page.getByText(headline).waitFor();
    for (const note of data.notes) await page.getByText(note).first().waitFor();
    for (const flag of data.flags) await page.getByText(flag.message).first().waitFor();
    await page.getByText('互评组 × 被评镇').waitFor();
    await screenshot(page, '120-raters-current-campaign');
    const xlsx = await page.request.get(`/api/campaigns/${current.id}/exports/raters.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    // Where a flag touches the arena or a town's mutual report, those pages carry the note.
    const judgeFlag = data.flags.find((f) => f.kind === 'outlier_rater');
    if (judgeFlag) {
      await page.goto(`/campaigns/${current.id}/department`);
      await page.getByText(judgeFlag.message).waitFor();
      await screenshot(page, '121-raters-note-arena');
    }
    const teamFlag = data.flags.find((f) => f.kind !== 'outlier_rater');
    const evaluated = teamFlag && data.cells.find((c) => teamFlag.unitIds.includes(c.teamTownId));
    if (teamFlag && evaluated) {
      await page.goto(`/campaigns/${current.id}/towns/${evaluated.townId}/summary`);
      await page.getByText(teamFlag.message).waitFor();
      await screenshot(page, '122-raters-note-mutual-summary');
    }
  });
});
