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

  test('needs no JavaScript', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/faq/widget-outside-channels/`);
    await page.getByRole('link', { name: '返回顶部' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });
});

describe('tap targets', () => {
  const targets = ['.site-footer a', '.breadcrumbs a', '.contact-lines a.phone'];
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
    await page.goto(`${baseUrl}/faq/change-administrator/`);
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    const found = await heights(page);
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const line of found) expect(Number(line.split(': ').at(-1)), line).toBeGreaterThanOrEqual(44);
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
