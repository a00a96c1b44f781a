// 自评 in the browser, in the demo's current campaign: the village sees where it stands and what is
// missing for the next star on its home page, fills and signs its self-evaluation; the town returns
// it with a reason; the village sees the reason, fixes and submits again; the town approves and the
// village can no longer edit; the department finds it among the approved ones, and the village
// evaluation page shows the self-evaluation and the what-if.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as ListPage } from '../shared/contracts/common';
import type { Campaign } from '../shared/contracts/campaigns';
import type { SelfEvaluation } from '../shared/contracts/self-evaluation';
import { apiGet, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();
let village: Page;
let town: Page;
let selfUrl = '';
let campaign: Campaign;
let villageId = '';

const reason = '三会一课记录缺少签到表，请补充后重新提交';

beforeAll(async () => {
  village = await suite.as('v01');
  town = await suite.as('town01');
  campaign = (await apiGet<ListPage<Campaign>>(village, '/campaigns?page=1&pageSize=20')).items[0] as Campaign;
});

describe('村自评', () => {
  it('when the village cadre opens the home page, then it shows where the village stands and what is missing for the next star', async () => {
    const card = village.getByTestId('what-if');
    await card.getByText(/当前测算：/).waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toMatch(/距 \d 星还差|已是最高等级|不能升星|达不到/);
    await screenshot(village, '120-village-home-what-if');
  });

  it('when the village fills every indicator and signs it, then it waits for the town', async () => {
    await village.goto('/self-evaluations');
    await village.locator('.ant-table-row').first().getByRole('link').click();
    await village.waitForURL(/\/self-evaluation$/);
    selfUrl = new URL(village.url()).pathname;
    villageId = selfUrl.split('/')[4] as string;
    const inputs = village.locator('input[aria-label$="自评分"]');
    await inputs.first().waitFor();
    const n = await inputs.count();
    expect(n).toBeGreaterThan(3);
    for (let i = 0; i < n; i++) await inputs.nth(i).fill('1');
    await village.getByRole('button', { name: /保\s*存/ }).click();
    await village.getByText('自评已保存').waitFor();
    await village.getByRole('button', { name: '签署提交' }).click();
    await village.locator('.ant-popconfirm').getByRole('button', { name: '签署提交' }).click();
    await village.locator('.ant-tag', { hasText: '待镇审核' }).waitFor();
    expect(await village.locator('input[aria-label$="自评分"]').count()).toBe(0);
    expect(await village.getByTestId('self-total').textContent()).toContain(`${n} /`);
  });

  it('when the town returns it with a reason, then the village sees the reason, fixes one indicator and submits again', async () => {
    await town.goto('/self-evaluations');
    await town.getByRole('tab', { name: /待镇审核/ }).click();
    const row = town.locator('.ant-table-row', { hasText: '待镇审核' }).first();
    await row.waitFor();
    await row.getByRole('link', { name: '审核' }).click();
    await town.waitForURL(new RegExp(`${selfUrl}$`));
    await town.getByRole('button', { name: '退回村' }).click();
    await town.getByLabel('退回原因').fill(reason);
    await town.locator('.ant-modal').getByRole('button', { name: '确定退回' }).click();
    await town.locator('.ant-tag', { hasText: '已退回村' }).waitFor();
    await screenshot(town, '121-self-evaluation-returned');

    await village.goto(selfUrl);
    await village.getByText(`退回原因：${reason}`).waitFor();
    await village.locator('input[aria-label$="自评分"]').first().fill('2');
    await village.getByRole('button', { name: '签署提交' }).click();
    await village.locator('.ant-popconfirm').getByRole('button', { name: '签署提交' }).click();
    await village.locator('.ant-tag', { hasText: '待镇审核' }).waitFor();
  });

  it('when the town approves it, then the village cannot edit it any more', async () => {
    await town.goto(selfUrl);
    await town.getByRole('button', { name: '审核通过' }).click();
    await town.locator('.ant-popconfirm').getByRole('button', { name: /通\s*过/ }).click();
    await town.locator('.ant-tag', { hasText: '镇已审核通过' }).waitFor();

    await village.goto(selfUrl);
    await village.locator('.ant-tag', { hasText: '镇已审核通过' }).waitFor();
    await village.getByText(/审核通过并锁定/).waitFor();
    expect(await village.locator('input[aria-label$="自评分"]').count()).toBe(0);
    expect(await village.getByRole('button', { name: /保\s*存|签署提交/ }).count()).toBe(0);
    const stored = await apiGet<SelfEvaluation>(village, `/campaigns/${campaign.id}/villages/${villageId}/self-evaluation`);
    expect(stored).toMatchObject({ status: 'approved', actions: [] });
  });

  it('when the department opens the approved list and the village evaluation page, then the village is there with its self-evaluation and the what-if', async () => {
    const org = await suite.as('orgadmin');
    await org.goto('/self-evaluations');
    const row = org.locator('.ant-table-row', { hasText: '镇已审核通过' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('镇已审核通过');
    await org.goto(`/campaigns/${campaign.id}/villages/${villageId}`);
    await org.getByText('村自评').first().waitFor();
    await org.locator('.ant-tag', { hasText: '镇已审核通过' }).waitFor();
    // The self stage beside the three stages: its approved total, tagged reference only (the demo standard has no self stage).
    const selfStage = org.getByTestId('self-stage');
    await selfStage.getByText('仅供参考').waitFor();
    expect(await selfStage.textContent()).toMatch(/村自评原始分.*\d/);
    const whatIf = org.getByTestId('what-if');
    await whatIf.getByText(/当前测算：/).waitFor({ timeout: 30_000 });
    expect(await whatIf.textContent()).toMatch(/距 \d 星还差|已是最高等级|不能升星|达不到/);
    await screenshot(org, '122-village-page-self-evaluation-what-if');
  });
});
