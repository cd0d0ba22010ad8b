// Closing the loop: a reader's vote and a search that found nothing reach the operator
// page, which only its token opens, and whose CSV matches its tables. Long tables:
// admin-paging.test.ts.
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { csvAsShown, csvRows, signIn, tableRows, TOKEN, useServers } from '../support/operator-page.ts';

const { openPage, newContext, baseUrl } = useBrowser();
const server = useServers();

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
    // The key columns first; the title links to the article.
    expect(rows).toEqual([['如何更换管理员账号？', '0', '1', '0%', '没有写旧账号忘记密码怎么办', expect.any(String), '/faq/change-administrator/']]);
    await expect(page.locator('table[data-table="feedback"] tbody th a').getAttribute('href')).resolves.toBe('/faq/change-administrator/');
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

  test('without JavaScript the vote buttons are disabled and say why', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/faq/change-administrator/`);
    const feedback = page.getByTestId('article-feedback');
    await expect(feedback.getByRole('button', { name: '有帮助', exact: true }).isDisabled()).resolves.toBe(true);
    expect(await feedback.innerText()).toContain('投票需要启用 JavaScript');
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
  test('a query that shares only stray words with articles lists none of them (no noise), says so, and is recorded; a real match is not', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/search/?q=发票怎么开`);
    const list = page.locator('[data-search-page-results]');
    await expect.poll(() => list.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('none');
    expect(await list.locator('.hit').count()).toBe(0);
    expect(await page.locator('[data-search-page-empty]').textContent()).toContain('没有找到与「发票怎么开」相关的文章');
    await page.waitForTimeout(2200);

    await page.goto(`${s.url}/search/?q=换管理员`);
    const summary = page.locator('[data-search-page-summary]');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('共找到');
    await page.waitForTimeout(2200);

    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await page.goto(`${s.url}/faq/download-client/`);
    await box.fill('发票怎么开');
    await expect.poll(() => page.locator('[data-search-status]').first().textContent(), { timeout: 15_000 }).toContain('没有找到相关文章');

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
    // Said as HTTP says it: 401 Unauthorized, not "401 OK".
    const second = await attempt();
    expect([second.status, second.statusText]).toEqual([401, 'Unauthorized']);
    for (let i = 3; i <= 10; i++) expect((await attempt()).status).toBe(401);
    const waiting = await attempt();
    expect([waiting.status, waiting.statusText]).toEqual([429, 'Too Many Requests']);
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
    // Figures grouped as on the site; the CSV keeps them plain.
    expect((await tableRows(page, 'quotes'))[0]![3]).toBe('80,000');
    for (const table of ['feedback', 'search-misses', 'quotes']) {
      const shown = await tableRows(page, table);
      expect(shown.length).toBeGreaterThan(0);
      const csv = await (await page.request.get(`${s.url}/admin/export/${table}.csv`)).text();
      expect(await csvAsShown(page, table, csvRows(csv).map((row) => row.slice(0, shown[0]!.length)))).toEqual(shown);
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
    // Listed, newest first, without knowing the reference: the reference opens the report.
    expect(await tableRows(page, 'reports')).toEqual([[id, '发现 4 个问题，优先处理：浏览器内核。', 'QQ 浏览器', 'Windows 10', expect.any(String)]]);
    await page.locator('table[data-table="reports"]').getByRole('link', { name: id }).click();
    await page.waitForURL(`${s.url}/admin/?report=${id}#report`);
    await page.getByTestId('diagnostics-report').waitFor();
    // And looked up by it.
    await page.getByLabel('检测编号', { exact: true }).fill(id);
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
    // The row's name (the key column, first) stays in view as the rest scrolls by.
    const nameLeft = await region.locator('tbody th').first().evaluate((th) => th.getBoundingClientRect().left - th.closest('.admin-table')!.getBoundingClientRect().left);
    expect(Math.abs(nameLeft)).toBeLessThan(2);
    await context.close();
  });
});
