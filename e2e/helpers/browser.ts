import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const demoPassword = 'Fivestar@2026';
const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone as the villagers' and trainees' pages are used: small, touch, sharp. */
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * A fresh context per user: its own cookie jar, so sessions never leak between flows. A desk
 * screen unless `phone` is asked for.
 */
export async function newPage(browser: Browser, baseUrl: string, options: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    ...(options.phone ? phone : { viewport: { width: 1440, height: 900 } }),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(options.phone ? 20_000 : 15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // React and antd report misuse (deprecated props, key warnings) on the console; 4xx answers the
  // UI handles on purpose also log "Failed to load resource", which is not a defect.
  page.on('console', (msg) => {
    if ((msg.type() === 'error' || msg.type() === 'warning') && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`${msg.type()}: ${msg.text().slice(0, 300)}`);
    }
  });
  // The server sends a strict Content-Security-Policy: any violation (a blocked inline script or
  // style, a foreign source) fails the flow, whether or not Chromium also logs it.
  await page.exposeFunction('reportCspViolation', (text: string) => problems.push(`csp violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  consoleProblems.set(page, problems);
  return page;
}

const consoleProblems = new WeakMap<Page, string[]>();

/** Uncaught errors and console warnings seen on the page so far. */
export function problemsOn(page: Page): string[] {
  return consoleProblems.get(page) ?? [];
}

/**
 * Logs in; `changeTo` answers the forced password change of a new or reset account. Sensitive
 * actions more than 5 minutes after login open the re-authentication modal: it is answered with
 * the same password, as the user would.
 */
export async function login(page: Page, username: string, password = demoPassword, changeTo?: string): Promise<void> {
  await page.goto('/login');
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const step = page.getByTestId('login-step-password_change');
  await page.getByTestId('user-menu').or(step).waitFor();
  let current = password;
  if (changeTo && (await step.isVisible())) {
    await step.locator('#currentPassword').fill(password);
    await step.locator('#newPassword').fill(changeTo);
    await step.locator('#confirm').fill(changeTo);
    await step.getByRole('button', { name: /设置新密码/ }).click();
    await page.getByTestId('user-menu').waitFor();
    current = changeTo;
  }
  await page.addLocatorHandler(page.getByTestId('reauth-modal'), async () => {
    await page.getByTestId('reauth-modal').locator('input[type=password]').fill(current);
    await page.getByRole('button', { name: /验证并继续/ }).click();
    await page.getByTestId('reauth-modal').waitFor({ state: 'detached' });
  });
}

/**
 * Screenshots are kept for people to look at. antd's motion finishes on transition events, so
 * disabling CSS animation would freeze modals invisible; instead let requests and fades settle.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

/** JSON from the API with the page's session cookie. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`/api${path}`);
  if (!res.ok()) throw new Error(`GET /api${path} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Searches the org tree and selects the unit. rc-tree animates the expansion with temporary
 * motion nodes that swallow clicks, so wait for the motion to end and confirm the selection.
 */
export async function selectOrgInTree(page: Page, name: string): Promise<void> {
  await page.getByPlaceholder('搜索组织名称').fill(name);
  const node = page.locator(`.ant-tree [data-org-name="${name}"]`);
  await node.waitFor();
  await page.locator('.ant-tree-treenode-motion').waitFor({ state: 'detached' });
  const selected = page.locator(`.ant-tree-node-selected [data-org-name="${name}"]`);
  for (let attempt = 0; attempt < 3 && !(await selected.isVisible()); attempt++) {
    await node.click();
    await selected.waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
  await selected.waitFor();
}
