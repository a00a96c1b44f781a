// Training: an organizer plans a session and opens QR sign-in, a trainee signs in on a phone, and
// the person's training record shows the hours.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as ListPage } from '../shared/contracts/common';
import type { Person } from '../shared/contracts/people';
import type { SignInLink, TrainingSession } from '../shared/contracts/training';
import { apiGet, login, problemsOn, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const topic = 'E2E 专题辅导：村级议事协商规范';

const suite = useBrowserSuite();
let page: Page;
let phone: Page;
let trainee: Person;
let sessionId: string;
let signInPath: string;

beforeAll(async () => {
  page = await suite.as('orgadmin');
  // A two-committee member of the demo city: the masked phone shows the last four digits.
  const people = await apiGet<ListPage<Person>>(page, `/people?title=${encodeURIComponent('两委委员')}&pageSize=5`);
  trainee = people.items[0] as Person;
});

describe('training overview', () => {
  it('when the department opens 干部培训, then the year’s figures, charts and villages behind are shown', async () => {
    await page.getByRole('menuitem', { name: '干部培训' }).click();
    await page.getByText('两委干部参训率').first().waitFor();
    await page.locator('canvas').first().waitFor();
    await expect(page.getByText('赴山东烟台学习党建引领乡村振兴经验').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, '60-training-overview');
  });
});

describe('an organizer creates a session and opens QR sign-in', () => {
  it('when the form is filled and saved, then the session page opens with its plan', async () => {
    await page.getByRole('tab', { name: '课程与场次' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, '61-training-sessions');
    await page.getByRole('button', { name: /新建培训场次/ }).click();
    const modal = page.locator('.ant-modal');
    // Saving the empty form: antd marks the fields; the refused validation is no uncaught error (afterAll)
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.locator('.ant-form-item-explain-error').first().waitFor();
    await modal.getByLabel('课程类别').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('专业能力').click();
    await modal.getByLabel('培训主题').fill(topic);
    await modal.getByLabel('培训地点').fill('市委党校第二教室');
    await screenshot(page, '62-training-session-form');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('培训场次已创建').waitFor();
    await page.locator('.ant-card-head-title', { hasText: topic }).waitFor();
    sessionId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const session = await apiGet<TrainingSession>(page, `/training/sessions/${sessionId}`);
    expect(session).toMatchObject({ topic, category: '专业能力', organizer: '市委组织部', hours: 3, status: 'planned', signInState: 'none' });
  });

  it('when sign-in is opened, then a QR code for the absolute sign-in link appears, also full screen', async () => {
    await page.getByRole('button', { name: /开启扫码签到/ }).click();
    await page.getByTestId('sign-in-qr').waitFor();
    const link = await apiGet<SignInLink>(page, `/training/sessions/${sessionId}/sign-in`);
    expect(link.state).toBe('open');
    signInPath = link.path ?? '';
    expect(signInPath).toMatch(/^\/m\/sign-in\/[A-Za-z0-9_-]{43}$/);
    await screenshot(page, '63-training-session-sign-in-open');

    const screen = await page.context().newPage();
    await screen.goto(`/training-screen/${sessionId}`);
    await screen.getByTestId('sign-in-qr').waitFor();
    await expect(screen.getByTestId('screen-count').textContent()).resolves.toContain('已签到 0 人');
    const size = await screen.getByTestId('sign-in-qr').boundingBox();
    expect(size?.width ?? 0).toBeGreaterThan(400);
    await screenshot(screen, '64-training-qr-screen');
    await screen.close();
  });
});

describe('a trainee signs in on a phone', () => {
  it('when wrong digits are given, then the form says so and nobody is marked', async () => {
    phone = await suite.open({ phone: true, checked: true });
    await phone.goto(signInPath);
    await phone.getByTestId('session-topic').waitFor();
    await expect(phone.getByTestId('session-topic').textContent()).resolves.toBe(topic);
    await phone.getByLabel('姓名').fill(trainee.name);
    await phone.getByLabel(/手机号后四位/).fill('0000');
    await phone.getByRole('button', { name: /签\s*到/ }).click();
    await phone.getByText('未能确认您的身份').waitFor();
    await screenshot(phone, '65-training-phone-unmatched');
    const session = await apiGet<TrainingSession>(page, `/training/sessions/${sessionId}`);
    expect(session.present).toBe(0);
  });

  it('when name and last four phone digits are right, then it says signed in with the hours; a second time says already', async () => {
    await phone.getByLabel(/手机号后四位/).fill((trainee.phoneMasked ?? '').slice(-4));
    await phone.getByRole('button', { name: /签\s*到/ }).click();
    await phone.getByTestId('sign-in-result').getByText('签到成功').waitFor();
    await expect(phone.getByTestId('sign-in-result').textContent()).resolves.toContain('计入 3 学时');
    await screenshot(phone, '66-training-phone-signed-in');

    await phone.reload();
    await phone.getByLabel('姓名').fill(trainee.name);
    await phone.getByLabel(/手机号后四位/).fill((trainee.phoneMasked ?? '').slice(-4));
    await phone.getByRole('button', { name: /签\s*到/ }).click();
    await phone.getByTestId('sign-in-result').getByText('您已签到').waitFor();
    await screenshot(phone, '67-training-phone-already');
    const session = await apiGet<TrainingSession>(page, `/training/sessions/${sessionId}`);
    expect(session.present).toBe(1);
  });

  it('when the organizer looks at the session, then the trainee is on the list, signed in by QR, with 3 hours', async () => {
    const row = page.locator('.ant-table-row', { hasText: trainee.name });
    await row.waitFor({ timeout: 12_000 });
    await expect(row.textContent()).resolves.toContain('扫码签到');
    await screenshot(page, '68-training-session-attendance');
  });
});

describe('the trainee’s record shows the hours', () => {
  it('when the organizer opens the training record of the person, then this session and its 3 hours are listed', async () => {
    await page.getByRole('tab', { name: '培训档案' }).click();
    await page.getByLabel('按姓名搜索人员').fill(trainee.name);
    await page.getByLabel('按姓名搜索人员').press('Enter');
    await page.getByTestId(`record-${trainee.name}`).first().click();
    const drawer = page.getByTestId('person-record');
    await drawer.getByText(topic).waitFor();
    const item = drawer.locator('.ant-timeline-item', { hasText: topic });
    await expect(item.textContent()).resolves.toContain('3 学时');
    await expect(item.textContent()).resolves.toContain('出席');
    await screenshot(page, '69-training-person-record');
    await page.keyboard.press('Escape');
  });

  it('when the other training pages are opened, then tours, experts and the closed link behave', async () => {
    await page.getByRole('tab', { name: '研修提升课' }).click();
    await page.getByText('浙江省湖州市安吉县').first().waitFor();
    await screenshot(page, '70-training-tours');
    await page.getByRole('link', { name: '赴山东烟台学习党建引领乡村振兴经验' }).click();
    await page.locator('.ant-card-head-title', { hasText: '研修学员' }).waitFor();
    await page.getByRole('button', { name: /研修心得/ }).first().click();
    await page.locator('.ant-modal').getByText('党支部领办合作社').first().waitFor();
    await screenshot(page, '70b-training-tour-report');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '乡土人才库' }).click();
    await page.getByLabel('按专长搜索').fill('木耳');
    await page.getByLabel('按专长搜索').press('Enter');
    await page.locator('.ant-table-row', { hasText: '黑木耳栽培' }).first().waitFor();
    await screenshot(page, '71-training-experts');

    // Closing sign-in: the phone now hears that sign-in is closed.
    await page.goto(`/training/sessions/${sessionId}`);
    await page.getByRole('button', { name: /关闭签到/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('.ant-message').getByText('已关闭扫码签到').first().waitFor();
    await phone.goto(signInPath);
    await phone.getByRole('heading', { name: '签到已关闭' }).waitFor();
    await screenshot(phone, '72-training-phone-closed');
  });
});

describe('a town sees its own', () => {
  it('when town01 opens training, then the figures cover its town only and a city session is read-only', async () => {
    const town = await suite.open();
    await login(town, 'town01');
    await town.goto('/training');
    await town.getByText('两委干部参训率').first().waitFor();
    await town.locator('canvas').first().waitFor();
    const overview = await apiGet<{ towns: { name: string }[] }>(town, '/training/overview');
    expect(overview.towns.map((t) => t.name)).toEqual(['东岭镇']);
    await screenshot(town, '73-training-overview-town01');
    await town.goto(`/training/sessions/${sessionId}`);
    await town.getByText('签到二维码由举办单位管理。').waitFor();
    await expect(town.getByRole('button', { name: /编\s*辑/ }).count()).resolves.toBe(0);
    await expect(town.getByRole('button', { name: /手工登记/ }).count()).resolves.toBe(0);
    await screenshot(town, '74-training-session-town01-readonly');
    expect(problemsOn(town)).toEqual([]);
  });
});
