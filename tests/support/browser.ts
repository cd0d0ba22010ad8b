// Debian's Chromium through playwright-core, with the flags this sandbox needs, and a
// page opener that records console errors (CSP violations included).
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { watchLayoutShifts } from './layout-shift.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
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

/**
 * Makes the support API's search answer 503 in `context`, as a server without an index or
 * a busy one does: the page then searches with Pagefind by itself.
 */
export const refuseSearchApi = (context: BrowserContext) =>
  context.route(/\/api\/v1\/search\?/, (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: '站内搜索暂时不可用。' } }) }),
  );

export interface PageOptions {
  width?: number;
  colorScheme?: 'light' | 'dark';
}

/**
 * One browser for the test file, and `openPage(path)`: a fresh context on the built
 * server (or any absolute URL) that collects console errors and uncaught exceptions and
 * records layout shifts (`layoutShifts(page)`, for every page of the context).
 * `newContext` gives a bare context on the same browser (own user agent, touch, …).
 */
export function useBrowser() {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  async function openPage(path: string, options: PageOptions = {}) {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
    });
    await watchLayoutShifts(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // This machine has no internet: outside hosts (the diagnostics probe the vendor's)
      // cannot load. That is the network, not the page.
      const source = m.location().url;
      if (/^Failed to load resource: net::ERR_/.test(m.text()) && source && !source.startsWith(baseUrl)) return;
      errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(/^https?:/.test(path) ? path : baseUrl + path);
    return { page, context, errors, response };
  }
  /** A fresh context on the file's browser, for tests that set up the device themselves. */
  const newContext = (options: BrowserContextOptions) => browser.newContext(options);
  return { baseUrl, openPage, newContext };
}
