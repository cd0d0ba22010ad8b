// The browser-unblock diagnostics in Chromium. The vendor's chat hosts are outside this
// machine, so Playwright stands in for them (answering, refusing or staying silent);
// everything else is the real browser, the real server and its WebSocket echo.
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { layoutShifts, watchLayoutShifts } from '../support/layout-shift.ts';
import { colours, contrast } from '../support/contrast.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import site from '../../content/site.json' with { type: 'json' };

const { openPage, newContext, baseUrl } = useBrowser();
const hosts = site.diagnostics.chatHosts.map((h) => new URL(h.url).origin);
const afterSales = site.supportLines.find((l) => l.label === '售后服务')!;
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
let servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop();
  servers = [];
});

/** Makes the chat hosts answer, except those listed as refusing or silent. */
async function standInForHosts(page: Page, { refuse = [], silent = [] }: { refuse?: string[]; silent?: string[] } = {}) {
  for (const origin of hosts) {
    await page.route(`${origin}/**`, (route) => {
      if (refuse.includes(origin)) return route.abort('blockedbyclient');
      if (silent.includes(origin)) return new Promise(() => {});
      return route.fulfill({ status: 200, body: 'ok' });
    });
  }
}

async function runTool(page: Page, path = '/tools/diagnostics/') {
  await page.goto(new URL(path, page.url()).href);
  await page.locator('[data-testid=diagnostics][data-running=false]').waitFor({ timeout: 20_000 });
}

const statusOf = (page: Page, id: string) => page.locator(`[data-check="${id}"]`).getAttribute('data-status');

describe('diagnostics', () => {
  test('a clean run passes every check and says all is clear', async () => {
    const { page, context, errors } = await openPage('/');
    await standInForHosts(page);
    await runTool(page);
    // The results fill space kept for them: nothing moved as the checks finished (CLS 0).
    expect(await layoutShifts(page)).toEqual([]);
    await page.getByRole('button', { name: '测试弹出窗口' }).click();
    await expect.poll(() => statusOf(page, 'popups')).toBe('pass');
    const statuses = await page.locator('[data-check]').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.check}:${(e as HTMLElement).dataset.status}`));
    expect(statuses.filter((s) => !s.endsWith(':pass'))).toEqual([]);
    expect(statuses).toContain('websocket:pass');
    // Third-party storage needs a probe origin, which the sample config does not name: not shown at all.
    expect(statuses.some((s) => s.startsWith('third-party-storage'))).toBe(false);
    // Checks by names customers know.
    const titles = await page.locator('.dg-title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['浏览器存储', '实时消息连接']));
    expect(titles.join()).not.toMatch(/WebSocket|localStorage/);
    expect(await page.getByTestId('diagnostics-summary').textContent()).toContain('检测通过');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('without JavaScript: no 正在检测 that never ends, no button the page does not have, only why', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/tools/diagnostics/`);
    const shown = await page.locator('main').innerText();
    expect(shown).not.toMatch(/正在(检测|加载)/);
    expect(shown).toContain('检测需要启用 JavaScript');
    // The buttons are the tool's: none is shown, and nothing tells the reader to press one.
    expect(await page.getByRole('button', { name: /测试弹出窗口|重新检测|发送给/ }).filter({ visible: true }).count()).toBe(0);
    expect(shown).not.toMatch(/[点按]上面的「|点击「(测试|发送|复制)/);
    await context.close();
  });

  test('a host that refuses fails with its fix; one that never answers fails as a time-out', async () => {
    const { page, context } = await openPage('/');
    await standInForHosts(page, { refuse: [hosts[1]!], silent: [hosts[2]!] });
    await runTool(page);
    const refused = page.locator('[data-check="host-2"]');
    expect(await refused.getAttribute('data-status')).toBe('fail');
    expect(await refused.textContent()).toContain('立即被拒绝');
    expect(await refused.textContent()).toContain('解除对会话服务的拦截');
    // This browser's own steps come first and open, not only IE's and 360's.
    expect(await refused.locator('details[open] summary').textContent()).toContain('Chrome');
    expect(await refused.locator('details[open]').textContent()).toContain('chrome://extensions');
    const silent = page.locator('[data-check="host-3"]');
    expect(await silent.getAttribute('data-status')).toBe('fail');
    expect(await silent.textContent()).toContain('没有响应');
    expect(await silent.textContent()).toContain('检查网络和防火墙');
    expect(await page.getByTestId('diagnostics-summary').textContent()).toContain('请先处理');
    await context.close();
  });

  test('hosts refused alike share one card listing them, with one guide; each host still goes to support', async () => {
    const { page, context } = await openPage('/');
    await standInForHosts(page, { refuse: hosts });
    await runTool(page);
    const shared = page.locator('[data-group="unblock-host"]');
    expect(await shared.count()).toBe(1);
    expect(await shared.getAttribute('data-status')).toBe('fail');
    expect(await shared.locator('.dg-title').textContent()).toBe('连接会话服务');
    expect(await shared.locator('[data-check]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.check))).toEqual(hosts.map((_, i) => `host-${i + 1}`));
    for (const { url } of site.diagnostics.chatHosts) expect(await shared.textContent()).toContain(new URL(url).host);
    // One guide in the whole tool, not one per host.
    expect(await page.locator('.dg-fix-title', { hasText: '解除对会话服务的拦截' }).count()).toBe(1);
    const summary = page.getByTestId('diagnostics-summary');
    expect(await summary.textContent()).toContain('发现 1 个问题');
    expect(await summary.getByRole('link').getAttribute('href')).toBe(`#${await shared.getAttribute('id')}`);
    await context.close();
  });

  test('cookies blocked fails, with the steps for this browser open first', async () => {
    const { page, context } = await openPage('/');
    await standInForHosts(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
    await runTool(page);
    expect(await statusOf(page, 'cookies')).toBe('fail');
    const own = page.locator('[data-check="cookies"] details[open] summary');
    expect(await own.textContent()).toContain('Chrome');
    await context.close();
  });

  test('Internet Explorer warns and leads with the article’s 受限站点 steps, another browser only as the fallback', async () => {
    const context = await newContext({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await standInForHosts(page);
    await page.goto(`${baseUrl}/`);
    await runTool(page);
    const ie = page.locator('[data-check="browser-mode"]');
    expect(await ie.getAttribute('data-status')).toBe('warn');
    expect(await ie.locator('.dg-finding').textContent()).toContain('请先检查受限站点设置');
    const steps = await ie.locator('.dg-fix > ol > li').allTextContents();
    expect(steps[0]).toContain('受限站点');
    expect(steps[1]).toContain('*.qq.com');
    expect(steps.findIndex((s) => s.includes('换用'))).toBeGreaterThan(1);
    expect(await ie.textContent()).not.toContain('不支持');
    expect(await page.getByTestId('diagnostics-summary').textContent()).toContain('受限站点');
    await context.close();
  });

  test('on an Android phone the steps are the phone’s: Chrome’s 网站设置, the phone’s clock, no extensions or company PC', async () => {
    const context = await newContext({ userAgent: ANDROID_CHROME, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await standInForHosts(page, { refuse: [hosts[1]!] });
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await page.clock.install({ time: Date.now() + 20 * 60_000 });
    await watchLayoutShifts(page);
    await page.goto(`${baseUrl}/tools/diagnostics/`);
    await page.locator('[data-testid=diagnostics][data-running=false]').waitFor({ timeout: 20_000 });
    expect(await page.locator('.dg-device').textContent()).toContain('Android');
    // At 360 px, with problems and their guides, nothing moved either.
    expect(await layoutShifts(page)).toEqual([]);

    await page.getByRole('button', { name: '测试弹出窗口' }).click();
    await expect.poll(() => statusOf(page, 'popups')).toBe('fail');
    const popups = page.locator('[data-check="popups"]');
    expect(await popups.locator('details[open] summary').textContent()).toBe('Chrome（你正在使用）');
    expect(await popups.locator('details[open]').textContent()).toContain('「设置」→「网站设置」→「弹出式窗口和重定向」');

    expect(await statusOf(page, 'clock')).toBe('warn');
    const clock = await page.locator('[data-check="clock"] .dg-fix').textContent();
    expect(clock).toContain('「日期和时间」');
    expect(clock).not.toMatch(/Windows|Mac/);

    expect(await statusOf(page, 'host-2')).toBe('fail');
    const tool = await page.getByTestId('diagnostics').textContent();
    expect(tool).not.toMatch(/chrome:\/\/|公司电脑|这台电脑|扩展|受限站点|Internet 选项/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  test.each(['light', 'dark'] as const)('a failed check reads clearly in %s (the system setting)', async (colorScheme) => {
    const { page, context } = await openPage('/', { colorScheme });
    await standInForHosts(page, { refuse: [hosts[1]!] });
    await runTool(page);
    const icon = page.locator('[data-check="host-2"] .dg-icon');
    const { color, background } = await colours(icon);
    expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  test('a blocked pop-up fails', async () => {
    const { page, context } = await openPage('/');
    await standInForHosts(page);
    // What pop-up blockers do: window.open gives nothing back.
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await runTool(page);
    await page.getByRole('button', { name: '测试弹出窗口' }).click();
    await expect.poll(() => statusOf(page, 'popups')).toBe('fail');
    expect(await page.locator('[data-check="popups"]').textContent()).toContain('允许弹出窗口');
    await context.close();
  });

  test('a skewed clock warns', async () => {
    const { page, context } = await openPage('/');
    await standInForHosts(page);
    await page.clock.install({ time: Date.now() + 20 * 60_000 });
    await runTool(page);
    expect(await statusOf(page, 'clock')).toBe('warn');
    await context.close();
  });

  test('sending a report gives a reference that the admin API returns with the same results', async () => {
    const token = 'diagnostics-test-admin-token';
    const server = await startServer({ env: { WENDA_ADMIN_TOKEN: token } });
    servers.push(server);
    const { page, context } = await openPage(`${server.url}/`);
    await standInForHosts(page, { refuse: [hosts[0]!] });
    await runTool(page);
    const shown = await page.locator('[data-check]').evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.check, (e as HTMLElement).dataset.status]));
    await page.getByRole('button', { name: `发送给${afterSales.label}` }).click();
    const reference = page.getByTestId('reference-id');
    await reference.waitFor();
    const id = (await reference.textContent())!.trim();
    expect(id).toMatch(/^\d{8}$/);
    // Whom to tell it to: the after-sales line of the site config, callable.
    const sent = page.locator('.dg-reference');
    expect(await sent.textContent()).toContain(`拨打售后服务电话 ${afterSales.phone} 时，请报上检测编号`);
    expect(await sent.getByRole('link', { name: afterSales.phone }).getAttribute('href')).toBe(`tel:${afterSales.phone.replace(/\D/g, '')}`);
    const stored = await (await fetch(`${server.url}/api/v1/admin/diagnostics/reports/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(stored.report.checks.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual(shown);
    expect(stored.report.summary).toContain('发现 1 个问题');
    await context.close();
  });

  test('a report that cannot be sent says why: the API’s own words, or that the network failed', async () => {
    const { page, context } = await openPage('/');
    await standInForHosts(page);
    await runTool(page);
    const alert = page.locator('.dg-error[role=alert]');

    await page.route('**/api/v1/diagnostics/reports', (route) =>
      route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ error: { code: 'rate_limited', message: '提交太频繁，请 1 分钟后再试。' } }) }),
    );
    await page.getByRole('button', { name: `发送给${afterSales.label}` }).click();
    await expect.poll(() => alert.textContent()).toContain('提交太频繁，请 1 分钟后再试。');

    await page.unroute('**/api/v1/diagnostics/reports');
    await page.route('**/api/v1/diagnostics/reports', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: `发送给${afterSales.label}` }).click();
    await expect.poll(() => alert.textContent()).toContain('网络连接失败');
    expect(await alert.textContent()).toContain(`拨打售后服务电话 ${afterSales.phone}`);
    await context.close();
  });

  test.each(['/faq/widget-session-not-opening/', '/tools/diagnostics/'])('at 360 px %s does not scroll sideways: every result card stays inside the tool', async (path) => {
    const { page, context } = await openPage('/', { width: 360 });
    // Failing hosts: their cards carry the longest titles (host names) and the fix guides.
    await standInForHosts(page, { refuse: [hosts[0]!, hosts[1]!], silent: [hosts[2]!] });
    await page.goto(new URL(path, page.url()).href);
    await page.locator('.diagnostics').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=diagnostics][data-running=false]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-check^="host-"][data-status=fail]').count()).toBe(hosts.length);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const tool = (await page.locator('.diagnostics').boundingBox())!;
    const cards = await page.locator('.dg-check').evaluateAll((els) => els.map((e) => ({ check: (e as HTMLElement).dataset.check ?? (e as HTMLElement).dataset.group, ...e.getBoundingClientRect().toJSON() })));
    expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) {
      expect(card.left, `${card.check} left`).toBeGreaterThanOrEqual(tool.x - 0.5);
      expect(card.right, `${card.check} right`).toBeLessThanOrEqual(tool.x + tool.width + 0.5);
    }
    // The status word stays on one line (not 异 over 常).
    const statusLines = await page.locator('.dg-status').evaluateAll((els) =>
      els.map((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(statusLines.every((lines) => lines === 1)).toBe(true);
    await context.close();
  });

  test('the widget-session article carries the tool', async () => {
    const { page, context } = await openPage('/faq/widget-session-not-opening/');
    await standInForHosts(page);
    await page.locator('.diagnostics').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=diagnostics][data-running=false]').waitFor({ timeout: 20_000 });
    expect(await statusOf(page, 'cookies')).toBe('pass');
    await context.close();
  });
});
