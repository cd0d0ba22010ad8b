// Search analytics end to end: searches made through the real UI in Chromium (a query in
// the address, the header box, results opened), recorded even when the visitor leaves at
// once, and shown to the operator for the last 7, 30 and 90 days, with CSV exports.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const { openPage } = useBrowser();
const TOKEN = 'search-analytics-admin-token';
const LOADED = { timeout: 15_000 };
let servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop();
  servers = [];
});

async function server() {
  const s = await startServer({ env: { WENDA_ADMIN_TOKEN: TOKEN } });
  servers.push(s);
  return s;
}

/** The queries recorded in the last 90 days: [query, searches, clicks]. */
async function recorded(base: string): Promise<[string, number, number][]> {
  const res = await fetch(`${base}/api/v1/admin/search-analytics/queries?days=90`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const { queries } = await res.json();
  return queries.map((q: { query: string; searches: number; clicks: number }) => [q.query, q.searches, q.clicks]);
}

const tableRows = (page: Page, table: string) =>
  page.locator(`table[data-table="${table}"] tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent!.trim())));

/** A CSV export's rows (header left out); no cell here holds a comma, quote or line break. */
const csvRows = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(','));

describe('every settled search is recorded', () => {
  test('a query in the address is recorded as soon as its results show, though the visitor leaves at once', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/search/?q=${encodeURIComponent('换管理员')}`);
    await page.locator('[data-search-page-results] .hit').first().waitFor(LOADED);
    await page.goto(`${s.url}/`);
    await expect.poll(() => recorded(s.url), LOADED).toEqual([['换管理员', 1, 0]]);
    await context.close();
  });

  test('a query typed in the header box and left before it settles is sent on pagehide, once per tab; closing the tab sends it too', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/faq/download-client/`);
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await box.fill('zqxjvw');
    await page.locator('.results .empty').waitFor(LOADED);
    // Away at once (well within the 1.5 s it takes to settle), then back and the same again.
    await page.goto(`${s.url}/faq/message-records/`);
    await expect.poll(() => recorded(s.url), LOADED).toEqual([['zqxjvw', 1, 0]]);
    await box.fill('zqxjvw');
    await page.locator('.results .empty').waitFor(LOADED);
    await page.goto(`${s.url}/faq/download-client/`);
    await box.fill('下载');
    await page.getByRole('option').first().waitFor(LOADED);
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => recorded(s.url), LOADED).toEqual([
      ['zqxjvw', 1, 0],
      ['下载', 1, 0],
    ]);
    await context.close();
  });
});

describe('搜索分析 on the operator page', () => {
  test('searches and results opened in Chromium show for 7, 30 and 90 days, and each CSV has the rows', async () => {
    const s = await server();
    const { page, context, errors } = await openPage(`${s.url}/faq/message-records/`);
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    // 1. The header box: the first result opened straight away (sent with the search).
    await box.fill('换管理员');
    const first = page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').first();
    await first.waitFor(LOADED);
    const firstPath = await first.getAttribute('href');
    await Promise.all([page.waitForURL(`**${firstPath}`), first.click()]);
    // 2. The search page from an address: the second result opened.
    await page.goto(`${s.url}/search/?q=${encodeURIComponent('下载')}`);
    const second = page.locator('[data-search-page-results] a.hit').nth(1);
    await second.waitFor(LOADED);
    const secondPath = await second.getAttribute('href');
    await Promise.all([page.waitForURL(`**${secondPath}`), second.click()]);
    // 3. Nothing found, and only stray words found: left to settle.
    await box.fill('zqxjvw');
    await page.locator('.results .empty').waitFor(LOADED);
    await page.waitForTimeout(2000);
    await box.fill('客服电话');
    await page.locator('.results .partial').waitFor(LOADED);
    await page.waitForTimeout(2000);
    await expect.poll(() => recorded(s.url), LOADED).toEqual([
      ['下载', 1, 1],
      ['换管理员', 1, 1],
      ['zqxjvw', 1, 0],
      ['客服电话', 1, 0],
    ]);
    expect(errors).toEqual([]);

    // Forty days ago (written as the store writes it): in the 90 days only.
    const db = new DatabaseSync(join(s.dataDir, 'wenda.db'));
    const old = new Date(Date.now() - 40 * 86_400_000);
    const day = old.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    db.prepare('INSERT INTO search_days VALUES (?, ?, ?, ?, ?, ?, ?)').run(day, '发票抬头', 'none', 3, 0, old.toISOString(), old.toISOString());
    db.close();

    await page.goto(`${s.url}/admin/`);
    await page.getByLabel('管理员令牌').fill(TOKEN);
    await page.getByRole('button', { name: '登录' }).click();
    const section = page.locator('#search-analytics');
    await section.getByRole('heading', { name: '搜索分析' }).waitFor();
    const figure = (name: string) => section.locator('[data-search-totals] dt', { hasText: name }).locator('xpath=following-sibling::dd[1]').textContent();

    for (const [days, searches] of [[7, '4'], [30, '4'], [90, '7']] as const) {
      if (days !== 7) {
        await section.getByRole('link', { name: `近 ${days} 天` }).click();
        await page.waitForURL(`${s.url}/admin/?search-days=${days}#search-analytics`);
      }
      await expect(section.getByRole('link', { name: `近 ${days} 天` }).getAttribute('aria-current')).resolves.toBe('page');
      await expect(figure('搜索次数')).resolves.toBe(searches);
      await expect(figure('点开结果')).resolves.toBe('2');
      await expect(figure('平均点击位置')).resolves.toBe('1.5');

      const queries = await tableRows(page, 'search-queries');
      expect(queries.map((r) => r.slice(0, 5))).toEqual([
        ...(days === 90 ? [['发票抬头', '3', '0', '0%', '–']] : []),
        ['下载', '1', '1', '100%', '2'],
        ['换管理员', '1', '1', '100%', '1'],
        ['zqxjvw', '1', '0', '0%', '–'],
        ['客服电话', '1', '0', '0%', '–'],
      ]);
      // 客服电话 found only part of itself (客服) and nobody opened it.
      expect((await tableRows(page, 'search-no-click')).map((r) => r[0])).toEqual(['客服电话']);
      expect((await tableRows(page, 'search-no-answer')).map((r) => r.slice(0, 5))).toEqual([
        ...(days === 90 ? [['发票抬头', '3', '3', '0', '0']] : []),
        ['zqxjvw', '1', '1', '0', '0'],
        ['客服电话', '1', '0', '1', '0'],
      ]);
      const articles = await tableRows(page, 'search-articles');
      expect(articles.map((r) => [r[1], r[2], r[4], r[5]]).sort()).toEqual(
        [
          [firstPath, '1', '1', '换管理员'],
          [secondPath, '1', '2', '下载'],
        ].sort(),
      );

      // Each CSV: the rows of its table, for the period shown.
      for (const table of ['search-queries', 'search-no-click', 'search-no-answer', 'search-articles']) {
        const link = page.locator(`#${table} a[download]`);
        await expect(link.getAttribute('href')).resolves.toBe(`/admin/export/${table}.csv?days=${days}`);
        const res = await page.request.get(`${s.url}/admin/export/${table}.csv?days=${days}`);
        expect(res.headers()['content-disposition']).toContain(`${table}-${days}d-`);
        expect(csvRows(await res.text()), `${table} ${days}`).toEqual(await tableRows(page, table));
      }
    }
    // The failed searches of all time are the same searches (most frequent first; the other two
    // tie unless an hour began between them).
    const misses = (await tableRows(page, 'search-misses')).map((r) => [r[0], r[1]]);
    expect(misses[0]).toEqual(['发票抬头', '3']);
    expect(misses.slice(1).sort()).toEqual([
      ['zqxjvw', '1'],
      ['客服电话', '1'],
    ]);
    await context.close();
  });

  test.each(['light', 'dark'] as const)('at 360 px (%s) the section fits, its period links are reached by keyboard with a visible focus', async (colorScheme) => {
    const s = await server();
    for (const [query, outcome] of [['发票', 'results'], ['zqxjvw', 'none']]) {
      await fetch(`${s.url}/api/v1/searches`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, outcome, results: outcome === 'none' ? 0 : 2 }) });
    }
    const { page, context } = await openPage(`${s.url}/admin/`, { width: 360, colorScheme });
    await page.getByLabel('管理员令牌').fill(TOKEN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('#search-analytics').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const link = page.getByRole('link', { name: '近 30 天' });
    for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await link.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/search-days=30/);
    expect(await page.getByRole('region', { name: '热门搜索词表格' }).count()).toBe(1);
    await context.close();
  });
});
