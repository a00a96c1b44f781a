// 群众测评 from phones: the department issues household codes for a village and prints the cards;
// the QR read back from the printed page opens the survey on a 390×844 phone; the answer arrives,
// the receipt shows, and the village's response rate and satisfaction move in the admin page and,
// once stage 3 computes the stars, in the engine's explanation. A second phone loses its network
// in the middle of submitting: the answer is kept and arrives once when the network returns.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page as ListPage } from '../shared/contracts/common';
import type { Campaign } from '../shared/contracts/campaigns';
import type { SurveyProgress, VillageProgress } from '../shared/contracts/surveys';
import { apiGet, demoPassword, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();
let page: Page;
let campaignId: string;
let village: VillageProgress;
const qrUrls: string[] = [];

beforeAll(async () => {
  page = await suite.as('orgadmin');
  const campaigns = await apiGet<ListPage<Campaign>>(page, '/campaigns');
  campaignId = (campaigns.items.find((c) => c.status === 'mutual') as Campaign).id;
});

/** A phone of its own (no admin cookie), checked at the end, counting the script bytes it downloads. */
async function phoneContext(): Promise<{ context: BrowserContext; phone: Page; scriptBytes: () => number }> {
  const phone = await suite.open({ phone: true, checked: true });
  let bytes = 0;
  phone.on('response', (r) => {
    if (r.request().resourceType() === 'script') void r.body().then((b) => (bytes += b.length)).catch(() => undefined);
  });
  return { context: phone.context(), phone, scriptBytes: () => bytes };
}

const progressOf = async (villageId: string) =>
  (await apiGet<SurveyProgress>(page, `/campaigns/${campaignId}/survey-progress`)).villages.find((v) => v.villageId === villageId) as VillageProgress;

describe('issuing and printing the cards', () => {
  it('when the department issues two codes for a village, then the A4 sheet of cards prints with the village, QR, short code and privacy line', async () => {
    await page.goto(`/campaigns/${campaignId}/mutual`);
    await page.getByRole('button', { name: /手机测评/ }).click();
    await page.getByText('群众测评（每户一码）').first().waitFor();
    await page.locator('canvas').first().waitFor();
    const progress = await apiGet<SurveyProgress>(page, `/campaigns/${campaignId}/survey-progress`);
    village = progress.villages.slice(0, 20).find((v) => v.paper !== null && v.canManage) ?? (progress.villages[0] as VillageProgress);
    await screenshot(page, '90-survey-progress');
    // The first page of the table lists it (the demo's villages with paper counts come first).
    const row = page.locator('.ant-table-row', { hasText: village.villageName }).first();
    await row.getByRole('button', { name: '发放测评码' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByRole('spinbutton').fill('2');
    await screenshot(page, '91-survey-issue');
    await modal.getByRole('button', { name: '生成并打印' }).click();
    await page.getByTestId('survey-cards').waitFor();
    await expect(page.getByTestId('survey-card').count()).resolves.toBe(2);
    await page.locator('.survey-card img').nth(1).waitFor();
    await expect(page.getByTestId('survey-card').first().innerText()).resolves.toContain(village.villageName);
    await expect(page.getByTestId('survey-card').first().innerText()).resolves.toContain('不收集姓名、身份证号和手机号');

    // The printed page: print media, then each card's QR read back from the pixels.
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '92-survey-cards-printed');
    for (let i = 0; i < 2; i++) {
      const png = PNG.sync.read(await page.locator('.survey-card img').nth(i).screenshot());
      const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(qr?.data).toMatch(/\/m\/survey\/[0-9A-Z]{17}$/);
      const printed = (await page.getByTestId('survey-card-code').nth(i).innerText()).replace(/-/g, '');
      expect(qr?.data.endsWith(printed)).toBe(true);
      qrUrls.push(qr?.data as string);
    }
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('a villager answers on the phone', () => {
  it('when the QR is opened and answered, then the receipt shows and the admin page and the engine see the answer', async () => {
    const before = await progressOf(village.villageId);
    const { context, phone, scriptBytes } = await phoneContext();
    await phone.goto(qrUrls[0] as string);
    await phone.getByTestId('survey-village').waitFor();
    await expect(phone.getByTestId('survey-village').innerText()).resolves.toContain(village.villageName);
    expect(scriptBytes()).toBeLessThan(30 * 1024);
    // The banner names the campaign; stars there would read as the village's rating.
    await expect(phone.locator('header.banner').innerText()).resolves.not.toContain('★');
    await expect(phone.locator('header.banner .subtitle').innerText()).resolves.toBe('农村基层党组织星级评定');
    const big = await phone.getByTestId('overall-satisfied').boundingBox();
    expect(big?.height).toBeGreaterThanOrEqual(48);
    await screenshot(phone, '93-survey-phone-form');
    await phone.getByTestId('overall-unsatisfied').tap();
    await phone.getByTestId('topic-service-basically_satisfied').tap();
    await phone.getByTestId('survey-submit').tap();
    await phone.getByTestId('survey-receipt').waitFor();
    await expect(phone.getByTestId('receipt-no').innerText()).resolves.toMatch(/^R[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await screenshot(phone, '94-survey-phone-receipt');
    // Opening the card again on another phone: used.
    const { context: other, phone: second } = await phoneContext();
    await second.goto(qrUrls[0] as string);
    await second.getByText('该二维码已使用').waitFor();
    await other.close();
    await context.close();

    const after = await progressOf(village.villageId);
    expect(after.used).toBe(before.used + 1);
    expect(after.phone.unsatisfied).toBe(before.phone.unsatisfied + 1);
    expect(after.responseRate).toBe(50);
    expect(after.satisfactionRate).not.toBe(before.satisfactionRate);
    expect(after.source).toBe(village.paper ? 'merged' : 'phone');
    await page.goto(`/campaigns/${campaignId}/surveys`);
    const rate = page.getByTestId(`rate-${village.villageName}`);
    await expect(rate.innerText()).resolves.toContain(`${after.satisfactionRate}%`);
    await expect(page.getByTestId(`response-${village.villageName}`).innerText()).resolves.toContain('50%');
    await screenshot(page, '95-survey-progress-moved');
  });

  it('when the network drops in the middle of submitting, then the answer is kept and arrives once when the network returns', async () => {
    const before = await progressOf(village.villageId);
    const { context, phone } = await phoneContext();
    await phone.goto(qrUrls[1] as string);
    await phone.getByTestId('survey-village').waitFor();
    await phone.getByTestId('overall-satisfied').tap();
    // The request reaches the server, then the line goes dead before the reply gets back.
    let cut = false;
    await phone.route('**/api/public/surveys/*', async (route) => {
      if (route.request().method() !== 'POST' || cut) return route.continue();
      cut = true;
      await route.fetch();
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await phone.getByTestId('survey-submit').tap();
    await phone.getByTestId('survey-waiting').waitFor();
    await screenshot(phone, '96-survey-phone-offline');
    await context.setOffline(false);
    await phone.getByTestId('survey-receipt').waitFor({ timeout: 30_000 });
    await context.close();
    const after = await progressOf(village.villageId);
    expect(after.used).toBe(before.used + 1);
    expect(after.phone.satisfied).toBe(before.phone.satisfied + 1);
  });

  it('when the department ends a village’s survey and reopens it with a reason, then the page shows it running again and the reason is required', async () => {
    await page.goto(`/campaigns/${campaignId}/surveys`);
    const progress = await apiGet<SurveyProgress>(page, `/campaigns/${campaignId}/survey-progress`);
    const other = progress.villages.slice(0, 20).find((v) => v.canManage && !v.closed && v.villageId !== village.villageId) as VillageProgress;
    const row = page.locator('.ant-table-row', { hasText: other.villageName }).first();
    await row.getByRole('button', { name: '结束测评' }).click();
    // antd spaces a two-character button label: 结 束.
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^结\s?束$/ }).click();
    await row.getByText('已结束').waitFor();
    await row.getByRole('button', { name: '重新开放' }).click();
    const modal = page.locator('.ant-modal', { hasText: '重新开放群众测评' });
    // No reason, no reopening.
    await expect(modal.getByRole('button', { name: '重新开放' }).isDisabled()).resolves.toBe(true);
    await modal.getByRole('textbox').fill('部分农户外出务工，延长本村手机测评');
    await screenshot(page, '96b-survey-reopen');
    await modal.getByRole('button', { name: '重新开放' }).click();
    await page.getByText(`${other.villageName}群众测评已重新开放`).waitFor();
    await row.getByText('进行中').waitFor();
    expect((await progressOf(other.villageId)).closed).toBe(false);
  });

  it('when stage 3 computes the stars, then the village’s explanation names the survey’s source', async () => {
    // The department moves the campaign on through its own session, as the campaign page would.
    const login = await fetch(`${suite.server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'orgadmin', password: demoPassword }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const post = (path: string, body: unknown) =>
      fetch(`${suite.server.baseUrl}/api${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const to of ['department', 'city']) {
      const res = await post(`/campaigns/${campaignId}/advance`, { to, reason: '演示：提前推进，评分表未填完' });
      expect(res.status, await res.text()).toBe(200);
    }
    const computed = await post(`/campaigns/${campaignId}/results/compute`, {});
    expect(computed.status, await computed.text()).toBe(200);
    await page.goto(`/campaigns/${campaignId}/villages/${village.villageId}`);
    const line = page.getByText(/群众满意度测评来源：/).first();
    await line.waitFor();
    await expect(line.innerText()).resolves.toContain(village.paper ? '手机与纸质合并' : '手机测评');
    await screenshot(page, '97-survey-explanation');
  });
});

