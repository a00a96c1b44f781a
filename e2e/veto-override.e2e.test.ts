// A vetoed village in the browser: the demo's discipline case (registered by 纪检专员) is confirmed
// by the other officer (信访专员); the demo's current campaign is driven to city assessment through
// the API with written reasons; then the 组织部管理员 opens 调整 on that village, sees the veto
// before typing, tries 4 stars with a reason and is refused with the record named. The stars stay.
// The score sheet of the same campaign refuses a typed 999 at the field, with the allowed range.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as ListPage } from '../shared/contracts/common';
import type { Campaign, CampaignResults, ScoreSheet } from '../shared/contracts/campaigns';
import type { Violation } from '../shared/contracts/evaluation-results';
import type { OrgTreeNode } from '../shared/contracts/org-units';
import { demoPassword, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();
let page: Page;

type Api = { call: <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }> };

async function apiAs(username: string): Promise<Api> {
  const res = await fetch(`${suite.server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) });
  if (!res.ok) throw new Error(`login ${username} → ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    call: async <T>(method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(`${suite.server.baseUrl}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/** Fails the test with the server's answer unless the call succeeded. */
async function ok<T>(p: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await p;
  if (r.status !== 200) throw new Error(`${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

let campaign: Campaign;
let vetoed: { id: string; name: string; caseNo: string };

beforeAll(async () => {
  const org = await apiAs('orgadmin');
  // The demo's pending discipline case: inspector01 registered it, petition01 confirms it.
  const petition = await apiAs('petition01');
  const cases = await ok(petition.call<ListPage<Violation>>('GET', '/violations?pageSize=100'));
  const pending = cases.items.find((c) => c.status === 'reported' && c.category === 'discipline');
  if (!pending) throw new Error('the demo has no pending discipline case');
  await ok(petition.call('POST', `/violations/${pending.id}/decide`, { to: 'confirmed', note: '经核查属实（浏览器测试）' }));
  vetoed = { id: pending.village.id, name: pending.village.name, caseNo: pending.caseNo };

  // The current campaign to city assessment: each early step with a written reason, as the gate asks.
  campaign = (await ok(org.call<ListPage<Campaign>>('GET', '/campaigns'))).items.find((c) => c.status === 'mutual') as Campaign;
  for (const to of ['department', 'city']) await ok(org.call('POST', `/campaigns/${campaign.id}/advance`, { to, reason: '浏览器测试：提前进入下一阶段' }));
  const tree = await ok(org.call<OrgTreeNode[]>('GET', '/org-units/tree'));
  const villages = tree[0]!.children.flatMap((t) => t.children.filter((v) => v.level === 'village'));
  for (const [k, v] of villages.entries()) {
    const sheet = await ok(org.call<ScoreSheet>('GET', `/campaigns/${campaign.id}/sheets/city/${v.id}`));
    const scores = Object.fromEntries(sheet.indicators.filter((i) => i.computedFrom === null).map((i) => [i.id, Math.round(i.maxPoints * (0.6 + (k % 5) / 10) * 2) / 2]));
    await ok(org.call('PUT', `/campaigns/${campaign.id}/sheets/city/${v.id}`, { scores }));
  }
  await ok(org.call('POST', `/campaigns/${campaign.id}/results/compute`));

  page = await suite.as('orgadmin');
});

describe('the override of a vetoed village', () => {
  it('when the 组织部管理员 opens 调整, then the veto shows before anything is typed, and raising to 4 stars is refused naming the record; the stars stay', async () => {
    const org = await apiAs('orgadmin');
    const before = (await ok(org.call<CampaignResults>('GET', `/campaigns/${campaign.id}/results`))).villages.find((v) => v.orgUnitId === vetoed.id);
    expect(before).toMatchObject({ vetoed: true, stars: null, overridden: false });

    await page.goto(`/campaigns/${campaign.id}?tab=results`);
    const table = page.getByTestId('ranking-table');
    await table.locator('.ant-table-row').first().waitFor();
    await page.getByLabel('按村名搜索').fill(vetoed.name);
    await page.getByLabel('按村名搜索').press('Enter');
    await table.locator('.ant-table-row', { hasText: vetoed.name }).getByRole('button', { name: /调\s*整/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: `调整星级：${vetoed.name}` });
    const veto = modal.getByTestId('veto-alert');
    await veto.waitFor();
    await expect(veto.textContent()).resolves.toContain('只能定为“不定级”');
    await expect(veto.textContent()).resolves.toContain(vetoed.caseNo);

    await modal.getByText('4 星', { exact: true }).click();
    await modal.locator('#override_reason').fill('测试：否决村能否上调');
    await modal.getByRole('button', { name: /确认调整/ }).click();
    const refusal = modal.getByTestId('override-error');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain(vetoed.caseNo);
    await screenshot(page, '87-veto-override-refused');
    await modal.getByRole('button', { name: /取\s*消/ }).click();

    const after = (await ok(org.call<CampaignResults>('GET', `/campaigns/${campaign.id}/results`))).villages.find((v) => v.orgUnitId === vetoed.id);
    expect(after).toMatchObject({ vetoed: true, stars: null, overridden: false, overrideReason: null });
  });
});

describe('a score typed out of range', () => {
  it('when 999 is typed on a city sheet, then the field says the allowed range, saving is off, and nothing is stored', async () => {
    const org = await apiAs('orgadmin');
    const sheetUrl = `/campaigns/${campaign.id}/sheets/city/${vetoed.id}`;
    const stored = await ok(org.call<ScoreSheet>('GET', sheetUrl));
    const first = stored.indicators.find((i) => i.computedFrom === null)!;
    await page.goto(sheetUrl);
    const input = page.locator(`input[data-indicator="${first.id}"]`);
    await input.fill('999');
    const error = page.locator('td', { has: input }).getByTestId('score-field-error');
    await expect(error.textContent()).resolves.toBe(`超过满分，应为 0–${first.maxPoints} 分，最多 2 位小数`);
    await expect(input.inputValue()).resolves.toBe('999'); // kept as typed, not turned into the maximum
    await page.getByTestId('sheet-invalid').waitFor();
    await expect(page.getByRole('button', { name: /保存评分/ }).isDisabled()).resolves.toBe(true);
    await input.fill('abc');
    await expect(error.textContent()).resolves.toBe(`不是数字，应为 0–${first.maxPoints} 分，最多 2 位小数`);
    await screenshot(page, '88-score-out-of-range');
    expect(await ok(org.call<ScoreSheet>('GET', sheetUrl))).toEqual(stored);
  });
});
