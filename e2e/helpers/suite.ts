import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, problemsOn } from './browser';
import { startServer, type RunningServer } from './server';

export type BrowserSuite = {
  readonly server: RunningServer;
  readonly browser: Browser;
  /**
   * A fresh page (its own cookie jar), not signed in; a phone if asked. With `checked`, the file
   * fails at its end if the page saw a console problem; otherwise the caller checks if it wants.
   */
  open(options?: { phone?: boolean; checked?: boolean }): Promise<Page>;
  /** A fresh page signed in as `username`; the file fails at its end if the page saw a console problem. */
  as(username: string): Promise<Page>;
};

/**
 * One server and one browser for a test file: started before its first test, stopped after its
 * last. Call at the top of the file; the values are there from the file's first `beforeAll` on.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const checked: Page[] = [];
  const running = () => {
    if (!server || !browser) throw new Error('the browser suite is not started yet (use it inside a hook or a test)');
    return { server, browser };
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    try {
      for (const page of checked) expect({ url: page.url(), problems: problemsOn(page) }).toEqual({ url: page.url(), problems: [] });
    } finally {
      await browser?.close();
      await server?.stop();
    }
  });

  const suite: BrowserSuite = {
    get server() {
      return running().server;
    },
    get browser() {
      return running().browser;
    },
    async open(options = {}) {
      const page = await newPage(running().browser, running().server.baseUrl, options);
      if (options.checked) checked.push(page);
      return page;
    },
    async as(username) {
      const page = await suite.open({ checked: true });
      await login(page, username);
      return page;
    },
  };
  return suite;
}
