// Shared by the browser flows of stage 2 on the demo: the current campaign moved on to 部门点评
// through the API, and a paste as a spreadsheet delivers it.
import type { Page } from 'playwright-core';
import type { Page as ListPage } from '../../shared/contracts/common';
import type { Campaign } from '../../shared/contracts/campaigns';
import { apiGet, demoPassword } from './browser';

async function orgCall(baseUrl: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'orgadmin', password: demoPassword }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const r = await fetch(`${baseUrl}/api${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status}: ${await r.text()}`);
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Moves the demo's current campaign (in stage 1) to 部门点评: stage 1 closed yesterday, stage 2
 * runs from today. The demo's stage-1 sheets are not all filled, so the gate gets a written reason.
 * `org` is a page logged in as orgadmin; returns the campaign's id.
 */
export async function demoCampaignInDepartmentStage(baseUrl: string, org: Page): Promise<string> {
  const current = (await apiGet<ListPage<Campaign>>(org, '/campaigns?pageSize=100')).items.find((c) => c.status === 'mutual');
  if (!current) throw new Error('the demo has no campaign in stage 1');
  const windows = { mutual: { opens: day(-30), closes: day(-1) }, department: { opens: day(0), closes: day(30) }, city: { opens: day(31), closes: day(60) } };
  await orgCall(baseUrl, 'PATCH', `/campaigns/${current.id}`, { windows });
  await orgCall(baseUrl, 'POST', `/campaigns/${current.id}/advance`, { to: 'department', reason: '演示：互评表未填完，进入部门点评' });
  return current.id;
}

/** A paste as Chromium delivers it from Excel or WPS: tab-separated cells, CRLF rows. */
export async function pasteInto(page: Page, cell: string, text: string) {
  const input = page.locator(`[data-cell="${cell}"]`);
  await input.click();
  await input.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
