// How the help center looks and feels: themes, the inline head, the brand colour, buttons,
// 返回顶部, tap targets, the large search box and small screens.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { shippedArticles, shippedCategories } from '../support/content.ts';
import { useBrowser } from '../support/browser.ts';
import { colours, contrast } from '../support/contrast.ts';
import site from '../../content/site.json' with { type: 'json' };

const { baseUrl, openPage, newContext } = useBrowser();

describe('themes', () => {
  test('follows the system, and the toggle choice persists across reloads', async () => {
    const { page, context } = await openPage('/faq/change-administrator/', { colorScheme: 'dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const darkBg = await background();
    const toggle = page.getByRole('button', { name: '切换深色模式' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await toggle.click();
    const lightBg = await background();
    expect(lightBg).not.toBe(darkBg);
    await page.reload();
    expect(await background()).toBe(lightBg);
    await expect(page.getByRole('button', { name: '切换深色模式' }).getAttribute('aria-pressed')).resolves.toBe('false');
    await context.close();
  });
});

describe('inline head', () => {
  // The CSP <meta> comes after them in <head>, so a browser does not check these two
  // there; a proxy that sends the same policy as a header would. Their hashes must match.
  test.each(['/', '/faq/change-administrator/', '/tools/diagnostics/'])('%s: the CSP lists the hashes of the inline style and script', async (path) => {
    const html = await (await fetch(baseUrl + path)).text();
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)![1]!;
    const directive = (name: string) => csp.split(';').find((d) => d.trim().startsWith(`${name} `)) ?? '';
    const style = /<style>(@layer [^<]*)<\/style>/.exec(html)![1]!;
    const script = /<script>(try\{[^<]*)<\/script>/.exec(html)![1]!;
    const brand = /<style>(:root\{[^<]*)<\/style>/.exec(html)![1]!;
    const palette = /<style>(@layer props\{[^<]*)<\/style>/.exec(html)![1]!;
    expect(directive('style-src')).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(directive('style-src')).toContain(`'sha256-${createHash('sha256').update(brand).digest('base64')}'`);
    expect(directive('style-src')).toContain(`'sha256-${createHash('sha256').update(palette).digest('base64')}'`);
    expect(directive('script-src')).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  });
});

describe('brand colour', () => {
  // content/site.json's theme: links, buttons and focus take it, each theme its own shade.
  test.each([
    ['light', site.theme.accent],
    ['dark', site.theme.accentDark],
  ] as const)('%s: links and the focus ring take the configured colour', async (colorScheme, expected) => {
    const { page, context, errors } = await openPage('/faq/change-administrator/', { colorScheme });
    const token = (name: string) => page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
    expect(await token('--c-accent')).toBe(expected);
    expect(await token('--c-focus')).toBe(expected);
    const hex = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
    expect(hex(await page.locator('.markdown a').first().evaluate((a) => getComputedStyle(a).color))).toBe(expected);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('primary buttons', () => {
  const cases = [
    ['/tools/diagnostics/', '.dg-primary'],
    ['/faq/widget-session-not-opening/', '.dg-primary'],
    ['/tools/robot-quota/', '.rq-primary'],
    ['/faq/robot-conversation-packs/', '.rq-primary'],
  ] as const;
  // The cascade layers' order is stated first on every page: a tool page's own styles
  // arrive before the base sheet, and once put `reset` above `components`.
  test.each(cases.flatMap(([path, selector]) => (['light', 'dark'] as const).map((scheme) => [path, selector, scheme] as const)))(
    '%s %s: text readable on the accent colour (%s)',
    async (path, selector, colorScheme) => {
      const { page, context, errors } = await openPage(path, { colorScheme });
      const button = page.locator(selector).first();
      await button.waitFor({ timeout: 15_000 });
      const { color, background } = await colours(button);
      expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('返回顶部', () => {
  test.each(['/faq/widget-session-not-opening/', '/tools/diagnostics/', '/downloads/'])(
    '%s ends with a link back to the top, in the flow of the page, that works by keyboard',
    async (path) => {
      const { page, context, errors } = await openPage(path, { width: 360 });
      const link = page.getByRole('link', { name: '返回顶部' });
      // After the contact block, the last thing before the footer; not floating over content.
      expect(await link.evaluate((a) => a.compareDocumentPosition(document.querySelector('.contact-block')!) & Node.DOCUMENT_POSITION_PRECEDING)).toBeTruthy();
      expect(await link.evaluate((a) => getComputedStyle(a).position === 'static' && getComputedStyle(a.parentElement!).position === 'static')).toBe(true);
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await link.focus();
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
      expect(await link.evaluate((a) => getComputedStyle(a).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      // The next Tab starts at the header, where the search box is.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.site-header'))).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  test('needs no JavaScript, nor do 本页目录 and the section links', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/faq/widget-outside-channels/`);
    await page.getByRole('link', { name: '返回顶部' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    // On a phone 本页目录 is a collapsed list under the title; its links go to the sections.
    const contents = page.getByRole('navigation', { name: '本页目录' });
    expect(await contents.evaluate((nav) => nav.compareDocumentPosition(document.querySelector('.markdown')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    await contents.getByText('本页目录').click();
    await contents.getByRole('link', { name: '生成链接和二维码' }).click();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#生成链接和二维码');
    expect(await page.locator('[id="生成链接和二维码"]').evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(100);
    await page.getByRole('link', { name: '本节链接：怎么放' }).click();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#怎么放');
    await context.close();
  });
});

describe('tap targets', () => {
  const targets = ['.site-footer a', '.breadcrumbs a', '.contact-lines a.phone', '.theme-toggle', '.meta .category-link', '.copy-article-link', '.fb button', '.markdown .heading-link'];
  const heights = (page: import('playwright-core').Page) =>
    page.evaluate((selectors) => selectors.flatMap((s) => [...document.querySelectorAll(s)].map((a) => `${s} ${a.textContent}: ${Math.floor(a.getBoundingClientRect().height)}`)), targets);

  test('footer, breadcrumb and phone links are at least 24 px tall with a mouse', async () => {
    const { page, context } = await openPage('/tools/robot-quota/');
    const found = await heights(page);
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const line of found) expect(Number(line.split(': ').at(-1)), line).toBeGreaterThanOrEqual(24);
    // The text itself stays small.
    expect(await page.locator('.site-footer a').first().evaluate((a) => getComputedStyle(a).fontSize)).toBe('14px');
    await context.close();
  });

  test('and at least 44 px on a touch screen', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/faq/deactivate-member/`);
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    const found = await heights(page);
    // The theme toggle, the article's category link, 复制链接, 有帮助/没有帮助 and the section links among them.
    for (const selector of targets) expect(found.some((line) => line.startsWith(`${selector} `)), selector).toBe(true);
    for (const line of found) expect(Number(line.split(': ').at(-1)), line).toBeGreaterThanOrEqual(44);
    // The icon-only ones are as wide as they are tall.
    for (const selector of ['.theme-toggle', '.markdown .heading-link']) expect((await page.locator(selector).first().boundingBox())!.width, selector).toBeGreaterThanOrEqual(44);
    await context.close();
  });

  test('the home page category titles look like links, with a chevron', async () => {
    const { page, context } = await openPage('/');
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--c-accent').trim());
    const titles = page.locator('.categories h3 a');
    expect(await titles.count()).toBe(shippedCategories().length);
    for (const title of await titles.all()) {
      const look = await title.evaluate((a) => ({ color: getComputedStyle(a).color, after: getComputedStyle(a, '::after').content, height: a.getBoundingClientRect().height }));
      expect(look.color).toBe(`rgb(${accent.match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16)).join(', ')})`);
      expect(look.after).toContain('›');
      expect(look.height).toBeGreaterThanOrEqual(44);
    }
    await context.close();
  });
});

describe('article details', () => {
  test('the "/" badge sits inside the header search field; 这篇文章有帮助吗？ keeps its distance; link underlines stop at the text', async () => {
    const { page, context } = await openPage('/faq/change-administrator/');
    const field = (await page.locator('.header-search .field').boundingBox())!;
    const badge = (await page.locator('.header-search .shortcut').boundingBox())!;
    expect(badge.x + badge.width, 'badge right edge').toBeLessThanOrEqual(field.x + field.width - 4);
    expect(badge.y).toBeGreaterThanOrEqual(field.y);
    expect(badge.y + badge.height).toBeLessThanOrEqual(field.y + field.height);
    // The rule above the feedback is not glued to the answer's last paragraph.
    const gap = await page.evaluate(() => document.querySelector('.fb')!.getBoundingClientRect().top - document.querySelector('.markdown')!.lastElementChild!.getBoundingClientRect().bottom);
    expect(gap).toBeGreaterThanOrEqual(24);
    // A link ending in ？: the link (and its underline) ends within half an em of the text
    // before it; a full-width ？ alone takes a whole em.
    const overhang = await page.locator('.markdown a[href="/faq/staff-account-sign-in/"]').evaluate((a) => {
      const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const last = nodes.at(-1)!;
      const range = document.createRange();
      range.setStart(nodes[0]!, 0);
      range.setEnd(last, last.length - 1);
      const box = a.getBoundingClientRect();
      return { text: a.textContent, em: (box.right - range.getBoundingClientRect().right) / parseFloat(getComputedStyle(a).fontSize) };
    });
    expect(overhang.text).toBe('普通工号怎样登录账户中心？');
    expect(overhang.em).toBeLessThanOrEqual(0.6);
    await context.close();
  });

  test('a section link shows on hover and on focus, not before', async () => {
    const { page, context } = await openPage('/faq/deactivate-member/');
    const control = page.getByRole('link', { name: '本节链接：公众号' });
    const opacity = () => control.evaluate((a) => getComputedStyle(a).opacity);
    expect(await opacity()).toBe('0');
    await page.locator('[id="公众号"]').hover();
    expect(await opacity()).toBe('1');
    await page.mouse.move(0, 0);
    await page.getByRole('link', { name: '本节链接：登录状态' }).focus();
    await page.keyboard.press('Tab');
    expect(await control.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(await opacity()).toBe('1');
    await context.close();
  });
});

describe('在线客服', () => {
  // site.json's sample onlineChat: the launcher loads once the page is idle.
  test.each(['reduce', 'no-preference'] as const)('the launcher moves nothing on the page, and moves itself only without reduced motion (%s)', async (reducedMotion) => {
    const context = await newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, reducedMotion });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: number[] = [];
      Object.assign(window, { shifts });
      new PerformanceObserver((list) => list.getEntries().forEach((e) => shifts.push((e as PerformanceEntry & { value: number }).value))).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${baseUrl}/faq/robot-standalone-purchase/`);
    const launcher = page.getByRole('link', { name: site.onlineChat.label });
    await launcher.waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    // Fixed to the corner, over the page rather than in its flow.
    expect(await page.locator('[data-wenda-widget]').evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('.w')!).position)).toBe('fixed');
    const transition = await launcher.evaluate((a) => getComputedStyle(a).transitionDuration);
    expect(transition).toBe(reducedMotion === 'reduce' ? '0s' : '0.15s');
    await context.close();
  });
});

describe('the large search box', () => {
  test.each(['/', '/search/', '/no-such-page/'])('%s: its example fits the box at 360 px', async (path) => {
    const { page, context } = await openPage(path, { width: 360 });
    const box = page.locator('.search--large input[type="search"]');
    const fit = await box.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context2d = document.createElement('canvas').getContext('2d')!;
      context2d.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return {
        placeholder: input.placeholder,
        text: context2d.measureText(input.placeholder).width,
        room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      };
    });
    expect(fit.placeholder).toContain('聊天窗口打不开');
    expect(fit.text, JSON.stringify(fit)).toBeLessThanOrEqual(fit.room);
    await context.close();
  });
});

describe('small screens', () => {
  const paths = ['/', '/search/?q=管理员', '/no-such-page/', '/tools/robot-quota/', '/tools/diagnostics/', '/tools/widget/', '/downloads/', ...shippedCategories().map((c) => `/categories/${c.id}/`), ...shippedArticles().map((a) => `/faq/${a.slug}/`)];
  test.each(paths)('%s has no horizontal scroll at 360 px', async (path) => {
    const { page, context } = await openPage(path, { width: 360 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await context.close();
  });
});
