// The download chooser on the devices visitors come with: user agents and, where the
// browser sends them, client hints, set the way a real browser would.
import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { useBrowser } from '../support/browser.ts';
import { layoutShifts, watchLayoutShifts } from '../support/layout-shift.ts';

// One browser for the file; each visit is a fresh context with its own user agent.
const { baseUrl, newContext } = useBrowser();
const clientIds = readdirSync(new URL('../../content/clients/', import.meta.url)).map((f) => f.replace(/\.json$/, ''));

const UA = {
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 12; M2102J2SC Build/SKQ1.211006.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/86.0.4240.99 XWEB/4317 MMWEBSDK/20220903 Mobile Safari/537.36 MMWEBID/4357 MicroMessenger/8.0.28.2240(0x28001C57) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
};

interface Device {
  userAgent: string;
  /** Client hints as Chrome would send them; omit for browsers without them. */
  hints?: { platform: string; platformVersion: string; architecture: string; bitness: string; mobile: boolean };
  mobile?: boolean;
  width?: number;
  javaScript?: boolean;
  /** Browser permissions, e.g. the clipboard's. */
  permissions?: string[];
  /** Runs in the page before its own scripts (to take an API away). */
  init?: () => void;
}

async function visit(device: Device) {
  const context = await newContext({
    userAgent: device.userAgent,
    viewport: { width: device.width ?? 1280, height: 900 },
    isMobile: device.mobile ?? false,
    hasTouch: device.mobile ?? false,
    javaScriptEnabled: device.javaScript ?? true,
    permissions: device.permissions ?? [],
  });
  const page = await context.newPage();
  await watchLayoutShifts(page);
  if (device.init) await page.addInitScript(device.init);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (device.hints) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setUserAgentOverride', {
      userAgent: device.userAgent,
      userAgentMetadata: { ...device.hints, model: '', fullVersion: '131.0.0.0', brands: [{ brand: 'Chromium', version: '131' }] },
    });
  }
  await page.goto(`${baseUrl}/downloads/`);
  return { page, errors, close: () => context.close() };
}

describe('download chooser', () => {
  test.each([
    {
      name: 'Windows 11 x64 Chrome',
      device: { userAgent: UA.chromeWindows, hints: { platform: 'Windows', platformVersion: '15.0.0', architecture: 'x86', bitness: '64', mobile: false } },
      client: 'windows-x64',
      device_label: 'Windows 11 · 64 位（x64）',
    },
    {
      name: 'Windows on Arm (Chrome’s UA says x64; the hints say arm)',
      device: { userAgent: UA.chromeWindows, hints: { platform: 'Windows', platformVersion: '15.0.0', architecture: 'arm', bitness: '64', mobile: false } },
      client: 'windows-arm64',
      device_label: 'Windows 11 · ARM64',
    },
    { name: 'macOS Safari', device: { userAgent: UA.safariMac }, client: 'macos', device_label: 'Mac' },
    // Safari, as Chinese sites name it (not the parser's "Mobile Safari").
    { name: 'iPhone Safari', device: { userAgent: UA.iphone, mobile: true, width: 390 }, client: 'iphone', device_label: 'iPhone / iPad · Safari 17' },
    {
      name: 'Android Chrome',
      device: { userAgent: UA.chromeAndroid, mobile: true, width: 412, hints: { platform: 'Android', platformVersion: '14.0.0', architecture: '', bitness: '', mobile: true } },
      client: 'android-yingyongbao',
      device_label: '安卓手机',
    },
  ])('$name gets $client with one large button', async ({ device, client, device_label }) => {
    const { page, errors, close } = await visit(device);
    const rec = page.getByTestId('recommendation');
    await rec.waitFor();
    expect(await rec.getAttribute('data-client')).toBe(client);
    expect(await rec.textContent()).toContain(device_label);
    const button = rec.locator('a.dc-button');
    await expect(button.count()).resolves.toBe(1);
    expect(await button.getAttribute('href')).toMatch(/^https:\/\//);
    // The shipped clients are samples: the big card says so too, not only the list.
    await expect(rec.locator('.dc-title .sample-badge').textContent()).resolves.toBe('示例数据');
    // Every other client stays listed.
    for (const id of clientIds) await expect(page.locator(`#client-${id}`).count()).resolves.toBe(1);
    // The recommendation fills space kept for it: nothing moved (CLS 0).
    expect(await layoutShifts(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  test('a file download shows its SHA-256 with a copy button and this system’s command to check it', async () => {
    const { page, close } = await visit({ userAgent: UA.chromeWindows, hints: { platform: 'Windows', platformVersion: '15.0.0', architecture: 'x86', bitness: '64', mobile: false } });
    const rec = page.getByTestId('recommendation');
    await rec.waitFor();
    expect(await rec.getByTestId('sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await expect(rec.getByRole('button', { name: '复制校验值' }).count()).resolves.toBe(1);
    expect(await rec.textContent()).toContain('Get-FileHash');
    expect(await rec.locator('.dc-verify').textContent()).toContain('在 PowerShell 中运行');
    // The card's title names the product; the button says what it does.
    await expect(rec.locator('a.dc-button').textContent()).resolves.toBe('下载 Windows 版');
    await close();
  });

  test('the sample notice speaks to customers: what is only a demo, and where phones find the app', async () => {
    const { page, close } = await visit({ userAgent: UA.chromeWindows });
    const notice = (await page.locator('.downloads-sample').textContent())!;
    expect(notice).toContain('以下版本号、链接和校验值仅作演示');
    expect(notice).toContain('手机端请在 App Store 或应用宝搜索「企点客服」');
    expect(notice).not.toContain('content/clients');
    // Said once on the page: the lead leaves it to the notice.
    expect((await page.locator('main').textContent())!.split('手机端请在 App Store 或应用宝搜索').length - 1).toBe(1);
    await expect(page.locator('#client-iphone a.button').textContent()).resolves.toBe('去 App Store 下载');
    await close();
  });

  test('WeChat on Android: no dead button, the way out to a real browser instead', async () => {
    const { page, close } = await visit({ userAgent: UA.wechatAndroid, mobile: true, width: 390 });
    const rec = page.getByTestId('recommendation');
    await rec.waitFor();
    expect(await rec.textContent()).toContain('在浏览器中打开');
    expect(await rec.textContent()).toContain('微信');
    await expect(rec.locator('a.dc-button').count()).resolves.toBe(0);
    // The menu item as WeChat on Android shows it.
    expect(await rec.textContent()).toContain('选择「在浏览器打开」');
    await close();
  });

  test('WeChat: 复制本页链接 puts the page\'s address on the clipboard', async () => {
    const { page, errors, close } = await visit({ userAgent: UA.wechatAndroid, mobile: true, width: 360, permissions: ['clipboard-read', 'clipboard-write'] });
    const rec = page.getByTestId('recommendation');
    await rec.waitFor();
    const copy = rec.getByRole('button', { name: '复制本页链接' });
    expect((await copy.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await copy.click();
    await expect.poll(() => rec.getByRole('status').textContent()).toContain('链接已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl}/downloads/`);
    expect(errors).toEqual([]);
    await close();
  });

  test('WeChat without a usable clipboard: the link is shown, selected, to copy by hand', async () => {
    const { page, errors, close } = await visit({
      userAgent: UA.wechatAndroid,
      mobile: true,
      width: 360,
      init: () => {
        Object.defineProperty(navigator, 'clipboard', { value: undefined });
        Object.defineProperty(document, 'execCommand', { value: () => false });
      },
    });
    const rec = page.getByTestId('recommendation');
    await rec.waitFor();
    await rec.getByRole('button', { name: '复制本页链接' }).click();
    const field = rec.getByRole('textbox', { name: '本页链接' });
    await expect(field.inputValue()).resolves.toBe(`${baseUrl}/downloads/`);
    expect(await field.evaluate((input: HTMLInputElement) => document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length)).toBe(true);
    expect(await rec.getByRole('status').textContent()).toContain('长按');
    expect(errors).toEqual([]);
    await close();
  });

  test('WeChat: every client below says it needs a browser, its button no longer looks live', async () => {
    const { page, close } = await visit({ userAgent: UA.wechatAndroid, mobile: true, width: 360 });
    await page.getByTestId('recommendation').waitFor();
    // On a phone the phone apps come first.
    const top = (group: string) => page.getByRole('heading', { name: group, exact: true }).evaluate((h) => h.getBoundingClientRect().top);
    expect(await top('手机端')).toBeLessThan(await top('电脑端'));
    for (const id of clientIds) {
      const note = page.locator(`#client-${id} .client-action`).getByText('请在浏览器中打开后下载');
      await expect(note.isVisible(), id).resolves.toBe(true);
      expect(await page.locator(`#client-${id} a.button`).evaluate((a) => getComputedStyle(a).backgroundColor), id).toBe('rgba(0, 0, 0, 0)');
    }
    await close();
  });

  test('in a real browser the client buttons stay filled, with no such note', async () => {
    const { page, close } = await visit({ userAgent: UA.chromeWindows });
    await page.getByTestId('recommendation').waitFor();
    for (const id of clientIds) {
      await expect(page.locator(`#client-${id}`).getByText('请在浏览器中打开后下载').isVisible(), id).resolves.toBe(false);
      expect(await page.locator(`#client-${id} a.button`).evaluate((a) => getComputedStyle(a).backgroundColor), id).not.toBe('rgba(0, 0, 0, 0)');
    }
    await expect(page.getByRole('button', { name: '复制本页链接' }).count()).resolves.toBe(0);
    // On a computer the computer clients come first.
    const top = (group: string) => page.getByRole('heading', { name: group, exact: true }).evaluate((h) => h.getBoundingClientRect().top);
    expect(await top('电脑端')).toBeLessThan(await top('手机端'));
    await close();
  });

  test('on a desktop, mobile store clients show a QR code of their store page', async () => {
    const { page, close } = await visit({ userAgent: UA.chromeWindows });
    const qr = page.locator('#client-iphone .qr svg');
    await expect(qr.isVisible()).resolves.toBe(true);
    await close();
  });

  test('without JavaScript every client is listed with its link', async () => {
    const { page, close } = await visit({ userAgent: UA.chromeWindows, javaScript: false });
    for (const id of clientIds) {
      const item = page.locator(`#client-${id}`);
      await expect(item.count()).resolves.toBe(1);
      expect(await item.locator('a.button').getAttribute('href')).toMatch(/^https:\/\//);
    }
    // What shows is true without scripts: no 正在识别 that never ends.
    const shown = await page.locator('.dc').innerText();
    expect(shown).toContain('请在下方列表中选择');
    expect(shown).not.toContain('正在');
    await close();
  });

  test('the how-to-download article carries the chooser', async () => {
    const { page, close } = await visit({ userAgent: UA.safariMac });
    await page.goto(`${baseUrl}/faq/download-client/`);
    await page.locator('.downloads').scrollIntoViewIfNeeded();
    const rec = page.getByTestId('recommendation');
    await rec.waitFor();
    expect(await rec.getAttribute('data-client')).toBe('macos');
    // One name for the Mac build, on card and button, and what it runs on.
    await expect(rec.locator('.dc-title').textContent()).resolves.toContain('企点客服 Mac 版');
    await expect(rec.locator('a.dc-button').textContent()).resolves.toBe('下载 Mac 版');
    expect(await rec.locator('.dc-meta').textContent()).toContain('Apple 芯片和 Intel 通用');
    expect(await page.locator('#client-macos .client-meta').textContent()).toContain('Apple 芯片和 Intel 通用');
    await close();
  });
});
