// The operator page's long tables come 100 rows at a time, saying so, with page links
// (by keyboard, without JavaScript); their CSV has every row.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { csvAsShown, csvRows, signIn, storeMany, tableRows, useServers } from '../support/operator-page.ts';

const { openPage, newContext } = useBrowser();
const server = useServers();

describe('long tables', () => {
  test('130 quotes, 130 failed searches and 130 pages of feedback: each table says it shows 100 of 130, 下一页 (by keyboard, without JavaScript) shows the other 30, and each CSV has all 130', async () => {
    const s = await server();
    await storeMany(s, { quotes: 130, misses: 130, feedback: 130 });
    // Paging is plain links: it works with JavaScript off.
    const context = await newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, s.url);
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    for (const [table, title, firstPageSays] of [
      ['quotes', '保存的报价', '显示最新的 100 条，共 130 条。'],
      ['search-misses', '没找到答案的搜索', '显示次数最多的 100 条，共 130 条。'],
      ['feedback', '文章反馈', '显示最近有投票的 100 条，共 130 条。'],
    ] as const) {
      await page.goto(`${s.url}/admin/`);
      const count = page.locator(`[data-count="${table}"]`);
      await expect(count.textContent()).resolves.toBe(firstPageSays);
      const firstPage = await tableRows(page, table);
      expect(firstPage).toHaveLength(100);
      const pager = page.getByRole('navigation', { name: `${title}：翻页` });
      await expect(pager.locator('.admin-pager-position').textContent()).resolves.toBe('第 1 / 2 页');
      expect(await pager.getByRole('link').allTextContents()).toEqual(['下一页 ›']);

      await pager.getByRole('link', { name: '下一页 ›' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${s.url}/admin/?${table}-page=2#${table}`);
      await expect(count.textContent()).resolves.toBe('显示第 101–130 条，共 130 条。');
      await expect(pager.locator('.admin-pager-position').textContent()).resolves.toBe('第 2 / 2 页');
      const secondPage = await tableRows(page, table);
      expect(secondPage).toHaveLength(30);
      expect(new Set([...firstPage, ...secondPage].map((row) => row[0])).size).toBe(130);

      // The CSV: every row, in the tables' order, whichever page is on screen.
      const res = await page.request.get(`${s.url}/admin/export/${table}.csv`);
      expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const csv = csvRows(await res.text());
      expect(csv).toHaveLength(130);
      expect(await csvAsShown(page, table, csv)).toEqual([...firstPage, ...secondPage]);

      await pager.getByRole('link', { name: '‹ 上一页' }).click();
      await page.waitForURL(`${s.url}/admin/#${table}`);
      expect(await tableRows(page, table)).toEqual(firstPage);
    }
    // Newest quote first, oldest last; the page voted on last first, the first last.
    const quotes = csvRows(await (await page.request.get(`${s.url}/admin/export/quotes.csv`)).text());
    expect([quotes[0]![3], quotes.at(-1)![3]]).toEqual(['130000', '1000']);
    const feedback = csvRows(await (await page.request.get(`${s.url}/admin/export/feedback.csv`)).text());
    // (Votes given in the same millisecond are ordered by page.)
    expect(feedback.findIndex((row) => row[6] === '/spam/130/')).toBeLessThan(3);
    expect(feedback.findIndex((row) => row[6] === '/spam/1/')).toBeGreaterThan(126);
    expect(feedback.find((row) => row[6] === '/spam/120/')).toEqual(['/spam/120/', '0', '1', '0%', '评论 120', expect.any(String), '/spam/120/']);
    await context.close();
  });

  test('a wrong feedback page is said and its first page shown; the other tables keep their pages, and feedback keeps its page in their links and in a report lookup', async () => {
    const s = await server();
    await storeMany(s, { quotes: 130, feedback: 250 });
    const { page, context } = await openPage(`${s.url}/`);
    await signIn(page, s.url);
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    // One wrong value and one missing page; every message is checked in tests/unit/admin-paging.test.ts.
    for (const [value, message] of [
      ['abc', '页码「abc」无效：应为 1 到 3 之间的整数。下面是第 1 页。'],
      ['4', '没有第 4 页：共 3 页。下面是第 1 页。'],
    ]) {
      await page.goto(`${s.url}/admin/?quotes-page=2&feedback-page=${encodeURIComponent(value!)}`);
      await expect(page.locator('[data-page-problem="feedback"]').textContent(), value).resolves.toBe(message);
      expect(await page.locator('[data-page-problem]').count()).toBe(1);
      await expect(page.locator('[data-count="feedback"]').textContent()).resolves.toBe('显示最近有投票的 100 条，共 250 条。');
      expect(await tableRows(page, 'feedback')).toHaveLength(100);
      await expect(page.locator('[data-count="quotes"]').textContent()).resolves.toBe('显示第 101–130 条，共 130 条。');
    }
    // Feedback's links leave the wrong value behind and keep the quotes' page.
    const pager = page.getByRole('navigation', { name: '文章反馈：翻页' });
    await expect(pager.getByRole('link', { name: '下一页 ›' }).getAttribute('href')).resolves.toBe('/admin/?quotes-page=2&feedback-page=2#feedback');

    // 页码 [3] 前往; then the quotes' links and a report lookup keep feedback on page 3.
    await pager.getByLabel('页码').fill('3');
    await pager.getByLabel('页码').press('Enter');
    await page.waitForURL(`${s.url}/admin/?quotes-page=2&feedback-page=3#feedback`);
    await expect(page.locator('[data-count="feedback"]').textContent()).resolves.toBe('显示第 201–250 条，共 250 条。');
    expect(await tableRows(page, 'feedback')).toHaveLength(50);
    await expect(page.getByRole('navigation', { name: '保存的报价：翻页' }).getByRole('link', { name: '‹ 上一页' }).getAttribute('href')).resolves.toBe(
      '/admin/?feedback-page=3#quotes',
    );
    await page.getByLabel('检测编号', { exact: true }).fill('12345678');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(`${s.url}/admin/?feedback-page=3&quotes-page=2&report=12345678#report`);
    expect(await tableRows(page, 'feedback')).toHaveLength(50);
    expect(csvRows(await (await page.request.get(`${s.url}/admin/export/feedback.csv`)).text())).toHaveLength(250);
    await context.close();
  });

  test('a page number that is not there is said plainly and the first page shown; the other table keeps its page; a form goes to any page', async () => {
    const s = await server();
    await storeMany(s, { quotes: 130, misses: 250 });
    const { page, context } = await openPage(`${s.url}/`);
    await signIn(page, s.url);
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    // Markup in the value and a missing page; every message is checked in tests/unit/admin-paging.test.ts.
    const cases = [
      ['<b>2</b>', '页码「<b>2</b>」无效：应为 1 到 2 之间的整数。下面是第 1 页。'],
      ['1000000', '没有第 1,000,000 页：共 2 页。下面是第 1 页。'],
    ];
    for (const [value, message] of cases) {
      const res = await page.goto(`${s.url}/admin/?search-misses-page=2&quotes-page=${encodeURIComponent(value!)}`);
      expect(res!.status(), value).toBe(200);
      await expect(page.locator('[data-page-problem="quotes"]').textContent(), value).resolves.toBe(message);
      await expect(page.locator('[data-count="quotes"]').textContent()).resolves.toBe('显示最新的 100 条，共 130 条。');
      expect(await page.locator('table[data-table="quotes"] tbody tr').count()).toBe(100);
      await expect(page.locator('[data-count="search-misses"]').textContent()).resolves.toBe('显示第 101–200 条，共 250 条。');
      expect(await page.locator('[data-page-problem]').count()).toBe(1);
    }
    // Twice the parameter is not a page either.
    await page.goto(`${s.url}/admin/?quotes-page=2&quotes-page=2`);
    await expect(page.getByRole('alert').textContent()).resolves.toBe('页码「2,2」无效：应为 1 到 2 之间的整数。下面是第 1 页。');
    // The links leave the wrong value behind and keep the other table's page.
    await page.goto(`${s.url}/admin/?search-misses-page=2&quotes-page=abc`);
    await expect(page.getByRole('navigation', { name: '保存的报价：翻页' }).getByRole('link', { name: '下一页 ›' }).getAttribute('href')).resolves.toBe(
      '/admin/?search-misses-page=2&quotes-page=2#quotes',
    );

    // Three pages of failed searches: 页码 [3] 前往, keeping the quotes on page 2.
    await page.goto(`${s.url}/admin/?quotes-page=2`);
    const misses = page.getByRole('navigation', { name: '没找到答案的搜索：翻页' });
    await misses.getByLabel('页码').fill('3');
    await misses.getByLabel('页码').press('Enter');
    await page.waitForURL(`${s.url}/admin/?quotes-page=2&search-misses-page=3#search-misses`);
    await expect(page.locator('[data-count="search-misses"]').textContent()).resolves.toBe('显示第 201–250 条，共 250 条。');
    expect(await tableRows(page, 'search-misses')).toHaveLength(50);
    expect(await tableRows(page, 'quotes')).toHaveLength(30);
    expect(csvRows(await (await page.request.get(`${s.url}/admin/export/search-misses.csv`)).text())).toHaveLength(250);
    // Looking a report up keeps both tables where they are (and not a wrong value).
    await page.goto(`${s.url}/admin/?quotes-page=2&search-misses-page=x`);
    await page.getByLabel('检测编号', { exact: true }).fill('12345678');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(`${s.url}/admin/?quotes-page=2&report=12345678#report`);
    expect(await tableRows(page, 'quotes')).toHaveLength(30);
    // The answer opens at the report, below the long tables.
    await expect(page.getByRole('heading', { name: '检测报告', level: 2 }).evaluate((h) => h.getBoundingClientRect().top)).resolves.toBeLessThan(100);

    // The other table's wrong value is not carried along: its links and its 页码 form
    // keep the page it shows (the first), so the next page says nothing is wrong.
    await page.goto(`${s.url}/admin/?search-misses-page=abc&quotes-page=2`);
    await expect(page.getByRole('navigation', { name: '保存的报价：翻页' }).getByRole('link', { name: '‹ 上一页' }).getAttribute('href')).resolves.toBe('/admin/#quotes');
    await expect(misses.getByRole('link', { name: '下一页 ›' }).getAttribute('href')).resolves.toBe('/admin/?quotes-page=2&search-misses-page=2#search-misses');
    await page.goto(`${s.url}/admin/?quotes-page=abc&search-misses-page=2`);
    expect(await misses.locator('input[type="hidden"]').evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]))).toEqual([]);
    await misses.getByLabel('页码').fill('3');
    await misses.getByLabel('页码').press('Enter');
    await page.waitForURL(`${s.url}/admin/?search-misses-page=3#search-misses`);
    expect(await page.locator('[data-page-problem]').count()).toBe(0);
    await context.close();
  });

  test.each(['light', 'dark'] as const)('at 360 px (%s) the count, the page links and the form fit, are reached by Tab with a visible focus, and pass axe', async (colorScheme) => {
    const s = await server();
    await storeMany(s, { quotes: 130, misses: 250, feedback: 130 });
    const { page, context } = await openPage(`${s.url}/`, { width: 360, colorScheme });
    await signIn(page, s.url);
    await page.goto(`${s.url}/admin/?quotes-page=2&search-misses-page=x&feedback-page=2`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const nav of await page.getByRole('navigation', { name: /：翻页$/ }).all()) {
      const box = (await nav.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    // Tab from the quotes table's region reaches its 上一页 link after the rows' links.
    const previous = page.getByRole('navigation', { name: '保存的报价：翻页' }).getByRole('link', { name: '‹ 上一页' });
    await page.getByRole('region', { name: '保存的报价表格' }).focus();
    for (let i = 0; i < 40 && !(await previous.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await previous.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none')).toBe(true);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });
});
