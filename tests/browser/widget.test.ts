// The reception widget: the preview follows the settings, the generated snippet works
// on a real page (pop-up, and a new tab when pop-ups are blocked), hostile text stays
// text, and the QR code decodes to the link.
import { afterEach, describe, expect, test } from 'vitest';
import jsQR from 'jsqr';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { layoutShifts, watchLayoutShifts } from '../support/layout-shift.ts';
import { colours, contrast } from '../support/contrast.ts';

const { baseUrl, openPage, newContext } = useBrowser();
let operatorServers: Server[] = [];
afterEach(() => {
  for (const s of operatorServers) s.close();
  operatorServers = [];
});

async function openPreview(path = '/tools/widget/') {
  const opened = await openPage(path);
  await opened.page.locator('[data-testid=widget-preview][data-ready=true]').waitFor();
  return opened;
}

/** The launcher button inside a preview frame's Shadow DOM. */
const launcherIn = (page: Page, frame: 'desktop' | 'phone') => page.getByTestId(`frame-${frame}`).locator('a.b');

describe('widget preview', () => {
  test('the desktop frame painted before the phone frame is read is where it stays', async () => {
    // A slow machine paints what it has read so far; the frames used to be aligned at
    // the bottom, so the desktop frame moved down when the taller phone frame arrived.
    const context = await newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const url = `${baseUrl}/tools/widget/`;
    await page.goto(url);
    const whole = (await page.getByTestId('frame-desktop').boundingBox())!;
    const html = await (await fetch(url)).text();
    const cut = html.indexOf('<figure class="wp-frame phone"');
    expect(cut).toBeGreaterThan(html.indexOf('data-testid="frame-desktop"'));
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html.slice(0, cut) }));
    await page.reload();
    expect(await page.getByTestId('frame-phone').count()).toBe(0);
    const early = (await page.getByTestId('frame-desktop').boundingBox())!;
    expect({ x: early.x, y: early.y }).toEqual({ x: whole.x, y: whole.y });
    await context.close();
  });

  test('a first visit holds still (CLS 0); colour, label and position changes show in both frames at once', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await watchLayoutShifts(page);
    await page.goto(`${baseUrl}/tools/widget/`);
    await page.locator('[data-testid=widget-preview][data-ready=true]').waitFor();
    // The server renders the demo settings a first visit keeps: hydrating moves nothing.
    expect(await layoutShifts(page)).toEqual([]);
    await page.getByLabel('按钮文字').fill('找客服');
    await page.getByLabel('主题颜色').fill('#ff6600');
    await page.getByLabel('位置', { exact: true }).selectOption('left');
    await page.getByLabel('样式').selectOption('bar');
    for (const frame of ['desktop', 'phone'] as const) {
      const button = launcherIn(page, frame);
      await expect.poll(() => button.textContent()).toBe('找客服');
      expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 102, 0)');
      const [box, screen] = await Promise.all([button.boundingBox(), page.getByTestId(`frame-${frame}`).boundingBox()]);
      expect(box!.x - screen!.x).toBeLessThan(screen!.width / 2);
    }
    expect(await page.getByTestId('snippet').inputValue()).toContain('data-color="#ff6600"');

    // A long greeting wraps inside each frame, clear of both edges (it overflowed the phone's).
    await page.getByLabel('欢迎语（可选）').fill('您好，欢迎光临！有任何关于产品、价格或售后的问题，都可以点这里和我们聊。');
    for (const frame of ['desktop', 'phone'] as const) {
      const bubble = page.getByTestId(`frame-${frame}`).locator('p.g');
      await expect.poll(() => bubble.isVisible()).toBe(true);
      const [box, screen] = await Promise.all([bubble.boundingBox(), page.getByTestId(`frame-${frame}`).boundingBox()]);
      expect(box!.x - screen!.x, frame).toBeGreaterThanOrEqual(12);
      expect(screen!.x + screen!.width - (box!.x + box!.width), frame).toBeGreaterThanOrEqual(12);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test('hostile text in every field stays text; the snippet stays valid; a non-http link is refused', async () => {
    const { page, context } = await openPreview();
    let alerted = false;
    page.on('dialog', async (d) => {
      alerted = true;
      await d.dismiss();
    });
    const evil = '</script><script>alert(1)</script>';
    await page.getByLabel('按钮文字').fill('" onmouseover="x');
    await page.getByLabel('欢迎语（可选）').fill(evil);
    await page.getByLabel('接待链接', { exact: true }).fill(`https://kf.example.com/chat?q=${evil}`);
    await launcherIn(page, 'desktop').hover();
    const snippet = await page.getByTestId('snippet').inputValue();
    expect(snippet.match(/<script/g)).toHaveLength(1);
    expect(snippet).toContain('data-greeting="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    // The snippet, placed on a page, is one script tag whose attributes read back as typed.
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const scripts = doc.querySelectorAll('script');
      return { count: scripts.length, greeting: scripts[0]?.getAttribute('data-greeting'), label: scripts[0]?.getAttribute('data-label') };
    }, snippet);
    expect(parsed).toEqual({ count: 1, greeting: evil, label: '" onmouseover="x' });
    await page.getByLabel('接待链接', { exact: true }).fill('javascript:alert(1)');
    await expect(page.getByText('接待链接必须是以 http:// 或 https:// 开头的网址').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('snippet').count()).resolves.toBe(0);
    expect(alerted).toBe(false);
    await context.close();
  });

  test('settings persist in this browser and travel in the share link', async () => {
    const { page, context } = await openPreview();
    await page.getByLabel('按钮文字').fill('售后咨询');
    await page.reload();
    await page.locator('[data-testid=widget-preview][data-ready=true]').waitFor();
    expect(await page.getByLabel('按钮文字').inputValue()).toBe('售后咨询');
    const share = await page.getByLabel('分享这套设置').inputValue();
    const fresh = await context.browser()!.newContext();
    const other = await fresh.newPage();
    await other.goto(share);
    await other.locator('[data-testid=widget-preview][data-ready=true]').waitFor();
    expect(await other.getByLabel('按钮文字').inputValue()).toBe('售后咨询');
    await fresh.close();
    await context.close();
  });

  test('a share link cut short by a chat app, or settings this browser kept badly, open a working form', async () => {
    const chat = 'https://chat.example.com/x';
    const { page, context, errors } = await openPreview(`/tools/widget/?chat-url=${encodeURIComponent(chat)}&color=%23ff6&kind=q`);
    expect(await page.getByLabel('接待链接', { exact: true }).inputValue()).toBe(chat);
    expect(await page.getByLabel('浮动按钮（网站）').isChecked()).toBe(true);
    expect(await page.getByLabel('主题颜色').inputValue()).toBe('#1a5fd0');
    await page.getByLabel('按钮文字').fill('找客服');
    await expect.poll(() => launcherIn(page, 'desktop').textContent()).toBe('找客服');
    expect(await page.getByTestId('snippet').inputValue()).toContain(`data-chat-url="${chat}"`);

    await page.evaluate(() => localStorage.setItem('wenda-widget-preview', JSON.stringify({ raw: { chatUrl: 'https://kept.example.com/', label: 5 }, kind: 'iframe' })));
    await page.goto(new URL('/tools/widget/', page.url()).href);
    await page.locator('[data-testid=widget-preview][data-ready=true]').waitFor();
    expect(await page.getByLabel('接待链接', { exact: true }).inputValue()).toBe('https://kept.example.com/');
    expect(await page.getByLabel('按钮文字').inputValue()).toBe('在线咨询');
    await page.getByLabel('二维码（站外渠道）').check();
    await page.getByTestId('qr-preview').locator('svg').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('each kind shows only its settings, its QR code beside the download buttons; a text link opens where 打开方式 says', async () => {
    const { page, context, errors } = await openPreview();
    // At 1280 px a select cuts off what does not fit: each 打开方式 choice fits the box, its arrow aside.
    const cut = await page.getByLabel('打开方式').evaluate((select: HTMLSelectElement) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(select).font;
      return [...select.options].filter((o) => ctx.measureText(o.text).width > select.clientWidth - 48).map((o) => o.text);
    });
    expect(cut).toEqual([]);
    const qrBesideDownloads = () => page.locator('.wp-output', { has: page.getByRole('button', { name: '下载 PNG' }) }).getByTestId('qr-output').locator('svg').isVisible();
    await page.getByLabel('接待链接', { exact: true }).fill('https://kf.example.com/chat?id=link-test');
    await expect(qrBesideDownloads(), 'launcher').resolves.toBe(true);
    await page.getByLabel('文字链接').check();
    await expect(qrBesideDownloads(), 'text link').resolves.toBe(true);
    await page.getByLabel('链接文字').fill('联系我们');
    for (const launcherOnly of ['主题颜色', '样式', '位置', '距侧边（像素）', '欢迎语（可选）']) {
      expect(await page.getByLabel(launcherOnly, { exact: true }).count(), launcherOnly).toBe(0);
    }
    const openMode = page.getByLabel('打开方式');
    expect(await openMode.locator('option').allTextContents()).toEqual(['新标签页', '当前页面']);
    expect(await page.getByTestId('snippet').inputValue()).toBe('<a href="https://kf.example.com/chat?id=link-test" target="_blank" rel="noopener">联系我们</a>');
    await openMode.selectOption('same');
    await expect.poll(() => page.getByTestId('snippet').inputValue()).toBe('<a href="https://kf.example.com/chat?id=link-test">联系我们</a>');
    // Preact clears the property, leaving target="" (the same as none: this tab).
    expect(['', null]).toContain(await page.getByTestId('frame-desktop').getByRole('link', { name: '联系我们' }).getAttribute('target'));

    // The preview page is light in either theme; so is its link colour.
    await page.emulateMedia({ colorScheme: 'dark' });
    const demo = page.getByTestId('frame-desktop').getByRole('link', { name: '联系我们' });
    const { color, background } = await colours(demo);
    expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);

    await page.getByLabel('二维码（站外渠道）').check();
    await expect(qrBesideDownloads(), 'QR code').resolves.toBe(true);
    expect(await page.getByLabel('打开方式').count()).toBe(0);
    expect(await page.getByLabel('链接文字').count()).toBe(0);
    // Back to the launcher: the settings hidden meanwhile kept their values.
    await page.getByLabel('浮动按钮（网站）').check();
    expect(await page.getByLabel('按钮文字').inputValue()).toBe('联系我们');
    expect(await page.getByLabel('打开方式').inputValue()).toBe('same');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the QR code decodes to the reception link', async () => {
    const { page, context } = await openPreview();
    const link = 'https://kf.example.com/chat?id=qr-test&channel=weibo';
    await page.getByLabel('接待链接', { exact: true }).fill(link);
    await page.getByLabel('二维码（站外渠道）').check();
    const svg = page.getByTestId('qr-preview').locator('svg');
    await svg.waitFor();
    const image = await svg.evaluate(async (el) => {
      const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(el))}`;
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: 400, height: 400 });
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 400, 400);
      ctx.drawImage(img, 0, 0, 400, 400);
      // As one byte string: a 640 000-number array took Playwright 15–30 s to carry over.
      const data = ctx.getImageData(0, 0, 400, 400).data;
      let bytes = '';
      for (let i = 0; i < data.length; i += 8192) bytes += String.fromCharCode(...data.subarray(i, i + 8192));
      return bytes;
    });
    const decoded = jsQR(new Uint8ClampedArray(Buffer.from(image, 'latin1')), 400, 400);
    expect(decoded?.data).toBe(link);
    expect(await page.getByTestId('direct-link').inputValue()).toBe(link);
    // One name for the link, typed in and copied out: 接待链接.
    expect(await page.getByLabel('接待链接（可直接用于直播、微博、论坛等站外渠道）').inputValue()).toBe(link);
    expect(await page.getByRole('group', { name: '放置方式' }).getByRole('radio').count()).toBe(3);
    await context.close();
  });
});

describe('without JavaScript', () => {
  test('no form that does nothing: what it needs is said, and the channel guides still read', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/tools/widget/`);
    const shown = await page.locator('main').innerText();
    expect(shown).toContain('需要启用 JavaScript');
    expect(shown).not.toMatch(/正在(加载|检测)|请先填写/);
    await expect(page.getByLabel('接待链接', { exact: true }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button').filter({ hasText: /复制|下载/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: '放到站外渠道' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('the launcher on an operator’s page', () => {
  async function pageWithSnippet(extra = '') {
    const { page, context } = await openPreview();
    await page.getByLabel('接待链接', { exact: true }).fill(`${baseUrl}/faq/widget-session-not-opening/?from=widget`);
    await page.getByLabel('按钮文字').fill('在线咨询');
    const snippet = await page.getByTestId('snippet').inputValue();
    // The operator's site: another origin, served from this machine.
    const html = `<!doctype html><html><head>${extra}</head><body><h1>Operator</h1><style>a{display:none!important;color:red}</style>${snippet}</body></html>`;
    const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    operatorServers.push(server);
    const site = await context.newPage();
    await site.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const button = site.locator('[data-wenda-widget]').locator('a.b');
    await button.waitFor();
    return { context, site, button };
  }

  test('shows a launcher (untouched by the host page’s CSS) that opens the chat URL in a pop-up', async () => {
    const { context, site, button } = await pageWithSnippet();
    expect(await button.isVisible()).toBe(true);
    await button.focus();
    expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    const [popup] = await Promise.all([context.waitForEvent('page'), button.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toContain('/faq/widget-session-not-opening/?from=widget');
    expect(await site.evaluate(() => Object.keys((window as unknown as { WendaWidget: object }).WendaWidget))).toEqual(['open', 'close']);
    await context.close();
  });

  test('with pop-ups blocked it falls back to a new tab and says so', async () => {
    const { context, site, button } = await pageWithSnippet('<script>window.open = function () { return null; };</script>');
    const [tab] = await Promise.all([context.waitForEvent('page'), button.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toContain('/faq/widget-session-not-opening/?from=widget');
    const notice = site.locator('[data-wenda-widget]').locator('.n');
    await expect.poll(() => notice.textContent()).toContain('新标签页');
    await context.close();
  });

  test('/widget/v1.js stays under 6 KB gzipped', async () => {
    const res = await fetch(`${baseUrl}/widget/v1.js`, { headers: { 'Accept-Encoding': 'identity' } });
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(Buffer.from(await res.arrayBuffer())).length).toBeLessThan(6 * 1024);
    expect(res.headers.get('content-type')).toContain('javascript');
  });
});
