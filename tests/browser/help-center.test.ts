// The help center as a customer uses it: home, articles, SEO files, 404, themes, layout.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { shippedArticles, shippedCategories } from '../support/content.ts';
import { useBrowser } from '../support/browser.ts';
import { colours, contrast } from '../support/contrast.ts';
import site from '../../content/site.json' with { type: 'json' };
import { TOOL_PAGES } from '../../src/lib/content/tools.ts';
import { TOOLS } from '../../src/lib/content/tools.ts';

const { baseUrl, openPage, newContext } = useBrowser();

describe('home page', () => {
  test('lists every category with its questions, popular questions and both support lines', async () => {
    const { page, context, errors } = await openPage('/');
    const headings = await page.locator('#categories-heading ~ .categories h3').allTextContents();
    expect(headings.sort()).toEqual(shippedCategories().map((c) => c.name).sort());
    for (const article of shippedArticles()) {
      await expect(page.locator(`.categories a[href="/faq/${article.slug}/"]`).textContent()).resolves.toBe(article.title);
    }
    expect(await page.locator('.popular a').count()).toBeGreaterThanOrEqual(3);
    const contact = await page.locator('.contact-block').textContent();
    // Shown grouped as written in the site config; dialled without the dashes.
    expect(contact).toContain('400-910-0100');
    expect(contact).toContain('95716');
    await expect(page.locator('.contact-block').getByRole('link', { name: '400-910-0100' }).getAttribute('href')).resolves.toBe('tel:4009100100');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('self-service tools', () => {
  const categoryName = (id: string) => shippedCategories().find((c) => c.id === id)!.name;

  test('the home page has a 自助工具 section: a card for every tool page, with what it is for', async () => {
    const { page, context, errors } = await openPage('/', { width: 360 });
    const section = page.getByRole('region', { name: '自助工具' });
    const cards = section.getByRole('list', { name: '自助工具' }).getByRole('link');
    expect((await cards.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).sort()).toEqual(Object.values(TOOL_PAGES).sort());
    for (const tool of TOOLS) {
      const card = section.locator(`a[href="${tool.path}"]`);
      await expect(card.textContent()).resolves.toBe(`${tool.title}${tool.purpose}`);
      expect(tool.purpose.length, tool.id).toBeLessThanOrEqual(18);
      // Its icon is small inline SVG, hidden from screen readers; no icon font.
      await expect(card.locator('svg[aria-hidden="true"]').count()).resolves.toBe(1);
      // The whole card is the link: a large target, even at 360 px.
      expect((await card.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await cards.first().click();
    expect(new URL(page.url()).pathname).toBe(TOOLS[0]!.path);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('each category page lists the tools that belong to it, and only those', async () => {
    for (const category of shippedCategories()) {
      const { page, context } = await openPage(`/categories/${category.id}/`);
      const own = TOOLS.filter((t) => t.category === category.id);
      const section = page.getByRole('region', { name: '自助工具' });
      if (own.length === 0) {
        await expect(section.count(), category.id).resolves.toBe(0);
      } else {
        const hrefs = await section.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        expect(hrefs, category.id).toEqual(own.map((t) => t.path));
      }
      await context.close();
    }
    // Every tool is listed on some category page.
    expect(TOOLS.every((t) => shippedCategories().some((c) => c.id === t.category))).toBe(true);
  });

  test.each(TOOLS.map((t) => [t.path, t] as const))('%s: the breadcrumbs and the search result name the same category', async (_, tool) => {
    const { page, context, errors } = await openPage(tool.path);
    await expect(page.locator('h1').textContent()).resolves.toBe(tool.title);
    const crumbs = page.getByRole('navigation', { name: '当前位置' }).getByRole('link');
    expect(await crumbs.allTextContents()).toEqual(['帮助中心', categoryName(tool.category)]);
    expect(await crumbs.nth(1).getAttribute('href')).toBe(`/categories/${tool.category}/`);

    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(tool.title)}`);
    const hit = page.locator(`[data-search-page-results] a[href^="${tool.path}"]`).first();
    await hit.waitFor({ timeout: 15_000 });
    await expect(hit.locator('.hit-meta').textContent()).resolves.toBe(categoryName(tool.category));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('contact block', () => {
  const block = (page: import('playwright-core').Page) => page.locator('.contact-block');

  test('an article: search again or call, with both lines, numbers grouped and dialable', async () => {
    const { page, context } = await openPage('/faq/change-administrator/');
    await expect(block(page).locator('p').textContent()).resolves.toContain('换个关键词再搜一次');
    const phones = block(page).locator('a.phone');
    expect(await phones.allTextContents()).toEqual(['400-910-0100', '95716']);
    expect(await phones.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['tel:4009100100', 'tel:95716']);
    await context.close();
  });

  test('the calculator asks to call for a formal quote, and offers the sales line only', async () => {
    const { page, context } = await openPage('/tools/robot-quota/');
    await expect(block(page).getByRole('heading').textContent()).resolves.toBe('需要正式报价？');
    const text = (await block(page).locator('p').textContent())!;
    expect(text).toContain('正式报价');
    expect(text).not.toMatch(/搜|排查/);
    const sales = site.supportLines.filter((l) => l.topic === 'sales');
    expect(await block(page).locator('.label').allTextContents()).toEqual(sales.map((l) => l.label));
    expect(await block(page).locator('a.phone').getAttribute('href')).toBe('tel:4009100100');
    await context.close();
  });

  test('the diagnostics ask for the reference number, with the support line only', async () => {
    const { page, context } = await openPage('/tools/diagnostics/');
    await expect(block(page).locator('p').textContent()).resolves.toContain('检测编号');
    expect(await block(page).locator('.label').allTextContents()).toEqual(site.supportLines.filter((l) => l.topic === 'support').map((l) => l.label));
    await context.close();
  });

  test('the footer shows the numbers grouped, as call links', async () => {
    const { page, context } = await openPage('/');
    const links = page.getByRole('list', { name: '客服电话' }).getByRole('link');
    expect(await links.allTextContents()).toEqual(['400-910-0100', '95716']);
    expect(await links.first().getAttribute('href')).toBe('tel:4009100100');
    await context.close();
  });
});

describe('article pages', () => {
  test.each(shippedArticles())('$slug loads with its title, breadcrumbs, contact block and FAQPage data', async (article) => {
    const { page, context, errors, response } = await openPage(`/faq/${article.slug}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe(article.title);
    expect(await page.title()).toContain(article.title);
    const crumbs = await page.getByRole('navigation', { name: '当前位置' }).getByRole('link').allTextContents();
    expect(crumbs[0]).toBe('帮助中心');
    expect(crumbs).toHaveLength(2);
    await expect(page.getByRole('heading', { name: '还没解决？' }).isVisible()).resolves.toBe(true);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd['@type']).toBe('FAQPage');
    expect(jsonLd.mainEntity[0].name).toBe(article.title);
    expect(jsonLd.mainEntity[0].acceptedAnswer.text.length).toBeGreaterThan(40);
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toMatch(new RegExp(`/faq/${article.slug}/$`));
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe(article.title);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('previous/next links stay within the category', async () => {
    const { page, context } = await openPage('/faq/robot-conversation-limit/');
    const prev = await page.locator('a[rel="prev"]').getAttribute('href');
    const next = await page.locator('a[rel="next"]').getAttribute('href');
    const robotSlugs = shippedArticles().filter((a) => a.category === 'text-robot').map((a) => `/faq/${a.slug}/`);
    expect(robotSlugs).toContain(prev);
    expect(robotSlugs).toContain(next);
    await context.close();
  });

  test('ships no script but the small search starter, and loads the search index only when used', async () => {
    const { page, context } = await openPage('/faq/message-records/');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script').map((e) => new URL(e.name).pathname),
    );
    expect(scripts.every((s) => s.startsWith('/_astro/'))).toBe(true);
    expect(scripts.some((s) => s.includes('pagefind'))).toBe(false);
    await page.getByRole('combobox', { name: '搜索帮助文章' }).focus();
    await page.waitForRequest((r) => r.url().includes('/pagefind/pagefind.js'));
    expect(requested.some((p) => p.startsWith('/pagefind/'))).toBe(true);
    await context.close();
  });
});

describe('category pages', () => {
  test.each(shippedCategories())('$id lists its questions with FAQPage data', async (category) => {
    const { page, context, errors } = await openPage(`/categories/${category.id}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(category.name);
    const expected = shippedArticles().filter((a) => a.category === category.id).map((a) => a.title);
    const listed = await page.locator('.article-list a').allTextContents();
    expect(listed.sort()).toEqual(expected.sort());
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.mainEntity).toHaveLength(expected.length);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('site files', () => {
  test('sitemap.xml lists every article and category with absolute URLs', async () => {
    const xml = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    for (const a of shippedArticles()) expect(xml).toMatch(new RegExp(`<loc>https?://[^<]+/faq/${a.slug}/</loc>`));
    for (const c of shippedCategories()) expect(xml).toContain(`/categories/${c.id}/</loc>`);
  });

  test('sitemap.xml lists the downloads and tool pages, and exactly the built pages with a canonical link', async () => {
    const xml = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc!).pathname);
    expect(listed).toEqual(expect.arrayContaining(['/downloads/', '/tools/diagnostics/', '/tools/robot-quota/', '/tools/widget/']));
    expect(listed).toEqual(expect.arrayContaining(Object.values(TOOL_PAGES)));
    const client = new URL('../../dist/client/', import.meta.url);
    const canonical = readdirSync(client, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(new URL(file, client), 'utf8'))?.[1] ?? [])
      .map((href) => new URL(href).pathname);
    expect(canonical.length).toBeGreaterThan(shippedArticles().length);
    expect([...listed].sort()).toEqual([...canonical].sort());
  });

  test('the footer\'s 站点地图 opens a page for people listing every category, question and tool', async () => {
    const { page, context, errors } = await openPage('/faq/message-records/', { width: 360 });
    await page.getByRole('navigation', { name: '页脚' }).getByRole('link', { name: '站点地图' }).click();
    await page.waitForURL(/\/sitemap\/$/);
    expect(await page.evaluate(() => document.contentType)).toBe('text/html');
    await expect(page.locator('h1').textContent()).resolves.toBe('站点地图');
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const c of shippedCategories()) expect(hrefs).toContain(`/categories/${c.id}/`);
    for (const a of shippedArticles()) expect(hrefs).toContain(`/faq/${a.slug}/`);
    for (const t of TOOLS) expect(hrefs).toContain(t.path);
    // Each question sits under its category's heading.
    for (const a of shippedArticles()) {
      const section = page.locator('section.category', { has: page.locator(`a[href="/faq/${a.slug}/"]`) });
      await expect(section.locator('h3 a').getAttribute('href')).resolves.toBe(`/categories/${a.category}/`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the site map page is not in the search index; crawlers keep sitemap.xml', async () => {
    const html = await (await fetch(`${baseUrl}/sitemap/`)).text();
    expect(html).not.toContain('data-pagefind-body');
    const entry = JSON.parse(readFileSync(new URL('../../dist/client/pagefind/pagefind-entry.json', import.meta.url), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    expect(indexed).toBe(shippedArticles().length + Object.keys(TOOL_PAGES).length);
    const xml = await fetch(`${baseUrl}/sitemap.xml`);
    expect(xml.headers.get('content-type')).toContain('xml');
    expect(await xml.text()).toMatch(/<loc>https?:\/\/[^<]+\/sitemap\/<\/loc>/);
  });

  test('robots.txt points to the sitemap', async () => {
    const text = await (await fetch(`${baseUrl}/robots.txt`)).text();
    expect(text).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);
  });

  test('an unknown page answers 404 with a search box', async () => {
    const { page, context, response } = await openPage('/faq/no-such-question/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '这个页面不存在' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('search').isVisible()).resolves.toBe(true);
    await context.close();
  });

  test('the API health check answers from the same process', async () => {
    const res = await fetch(`${baseUrl}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  test('hashed assets are cached for a year, pages revalidate', async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    const asset = /\/_astro\/[^"']+\.(?:js|css)/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    expect((await fetch(baseUrl + asset)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${baseUrl}/`)).headers.get('cache-control')).toContain('must-revalidate');
  });

  test('search index files are immutable only when their name holds a content hash', async () => {
    // The names Pagefind wrote in this build: fragment/index/meta carry a hash, the rest
    // (wasm.<language>.pagefind, pagefind.js, pagefind-entry.json) keep theirs across builds.
    const dir = new URL('../../dist/client/pagefind/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.'));
    const hashed = files.filter((f) => /_[0-9a-f]{7,}\.pf_\w+$/.test(f));
    const unhashed = files.filter((f) => !hashed.includes(f));
    expect(hashed.some((f) => f.startsWith('fragment/')) && hashed.some((f) => f.startsWith('index/')) && hashed.some((f) => f.endsWith('.pf_meta'))).toBe(true);
    expect(unhashed.some((f) => /^wasm\..+\.pagefind$/.test(f))).toBe(true);
    const cacheControl = async (file: string) => (await fetch(`${baseUrl}/pagefind/${file}`)).headers.get('cache-control');
    for (const file of hashed) expect(await cacheControl(file), file).toContain('immutable');
    for (const file of unhashed) expect(await cacheControl(file), file).toContain('must-revalidate');
  });
});

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

