// Closing the loop: a reader's vote and a search that found nothing reach the operator
// page, which only its token opens, and whose CSV matches its tables. Long tables come
// 100 rows at a time, saying so, with page links; their CSV has every row.
import { AxeBuilder } from '@axe-core/playwright';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';

const { openPage, newContext } = useBrowser();
const TOKEN = 'feedback-test-admin-token';
let servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop();
  servers = [];
});

async function server(env: Record<string, string> = { WENDA_ADMIN_TOKEN: TOKEN }) {
  const s = await startServer({ env });
  servers.push(s);
  return s;
}

async function signIn(page: Page, base: string, token = TOKEN) {
  await page.goto(`${base}/admin/`);
  await page.getByLabel('管理员令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
}

const tableRows = (page: Page, table: string) =>
  page.locator(`table[data-table="${table}"] tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent!.trim())));

/** A CSV export's rows (header left out), cells as the page shows them (no cell here holds a line break). */
function csvRows(csv: string) {
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  return lines.map((line) => {
    const cells: string[] = [];
    const cell = /("(?:[^"]|"")*"|[^,]*)(,|$)/y;
    for (let m = cell.exec(line); m; m = m[2] ? cell.exec(line) : null) {
      cells.push(m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"').replace(/^'(?=[=+\-@])/, ''));
    }
    return cells;
  });
}

const postJson = (base: string, path: string, body: unknown) =>
  fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/**
 * `quotes` saved quotes (the newest asks for the most conversations), `misses` failed
 * searches and votes on `feedback` pages. The site has fewer pages than a long table
 * needs, so those votes go straight into the server's SQLite file, on made-up paths
 * (as stored before the API took votes only for the site's pages).
 */
async function storeMany(s: RunningServer, { quotes = 0, misses = 0, feedback = 0 }) {
  for (let i = 1; i <= quotes; i++) expect((await postJson(s.url, '/robot-quota/quotes', { robots: 1 + (i % 4), monthlyConversations: 1000 * i })).status).toBe(201);
  for (let i = 1; i <= misses; i++) expect((await postJson(s.url, '/search-misses', { query: `搜索词 ${i}` })).status).toBe(202);
  if (!feedback) return;
  const store = openSqliteStore(s.dataDir);
  try {
    for (let i = 1; i <= feedback; i++) {
      await store.addFeedback({ page: `/spam/${i}/`, helpful: i % 3 > 0, ...(i % 10 ? {} : { comment: `评论 ${i}` }) });
      // One vote a millisecond or more apart, as through the API: the newest-first order is by time.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    store.close();
  }
}

describe('article feedback', () => {
  test('a vote (changed, with a comment) is stored once and shows on the admin page', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/faq/change-administrator/`);
    const feedback = page.getByTestId('article-feedback');
    await feedback.scrollIntoViewIfNeeded();
    await page.locator('[data-testid=article-feedback][data-ready=true]').waitFor();
    await feedback.getByRole('button', { name: '有帮助', exact: true }).click();
    await expect.poll(() => feedback.getByRole('button', { name: '有帮助', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await feedback.getByRole('button', { name: '没有帮助' }).click();
    await feedback.getByLabel(/哪里没说清楚/).fill('没有写旧账号忘记密码怎么办');
    await feedback.getByRole('button', { name: '提交补充说明' }).click();
    await feedback.getByText('补充说明已收到').waitFor();
    expect(await feedback.textContent()).toContain('95716');
    // Remembered on reload.
    await page.reload();
    await feedback.scrollIntoViewIfNeeded();
    await page.locator('[data-testid=article-feedback][data-ready=true]').waitFor();
    await expect.poll(() => feedback.getByRole('button', { name: '没有帮助' }).getAttribute('aria-pressed')).toBe('true');

    await signIn(page, s.url);
    const rows = await tableRows(page, 'feedback');
    expect(rows).toEqual([['如何更换管理员账号？', '/faq/change-administrator/', '0', '1', '0%', '没有写旧账号忘记密码怎么办', expect.any(String)]]);
    await context.close();
  });

  test('when the browser cannot save (storage full), the vote is still sent, thanked for, and changed as one vote', async () => {
    const s = await server();
    const context = await newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${s.url}/faq/change-administrator/`);
    const feedback = page.getByTestId('article-feedback');
    await feedback.scrollIntoViewIfNeeded();
    await page.locator('[data-testid=article-feedback][data-ready=true]').waitFor();
    await feedback.getByRole('button', { name: '有帮助', exact: true }).click();
    await feedback.getByText('谢谢你的反馈！').waitFor();
    expect(await feedback.textContent()).not.toContain('提交没有成功');
    // The second vote carries the same voter id, made for this page: it replaces the first.
    await feedback.getByRole('button', { name: '没有帮助' }).click();
    await feedback.getByText('谢谢反馈，我们会改进这篇文章。').waitFor();
    const res = await fetch(`${s.url}/api/v1/admin/feedback`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const { pages } = await res.json();
    expect(pages).toEqual([expect.objectContaining({ page: '/faq/change-administrator/', helpful: 0, notHelpful: 1 })]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('widget articles offer the diagnostics tool after 没有帮助', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/faq/widget-outside-channels/`);
    const feedback = page.getByTestId('article-feedback');
    await feedback.scrollIntoViewIfNeeded();
    await page.locator('[data-testid=article-feedback][data-ready=true]').waitFor();
    await feedback.getByRole('button', { name: '没有帮助' }).click();
    await expect(feedback.getByRole('link', { name: '浏览器检测工具' }).getAttribute('href')).resolves.toBe('/tools/diagnostics/');
    await context.close();
  });
});

describe('failed searches', () => {
  test('a query that finds nothing is recorded once per settled query and tab, with its count', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/faq/download-client/`);
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await box.focus();
    // Typed character by character: no prefix may be recorded, only what settles.
    await box.pressSequentially('zqxjvw', { delay: 120 });
    await page.locator('.results .empty').waitFor();
    await page.waitForTimeout(2200);
    await box.fill('');
    await box.pressSequentially('zqxjvw', { delay: 50 });
    await page.waitForTimeout(2200);
    // Enter to the search page (or a reload) in the same tab is the same search.
    await page.goto(`${s.url}/search/?q=zqxjvw`);
    await page.locator('[data-search-page-empty] .empty').waitFor();
    await page.waitForTimeout(2200);
    // Another visitor (another tab) searching the same counts again.
    const other = await openPage(`${s.url}/search/?q=zqxjvw`);
    await other.page.locator('[data-search-page-empty] .empty').waitFor();
    await other.page.waitForTimeout(2200);
    await other.context.close();

    await signIn(page, s.url);
    const rows = await tableRows(page, 'search-misses');
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['zqxjvw', '2']]);
    await context.close();
  });
});

describe('searches answered only in part', () => {
  test('results that share only stray words with the query say so, and the query is recorded; a real match is not', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/search/?q=发票怎么开`);
    const summary = page.locator('[data-search-page-summary]');
    await expect.poll(() => summary.textContent()).toContain('完全对应');
    expect(await page.locator('[data-search-page-results] .hit').count()).toBeGreaterThan(0);
    await page.waitForTimeout(2200);

    await page.goto(`${s.url}/search/?q=换管理员`);
    await expect.poll(() => summary.textContent()).toContain('共找到');
    await page.waitForTimeout(2200);

    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await page.goto(`${s.url}/faq/download-client/`);
    await box.fill('发票怎么开');
    await page.locator('.results .partial').waitFor();
    await expect.poll(() => page.locator('[data-search-status]').first().textContent()).toContain('部分匹配');

    await signIn(page, s.url);
    const rows = await tableRows(page, 'search-misses');
    expect(rows.map((r) => r[0])).toEqual(['发票怎么开']);
    await context.close();
  });
});

describe('operator page', () => {
  test('does not exist without WENDA_ADMIN_TOKEN', async () => {
    const s = await server({});
    expect((await fetch(`${s.url}/admin/`)).status).toBe(404);
  });

  test('a wrong token is refused without saying more; no data, no CSV; after ten, the address must wait', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/`);
    await signIn(page, s.url, 'wrong-token-wrong-token');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('登录失败：令牌不正确。');
    await expect(page.locator('table').count()).resolves.toBe(0);
    expect((await page.request.get(`${s.url}/admin/export/feedback.csv`)).status()).toBe(401);
    const attempt = () =>
      fetch(`${s.url}/admin/`, { method: 'POST', headers: { Origin: s.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'action=sign-in&token=nope' });
    for (let i = 2; i <= 10; i++) expect((await attempt()).status).toBe(401);
    // Ten wrong tokens from this address: now even the right one is refused, at once, saying how long to wait.
    await signIn(page, s.url);
    await expect(page.getByRole('alert').textContent()).resolves.toBe('尝试次数过多，请 15 分钟后再试。');
    await expect(page.locator('table').count()).resolves.toBe(0);
    // Not a form at all: refused at the door as the wrong type (docs/operating/limits.md), never a 500.
    const json = await fetch(`${s.url}/admin/`, { method: 'POST', headers: { Origin: s.url, 'Content-Type': 'application/json' }, body: '{"token":"x"}' });
    expect(json.status).toBe(415);
    await context.close();
  });

  test('CSV exports have the same rows as the tables; signing out closes the page', async () => {
    const s = await server();
    for (const [page, helpful] of [['/faq/download-client/', true], ['/faq/download-client/', false], ['/faq/message-records/', true]] as const) {
      await fetch(`${s.url}/api/v1/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page, helpful, comment: helpful ? undefined : '="危险",公式' }) });
    }
    await fetch(`${s.url}/api/v1/search-misses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '发票' }) });
    await fetch(`${s.url}/api/v1/robot-quota/quotes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ robots: 2, monthlyConversations: 80000 }) });
    const { page, context } = await openPage(`${s.url}/`);
    await signIn(page, s.url);
    for (const table of ['feedback', 'search-misses', 'quotes']) {
      const shown = await tableRows(page, table);
      expect(shown.length).toBeGreaterThan(0);
      const csv = await (await page.request.get(`${s.url}/admin/export/${table}.csv`)).text();
      expect(csvRows(csv).map((row) => row.slice(0, shown[0]!.length))).toEqual(shown);
    }
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('管理员令牌').waitFor();
    expect((await page.request.get(`${s.url}/admin/export/quotes.csv`)).status()).toBe(401);
    await context.close();
  });

  test('a diagnostics report is found by its reference, each check named (hosts apart), with browser, system, page and summary', async () => {
    const s = await server();
    const refused = '连接立即被拒绝：可能被浏览器扩展（插件）、受限站点设置或公司策略拦截。';
    const { id } = await (
      await fetch(`${s.url}/api/v1/diagnostics/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          summary: '发现 4 个问题，优先处理：浏览器内核。',
          browser: { name: 'QQ 浏览器', os: 'Windows 10' },
          page: '/tools/diagnostics/',
          checks: [
            { id: 'browser-mode', status: 'fail', finding: 'QQ 浏览器正处于兼容模式', fix: '切换到极速模式' },
            { id: 'cookies', status: 'pass', finding: 'Cookie 已启用。' },
            ...[1, 2, 3].map((n) => ({ id: `host-${n}`, status: 'fail', finding: refused, fix: '解除对会话服务的拦截' })),
            { id: 'host-9', status: 'pass', finding: '可以连接，用时 80 毫秒。' },
          ],
        }),
      })
    ).json();
    const { page, context } = await openPage(`${s.url}/`, { width: 360 });
    await signIn(page, s.url);
    await page.getByLabel('检测编号').fill(id);
    await page.getByRole('button', { name: '查询' }).click();
    const report = page.getByTestId('diagnostics-report');
    await report.waitFor();
    expect(await report.locator('dt').allTextContents()).toEqual(['提交时间', '浏览器', '系统', '页面', '结论']);
    const fact = (name: string) => report.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]').textContent();
    await expect(fact('浏览器')).resolves.toBe('QQ 浏览器');
    await expect(fact('系统')).resolves.toBe('Windows 10');
    await expect(fact('页面')).resolves.toBe('/tools/diagnostics/');
    await expect(fact('结论')).resolves.toBe('发现 4 个问题，优先处理：浏览器内核。');
    const checks = await report.locator('[data-check]').evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-check'), li.querySelector('.admin-check-name')?.textContent, li.querySelector('.admin-status')?.textContent, li.querySelector('.admin-check-fix')?.textContent ?? '']),
    );
    // The names come from content/site.json's chat hosts, by the number in the check id.
    expect(checks).toEqual([
      ['browser-mode', '浏览器内核', '异常', '处理：切换到极速模式'],
      ['cookies', '浏览器 Cookie', '正常', ''],
      ['host-1', '连接接待组件（wpa.b.qq.com）', '异常', '处理：解除对会话服务的拦截'],
      ['host-2', '连接会话窗口（webpage.qidian.qq.com）', '异常', '处理：解除对会话服务的拦截'],
      ['host-3', '连接消息服务（qidian.qq.com）', '异常', '处理：解除对会话服务的拦截'],
      ['host-9', '连接第 9 个会话服务地址', '正常', ''],
    ]);
    expect(await report.textContent()).toContain('QQ 浏览器正处于兼容模式');
    // Nothing sticks out at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  test.each(['light', 'dark'] as const)('at 360 px (%s) each table scrolls in a named, focusable region instead of squeezing its cells', async (colorScheme) => {
    const s = await server();
    await fetch(`${s.url}/api/v1/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page: '/faq/message-records/', helpful: false, comment: '内容不完整，没有说明保存多久' }) });
    await fetch(`${s.url}/api/v1/search-misses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '增值税专用发票怎么开' }) });
    await fetch(`${s.url}/api/v1/robot-quota/quotes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ robots: 2, monthlyConversations: 80000, monthlyGrowthPercent: 5, years: 2 }) });
    const { page, context } = await openPage(`${s.url}/`, { width: 360, colorScheme });
    await signIn(page, s.url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const [table, title] of [['feedback', '文章反馈'], ['search-queries', '热门搜索词'], ['search-no-answer', '没有确切答案的搜索词'], ['search-misses', '没找到答案的搜索'], ['quotes', '保存的报价']]) {
      const region = page.getByRole('region', { name: `${title}表格` });
      expect(await region.count(), title).toBe(1);
      await expect(region.getAttribute('tabindex')).resolves.toBe('0');
      const cells = await region.locator(`table[data-table="${table}"]`).evaluate((t) =>
        [...t.querySelectorAll('th, td')].map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          return { text: cell.textContent!.trim(), width: cell.getBoundingClientRect().width, lines, nowrap: getComputedStyle(cell).whiteSpace === 'nowrap' };
        }),
      );
      for (const cell of cells) {
        // Headers, numbers, ids and times on one line; text that wraps keeps several characters a line.
        if (cell.nowrap) expect(cell.lines, cell.text).toBe(1);
        else expect(cell.width, cell.text).toBeGreaterThanOrEqual(100);
      }
      expect(cells.filter((c) => /^[\d.,%]+$|^\d{4}\/|^[\w-]{12}$/.test(c.text)).every((c) => c.nowrap), table).toBe(true);
      const headers = cells.slice(0, await region.locator('thead th').count());
      expect(headers.every((c) => c.lines === 1), table).toBe(true);
    }
    // Reached by Tab, focus visible, scrolled by the arrow keys.
    const region = page.getByRole('region', { name: '保存的报价表格' });
    for (let i = 0; i < 40 && !(await region.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await region.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none')).toBe(true);
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await context.close();
  });
});

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
      expect(csv).toEqual([...firstPage, ...secondPage]);

      await pager.getByRole('link', { name: '‹ 上一页' }).click();
      await page.waitForURL(`${s.url}/admin/#${table}`);
      expect(await tableRows(page, table)).toEqual(firstPage);
    }
    // Newest quote first, oldest last; the page voted on last first, the first last.
    const quotes = csvRows(await (await page.request.get(`${s.url}/admin/export/quotes.csv`)).text());
    expect([quotes[0]![3], quotes.at(-1)![3]]).toEqual(['130000', '1000']);
    const feedback = csvRows(await (await page.request.get(`${s.url}/admin/export/feedback.csv`)).text());
    // (Votes given in the same millisecond are ordered by page.)
    expect(feedback.findIndex((row) => row[1] === '/spam/130/')).toBeLessThan(3);
    expect(feedback.findIndex((row) => row[1] === '/spam/1/')).toBeGreaterThan(126);
    expect(feedback.find((row) => row[1] === '/spam/120/')).toEqual(['/spam/120/', '/spam/120/', '0', '1', '0%', '评论 120', expect.any(String)]);
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
    await page.getByLabel('检测编号').fill('12345678');
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
    await page.getByLabel('检测编号').fill('12345678');
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
