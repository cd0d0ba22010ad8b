// Closing the loop: a reader's vote and a search that found nothing reach the operator
// page, which only its token opens, and whose CSV matches its tables.
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const { openPage } = useBrowser();
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

describe('article feedback', () => {
  test('a vote (changed, with a comment) is stored once and shows on the admin page', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/faq/change-administrator/`);
    const feedback = page.getByTestId('article-feedback');
    await feedback.scrollIntoViewIfNeeded();
    await page.locator('[data-testid=article-feedback][data-ready=true]').waitFor();
    await feedback.getByRole('button', { name: '有帮助' }).click();
    await expect.poll(() => feedback.getByRole('button', { name: '有帮助' }).getAttribute('aria-pressed')).toBe('true');
    await feedback.getByRole('button', { name: '没帮助' }).click();
    await feedback.getByLabel(/哪里没说清楚/).fill('没有写旧账号忘记密码怎么办');
    await feedback.getByRole('button', { name: '提交补充说明' }).click();
    await feedback.getByText('补充说明已收到').waitFor();
    expect(await feedback.textContent()).toContain('95716');
    // Remembered on reload.
    await page.reload();
    await feedback.scrollIntoViewIfNeeded();
    await page.locator('[data-testid=article-feedback][data-ready=true]').waitFor();
    await expect.poll(() => feedback.getByRole('button', { name: '没帮助' }).getAttribute('aria-pressed')).toBe('true');

    await signIn(page, s.url);
    const rows = await tableRows(page, 'feedback');
    expect(rows).toEqual([['如何更换管理员账号？', '/faq/change-administrator/', '0', '1', '0%', '没有写旧账号忘记密码怎么办', expect.any(String)]]);
    await context.close();
  });

  test('widget articles offer the diagnostics tool after 没帮助', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/faq/widget-outside-channels/`);
    const feedback = page.getByTestId('article-feedback');
    await feedback.scrollIntoViewIfNeeded();
    await page.locator('[data-testid=article-feedback][data-ready=true]').waitFor();
    await feedback.getByRole('button', { name: '没帮助' }).click();
    await expect(feedback.getByRole('link', { name: '浏览器检测工具' }).getAttribute('href')).resolves.toBe('/tools/diagnostics/');
    await context.close();
  });
});

describe('failed searches', () => {
  test('a query that finds nothing is recorded once per settled query, with its count', async () => {
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
    await page.goto(`${s.url}/search/?q=zqxjvw`);
    await page.locator('[data-search-page-results] .empty').waitFor();
    await page.waitForTimeout(2200);

    await signIn(page, s.url);
    const rows = await tableRows(page, 'search-misses');
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['zqxjvw', '2']]);
    await context.close();
  });
});

describe('operator page', () => {
  test('does not exist without WENDA_ADMIN_TOKEN', async () => {
    const s = await server({});
    expect((await fetch(`${s.url}/admin/`)).status).toBe(404);
  });

  test('a wrong token is refused without saying more; no data, no CSV; repeated failures are slowed', async () => {
    const s = await server();
    const { page, context } = await openPage(`${s.url}/`);
    await signIn(page, s.url, 'wrong-token-wrong-token');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('登录失败：令牌不正确。');
    await expect(page.locator('table').count()).resolves.toBe(0);
    expect((await page.request.get(`${s.url}/admin/export/feedback.csv`)).status()).toBe(401);
    const attempt = async () => {
      const started = Date.now();
      await fetch(`${s.url}/admin/`, { method: 'POST', headers: { Origin: s.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'action=sign-in&token=nope' });
      return Date.now() - started;
    };
    await attempt();
    await attempt();
    expect(await attempt()).toBeGreaterThanOrEqual(900);
    // Not a form at all: still just a failed sign-in, never a 500.
    const json = await fetch(`${s.url}/admin/`, { method: 'POST', headers: { Origin: s.url, 'Content-Type': 'application/json' }, body: '{"token":"x"}' });
    expect([401, 403, 429]).toContain(json.status);
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
      const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
      const parsed = lines.map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"').replace(/^'(?=[=+\-@])/, '')).slice(0, shown[0]!.length));
      expect(parsed).toEqual(shown);
    }
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('管理员令牌').waitFor();
    expect((await page.request.get(`${s.url}/admin/export/quotes.csv`)).status()).toBe(401);
    await context.close();
  });

  test('a diagnostics report is found by its reference', async () => {
    const s = await server();
    const { id } = await (
      await fetch(`${s.url}/api/v1/diagnostics/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ browser: { name: 'QQ 浏览器', os: 'Windows 10' }, checks: [{ id: 'browser-mode', status: 'fail', finding: 'QQ 浏览器正处于兼容模式', fix: '切换到极速模式' }] }),
      })
    ).json();
    const { page, context } = await openPage(`${s.url}/`);
    await signIn(page, s.url);
    await page.getByLabel('诊断编号').fill(id);
    await page.getByRole('button', { name: '查询' }).click();
    const report = page.getByTestId('diagnostics-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('QQ 浏览器正处于兼容模式');
    await context.close();
  });
});
