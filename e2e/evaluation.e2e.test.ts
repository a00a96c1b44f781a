// The evaluation in the browser: an evaluator fills a score sheet in the demo's current campaign;
// then, on a campaign of its own driven to city assessment through the API, the 组织部管理员
// computes and confirms the stars in the UI and the exported figures are checked against the page.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import type { Page as ListPage } from '../shared/contracts/common';
import type { Campaign, CampaignResults, ScoreSheet } from '../shared/contracts/campaigns';
import type { OrgTreeNode } from '../shared/contracts/org-units';
import { demoPassword, login, problemsOn, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();

/** A logged-in API caller with its own session cookie and CSRF token (drives what the UI would do slowly). */
type Api = { call: <T>(method: string, path: string, body?: unknown) => Promise<T> };

async function apiAs(username: string, password = demoPassword): Promise<Api> {
  const res = await fetch(`${suite.server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username} → ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    call: async <T>(method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const send = () => fetch(`${suite.server.baseUrl}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      let r = await send();
      let text = await r.text();
      // A long flow outlasts the 5-minute re-authentication window: prove the password again, once.
      if (r.status === 403 && text.includes('auth.reauth_required')) {
        await fetch(`${suite.server.baseUrl}/api/auth/reauth`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
        r = await send();
        text = await r.text();
      }
      if (!r.ok) throw new Error(`${method} ${path} as ${username} → ${r.status}: ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
  };
}

/** The first sheet named `name` of a downloaded workbook, as rows of cell texts keyed by the header row. */
async function sheetRows(download: Download, name: string): Promise<Record<string, string>[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await streamToBuffer(await download.createReadStream())) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name} in ${download.suggestedFilename()}`);
  const headers: string[] = [];
  sheet.getRow(1).eachCell((c, col) => (headers[col] = String(c.value ?? '')));
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, col) => [h, row.getCell(col).value === null ? '' : String(row.getCell(col).value)]).filter(([h]) => h)));
  });
  return rows;
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Clicks a link-like control until the URL changes: a click that lands while the list under it
 * re-renders (a refetch after the save) is sometimes lost on a loaded machine.
 */
async function clickThrough(page: Page, target: Locator, url: RegExp): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await target.click();
    if (await page.waitForURL(url, { timeout: 5_000 }).then(() => true, () => false)) return;
  }
  await page.waitForURL(url);
}

/** Today in China, and a day relative to it, as the server counts them. */
const chinaDay = (offset = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));

/** Points at a share of each indicator's maximum, in halves (what evaluators type). */
const sheetAt = (sheet: ScoreSheet, share: number) =>
  Object.fromEntries(sheet.indicators.filter((i) => i.computedFrom === null).map((i) => [i.id, Math.round(i.maxPoints * share * 2) / 2]));

let org: Api;
let tree: OrgTreeNode[];
const villagesOf = (townName: string) => tree[0]!.children.find((t) => t.name === townName)!.children.filter((v) => v.level === 'village');

beforeAll(async () => {
  org = await apiAs('orgadmin');
  tree = await org.call<OrgTreeNode[]>('GET', '/org-units/tree');
});

describe('an evaluator scores a village', () => {
  it('when town01 fills a 西河镇 village’s stage-1 sheet and saves, then the total is stored and the department sees the progress', async () => {
    const page = await suite.open();
    await login(page, 'town01');
    await page.getByRole('menuitem', { name: '我的互评任务' }).click();
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    // town01's team evaluates 西河镇: only its villages are listed, never 东岭镇's own.
    const towns = await rows.locator('td:nth-child(2)').allTextContents();
    expect(new Set(towns)).toEqual(new Set(['西河镇']));
    expect(towns).toHaveLength(villagesOf('西河镇').length);
    await screenshot(page, '80-my-tasks-town01');

    const village = villagesOf('西河镇')[0]!;
    await page.locator('.ant-table-row', { hasText: village.name }).getByRole('button', { name: /打\s*分/ }).click();
    await page.getByText(`${village.name}（西河镇）· 摸底互评评分表`).waitFor();
    const inputs = page.locator('input[data-indicator]');
    const count = await inputs.count();
    expect(count).toBeGreaterThan(5);
    let expected = 0;
    for (let i = 0; i < count; i++) {
      const input = inputs.nth(i);
      const max = Number(await input.getAttribute('aria-valuemax'));
      const points = Math.floor(max * 0.8 * 2) / 2;
      expected += points;
      await input.fill(String(points));
    }
    await page.getByText(`有 ${count} 项修改未保存`).waitFor();
    await page.getByRole('button', { name: /保存评分/ }).click();
    await page.getByText('评分已保存').waitFor();
    await page.getByText('已全部保存').waitFor();
    await screenshot(page, '81-score-sheet-saved');

    const campaigns = await org.call<ListPage<Campaign>>('GET', '/campaigns');
    const current = campaigns.items.find((c) => c.status === 'mutual')!;
    const stored = await org.call<ScoreSheet>('GET', `/campaigns/${current.id}/sheets/mutual/${village.id}`);
    expect(stored.total).toBe(expected);
    expect(stored.indicators.every((i) => i.enteredBy === '东岭镇管理员')).toBe(true);
    const progress = await org.call<{ villageId: string; entered: number; total: number; canScore: boolean }[]>('GET', `/campaigns/${current.id}/sheets/mutual`);
    expect(progress.find((p) => p.villageId === village.id)).toMatchObject({ entered: count, total: count, canScore: false });

    // The team's 评星定级汇总表 shows the sheet, and its .xlsx holds the same figures.
    await page.getByRole('menuitem', { name: '我的互评任务' }).click();
    await clickThrough(page, page.getByRole('button', { name: /摸底互评工作台/ }), /\/mutual$/);
    await page.locator('.ant-table-row', { hasText: '已提交' }).or(page.locator('.ant-table-row', { hasText: '未撰写' })).first().waitFor();
    await clickThrough(page, page.getByRole('button', { name: /汇总表/ }), /\/summary$/);
    const summaryRow = page.getByTestId('summary-table').locator('.ant-table-row', { hasText: village.name });
    // The summary runs the rating engine per village: on a loaded machine it takes a while.
    await page.getByTestId('summary-table').locator('.ant-table-row').first().waitFor({ timeout: 45_000 });
    await expect.poll(async () => (await summaryRow.count()) && summaryRow.textContent(), { timeout: 30_000 }).toContain(`${expected} / ${stored.maxTotal}`);
    await screenshot(page, '82-summary-table');
    // At 1440 px the table scrolls inside its card and the village column stays in place.
    const body = page.getByTestId('summary-table').locator('.ant-table-content, .ant-table-body').first();
    const villageCell = summaryRow.locator('td').nth(1);
    const before = (await villageCell.boundingBox())!.x;
    await body.evaluate((el) => el.scrollBy(400, 0));
    await expect.poll(async () => body.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect((await villageCell.boundingBox())!.x).toBe(before);
    await screenshot(page, '82b-summary-table-scrolled');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toContain('西河镇');
    const summary = await sheetRows(download, '评星定级汇总表');
    expect(summary.map((r) => r['村（社区）'])).toEqual(villagesOf('西河镇').map((v) => v.name));
    const line = summary.find((r) => r['村（社区）'] === village.name)!;
    expect(Number(line['互评得分'])).toBe(expected);
    expect(line['已评指标']).toBe(`${count}/${count}`);
    const dimensionSum = Object.entries(line).filter(([h]) => /（\d+分）$/.test(h)).reduce((n, [, v]) => n + Math.round(Number(v) * 100), 0) / 100;
    expect(dimensionSum).toBe(expected);
    expect(problemsOn(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the department decides the stars', () => {
  let page: Page;
  let campaign: Campaign;
  // Varied per village (and a little per stage) so the ranking has few ties and every band is used.
  const shareOf = (i: number, stage: string) => 0.55 + ((i * 37) % 41) / 100 + stage.length / 200;

  beforeAll(async () => {
    page = await suite.as('orgadmin');
  });

  it('when the 组织部管理员 creates a campaign with its three stage windows, then it opens in draft with its steps', async () => {
    const year = Number(chinaDay().slice(0, 4)) + 1;
    await page.goto('/campaigns');
    await page.getByRole('button', { name: /新建评星年度/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.locator('#campaign_year').fill(String(year));
    await expect(modal.locator('#campaign_name').inputValue()).resolves.toBe(`${year}年度“五星级”乡村党组织创建`);
    await modal.locator('#campaign_standardId').click();
    await page.locator('.ant-select-item-option', { hasText: '图们市' }).first().click();
    for (const stage of ['mutual', 'department', 'city']) {
      await modal.locator(`#campaign_${stage}`).click();
      await page.keyboard.type(chinaDay(-1));
      await page.keyboard.press('Enter');
      await page.keyboard.type(chinaDay(30));
      await page.keyboard.press('Enter');
    }
    await screenshot(page, '83-campaign-create');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已创建评星年度').waitFor();
    await page.getByText(`${year}年度“五星级”乡村党组织创建`).first().waitFor();
    const campaigns = await org.call<ListPage<Campaign>>('GET', '/campaigns');
    campaign = campaigns.items.find((c) => c.year === year)!;
    expect(campaign).toMatchObject({ status: 'draft', noticeDays: 5, windows: { mutual: { opens: chinaDay(-1), closes: chinaDay(30) } } });
    await expect(page.locator('.ant-steps-item-process').textContent()).resolves.toContain('筹备中');
  });

  it('when the stages are scored and the campaign reaches city assessment, then stage 1 sheets say why they are locked', async () => {
    // Stage work through the API: the evaluators' pages are covered above.
    const sys = await apiAs('sysadmin');
    const accounts = await sys.call<ListPage<{ id: string; username: string }>>('GET', '/accounts?pageSize=100');
    const idOf = (u: string) => accounts.items.find((a) => a.username === u)!.id;
    const proposal = await org.call<{ evaluatorTownId: string; targetTownId: string }[]>('POST', `/campaigns/${campaign.id}/teams/propose`, {});
    const townAdmin = new Map(tree[0]!.children.map((t, i) => [t.id, `town0${i + 1}`]));
    await org.call('PUT', `/campaigns/${campaign.id}/teams`, {
      teams: proposal.map((p) => ({ ...p, leaderUserId: idOf(townAdmin.get(p.evaluatorTownId)!), memberIds: [idOf(townAdmin.get(p.evaluatorTownId)!)] })),
    });
    const judge = await sys.call<{ id: string }>('POST', '/accounts', { username: 'e2e.judge', displayName: '测试评委', password: 'Judge#First2026' });
    await (await apiAs('secadmin')).call('PUT', `/accounts/${judge.id}/roles`, { roles: [{ role: 'judge', orgUnitId: tree[0]!.id }] });
    // The system admin chose the first password: the judge replaces it before scoring.
    await (await apiAs('e2e.judge', 'Judge#First2026')).call('POST', '/auth/password', { currentPassword: 'Judge#First2026', newPassword: 'Judge#Review2026' });
    const villages = tree[0]!.children.flatMap((t) => t.children.filter((v) => v.level === 'village'));
    await org.call('POST', `/campaigns/${campaign.id}/panels`, { name: '第一评委组', departments: '农业农村局、乡村振兴局', memberIds: [judge.id], villageIds: villages.map((v) => v.id) });
    // The department corrects the panel in the browser: renamed and given one more department.
    await page.goto(`/campaigns/${campaign.id}?tab=assignments`);
    const panelRow = page.locator('.ant-table-row').filter({ hasText: '第一评委组' });
    await panelRow.getByRole('button', { name: /修\s*改/ }).click();
    const panelModal = page.locator('.ant-modal').filter({ hasText: '修改评委组' });
    await expect(panelModal.getByLabel('评委组名称').inputValue()).resolves.toBe('第一评委组');
    await panelModal.getByLabel('来源部门').fill('农业农村局、乡村振兴局、财政局');
    await panelModal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已修改评委组').waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '农业农村局、乡村振兴局、财政局' }).waitFor();
    await screenshot(page, '83b-panel-edited');
    const [edited] = await org.call<{ departments: string; villageIds: string[] }[]>('GET', `/campaigns/${campaign.id}/panels`);
    expect(edited?.departments).toBe('农业农村局、乡村振兴局、财政局');
    expect([...(edited?.villageIds ?? [])].sort()).toEqual(villages.map((v) => v.id).sort());

    const fill = async (api: Api, stage: string, villageIds: string[]) => {
      for (const id of villageIds) {
        const i = villages.findIndex((v) => v.id === id);
        const sheet = await api.call<ScoreSheet>('GET', `/campaigns/${campaign.id}/sheets/${stage}/${id}`);
        await api.call('PUT', `/campaigns/${campaign.id}/sheets/${stage}/${id}`, { scores: sheetAt(sheet, shareOf(i, stage)) });
      }
    };
    await org.call('POST', `/campaigns/${campaign.id}/advance`, { to: 'mutual' });
    for (const p of proposal) {
      const evaluator = await apiAs(townAdmin.get(p.evaluatorTownId)!);
      await fill(evaluator, 'mutual', tree[0]!.children.find((t) => t.id === p.targetTownId)!.children.map((v) => v.id));
    }
    // Before the next windows open and with review notices unpublished: the gate wants a written reason.
    await org.call('POST', `/campaigns/${campaign.id}/advance`, { to: 'department', reason: '演示：提前进入部门点评' });
    await fill(await apiAs('e2e.judge', 'Judge#Review2026'), 'department', villages.map((v) => v.id));
    // 整改: the judge sets a task; the village attaches a photo in the browser and submits.
    const judgeApi = await apiAs('e2e.judge', 'Judge#Review2026');
    await judgeApi.call('POST', `/campaigns/${campaign.id}/villages/${villages[0]!.id}/rectifications`, { title: '更新村务公开栏', requirement: '按季度公开', ownerText: '村党组织书记', deadline: chinaDay(20) });
    const villageAdmin = accounts.items.find((a) => (a as { roles?: { role: string; orgUnitId: string }[] }).roles?.some((r) => r.role === 'village_admin' && r.orgUnitId === villages[0]!.id))!;
    const villagePage = await suite.open();
    await login(villagePage, villageAdmin.username);
    await villagePage.goto('/rectifications');
    await villagePage.getByRole('button', { name: '提交整改' }).click();
    const submitModal = villagePage.locator('.ant-modal').filter({ hasText: '提交整改 · 更新村务公开栏' });
    await submitModal.locator('input[type=file]').setInputFiles({ name: '公开栏照片.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex') });
    await submitModal.getByText('公开栏照片.png').waitFor();
    await submitModal.getByLabel('整改情况').fill('已更新公开栏，照片见材料');
    await screenshot(villagePage, '84a-rectification-submit');
    await submitModal.getByRole('button', { name: /提交整改/ }).click();
    await villagePage.getByText('已提交整改').waitFor();
    const [submitted] = (await org.call<ListPage<{ id: string; status: string; files: { fileName: string }[] }>>('GET', `/campaigns/${campaign.id}/rectifications`)).items;
    expect(submitted).toMatchObject({ status: 'submitted', files: [{ fileName: '公开栏照片.png' }] });
    // The judge verifies it, so later gates see no open rectification.
    await judgeApi.call('POST', `/campaigns/${campaign.id}/rectifications/${submitted!.id}/verify`, { note: '照片清楚，核验通过' });
    expect(problemsOn(villagePage)).toEqual([]);
    await villagePage.close();
    await org.call('POST', `/campaigns/${campaign.id}/advance`, { to: 'city', reason: '演示：点评结果未公示，提前进入市级考评' });
    await fill(org, 'city', villages.map((v) => v.id));
    for (const town of tree[0]!.children) await org.call('PUT', `/campaigns/${campaign.id}/towns/${town.id}/score`, { score: 86 });

    await page.goto(`/campaigns/${campaign.id}/sheets/mutual/${villages[0]!.id}`);
    await page.getByTestId('sheet-lock').getByText('摸底互评阶段已结束，评分只读').waitFor();
    await expect(page.locator('input[data-indicator]').first().isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /保存评分/ }).count()).resolves.toBe(0);
    await screenshot(page, '84-sheet-locked');

    // Stage 3 evidence: uploaded on the city sheet, typed by its bytes, listed with the uploader.
    await page.goto(`/campaigns/${campaign.id}/sheets/city/${villages[0]!.id}`);
    await page.locator('button[data-evidence="teamBuilding"]').click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '考评材料 · 班子队伍建设' });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await drawer.locator('input[type=file]').setInputFiles({ name: '班子成员名册.png', mimeType: 'image/png', buffer: png });
    await page.getByText('已上传“班子成员名册.png”').waitFor();
    await drawer.getByText('PNG 图片').waitFor();
    await drawer.getByText('组织部管理员 于').waitFor();
    await screenshot(page, '84b-evidence');
    await drawer.locator('.ant-drawer-close').click();
    await expect(page.locator('button[data-evidence="teamBuilding"]').textContent()).resolves.toContain('1 份');
  });

  it('when stars are computed, then notice is refused until they are confirmed, an override needs a reason, and 定星 confirms every village', async () => {
    await page.goto(`/campaigns/${campaign.id}?tab=results`);
    // The ranking is asked for one page at a time: the server pages it, the table shows that page.
    // Its pages leave the towns out (towns=false): the figures above read them once.
    const firstPage = page.waitForRequest((r) => {
      const q = /\/results\?/.test(r.url()) ? new URL(r.url()).searchParams : null;
      return q?.get('page') === '1' && q.get('pageSize') === '20' && q.get('towns') === 'false';
    });
    await page.getByRole('button', { name: /生成定星建议/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /生\s*成/ }).click();
    const villageCount = tree[0]!.children.flatMap((t) => t.children).length;
    // The report stays open until read: it names what moved since the last run.
    const report = page.locator('.ant-modal-confirm').filter({ hasText: `已为 ${villageCount} 个村生成定星建议` });
    await report.waitFor();
    await report.getByRole('button').last().click();
    await report.waitFor({ state: 'hidden' });
    const table = page.getByTestId('ranking-table');
    await table.locator('.ant-table-row').first().waitFor();
    await firstPage;
    await expect(table.locator('.ant-table-row').count()).resolves.toBe(Math.min(20, villageCount));
    await page.locator('.ant-pagination-total-text', { hasText: `共 ${villageCount} 个村` }).waitFor();
    // The town filter still offers every town (from the figures' read, which carries them).
    await page.getByRole('combobox', { name: '所属镇' }).click();
    await expect(page.locator('.ant-select-dropdown .ant-select-item-option').count()).resolves.toBe(tree[0]!.children.length);
    await page.keyboard.press('Escape');

    // Notice before 定星: refused, and the page says what to do.
    await page.getByRole('button', { name: /推进到结果公示/ }).click();
    // The dialog says so before the click: undecided stars must be dealt with, no reason passes them.
    const gate = page.locator('.advance-dialog');
    await gate.getByTestId('advance-readiness').getByText(`还有 ${villageCount} 个村未定星`).waitFor();
    await gate.getByText('须先处理').first().waitFor();
    await gate.getByRole('button', { name: /推进到结果公示/ }).click();
    await page.getByTestId('advance-refusal').getByText(`还有 ${villageCount} 个村未定星`).waitFor();

    const results = await org.call<CampaignResults>('GET', `/campaigns/${campaign.id}/results`);
    expect(results.status).toBe('proposed');
    const last = results.villages.at(-1)!;
    await page.getByLabel('按村名搜索').fill(last.name);
    await page.getByLabel('按村名搜索').press('Enter');
    const row = table.locator('.ant-table-row', { hasText: last.name });
    await row.getByRole('button', { name: /调\s*整/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: `调整星级：${last.name}` });
    const newStars = last.stars === 5 ? 4 : (last.stars ?? 0) + 1;
    await modal.getByText(`${newStars} 星`, { exact: true }).click();
    await modal.getByRole('button', { name: /确认调整/ }).click();
    await modal.getByText('调整星级必须填写理由').waitFor();
    await modal.locator('#override_reason').fill('整改到位，经集体研究上调一星');
    await modal.getByRole('button', { name: /确认调整/ }).click();
    await page.getByText(`已调整${last.name}的星级`).waitFor();
    await row.getByText('已调整').waitFor();
    await expect(row.locator('[data-stars]').last().getAttribute('data-stars')).resolves.toBe(String(newStars));
    await page.getByLabel('按村名搜索').fill('');
    await page.getByLabel('按村名搜索').press('Enter');

    await page.getByRole('button', { name: /确认定星/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确认定星/ }).click();
    // The override already confirmed its village; 定星 confirms the rest.
    await page.getByText(`已确认 ${villageCount - 1} 个村的星级`).waitFor();
    await screenshot(page, '85-results-confirmed');

    // The table shows what the server holds: first page in city rank order, scores and stars.
    const after = await org.call<CampaignResults>('GET', `/campaigns/${campaign.id}/results`);
    const shown = await table.locator('.ant-table-row').evaluateAll((rows) =>
      rows.map((r) => ({ rank: r.children[0]?.textContent, name: r.children[2]?.textContent, score: r.children[4]?.textContent, stars: r.querySelectorAll('[data-stars]')[1]?.getAttribute('data-stars') ?? null })),
    );
    expect(shown).toEqual(after.villages.slice(0, shown.length).map((v) => ({ rank: String(v.rankInCity), name: v.name, score: v.score.toFixed(2), stars: v.stars === null ? null : String(v.stars) })));
    expect(after.villages.find((v) => v.orgUnitId === last.orgUnitId)).toMatchObject({ stars: newStars, overridden: true });

    // 拉榜排名 as .xlsx, exported as a job: the dialog shows it finish, the browser downloads the
    // file, and the city sheet lists every village as the page and the server do.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出排名/ }).click()]);
    await page.getByTestId('export-progress').getByText('导出村党组织星级排名已完成').waitFor();
    await page.getByTestId('export-file').getByText(`${campaign.year}年度村党组织星级排名.xlsx`).waitFor();
    await screenshot(page, '85b-rankings-export-job');
    await page.getByRole('dialog').getByRole('button', { name: /关\s*闭/ }).click();
    const city = await sheetRows(download, '全市排名');
    expect(city).toHaveLength(villageCount);
    expect(city.slice(0, shown.length).map((r) => ({ rank: r['全市排名'], name: r['村（社区）'], score: Number(r['总分']).toFixed(2), stars: r['星级'] || null }))).toEqual(shown);
    expect(city.find((r) => r['村（社区）'] === last.name)!['调整及更正']).toContain('整改到位，经集体研究上调一星');
    const town = await sheetRows(download, `${last.townName}排名`);
    expect(town.map((r) => r['村（社区）'])).toEqual(after.villages.filter((v) => v.townName === last.townName).sort((a, b) => a.rankInTown! - b.rankInTown!).map((v) => v.name));

    // The village page explains the stars and keeps the override's reason.
    await page.getByLabel('按村名搜索').fill(last.name);
    await page.getByLabel('按村名搜索').press('Enter');
    await table.getByRole('link', { name: last.name }).click();
    await page.getByText(`${last.name}（${last.townName}）· 评星详情`).waitFor();
    await expect(page.getByTestId('village-stars').locator('[data-stars]').getAttribute('data-stars')).resolves.toBe(String(newStars));
    await page.locator('.ant-timeline').getByText('组织部管理员调整星级：整改到位，经集体研究上调一星').waitFor();
    await page.locator('.ant-timeline').getByText(/最终得分 .*定为/).first().waitFor();
    await screenshot(page, '86-village-evaluation');
  });

  it('when the campaign moves to public notice, then the steps show it and the notice prints the ranking', async () => {
    await page.goto(`/campaigns/${campaign.id}`);
    await page.getByRole('button', { name: /推进到结果公示/ }).click();
    await page.locator('.advance-dialog').getByTestId('advance-ready').waitFor();
    await page.locator('.advance-dialog').getByRole('button', { name: /推进到结果公示/ }).click();
    await page.getByText('已进入结果公示阶段').waitFor();
    await expect(page.locator('.ant-steps-item-process').textContent()).resolves.toContain('结果公示');
    const updated = await org.call<Campaign>('GET', `/campaigns/${campaign.id}`);
    expect(updated.noticeStarts).toBe(chinaDay());

    await page.goto(`/campaigns/${campaign.id}/notice-print`);
    const sheet = page.getByTestId('notice-sheet');
    await sheet.getByText(`公示时间为 ${updated.noticeStarts} 至 ${updated.noticeEnds}`).waitFor();
    const results = await org.call<CampaignResults>('GET', `/campaigns/${campaign.id}/results`);
    const firstRow = await sheet.locator('tbody tr').first().locator('td').allTextContents();
    const top = results.villages[0]!;
    expect(firstRow).toEqual([String(top.rankInCity), top.townName, top.name, top.score.toFixed(2), '★'.repeat(top.stars ?? 0), String(top.rankInTown)]);
    await expect(sheet.locator('table').first().locator('tbody tr').count()).resolves.toBe(results.villages.length);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '87-notice-print');
    await page.emulateMedia({ media: 'screen' });
  });
});
