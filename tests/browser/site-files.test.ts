// The help center's files for crawlers and caches: sitemap.xml and the site map page,
// robots.txt, the 404 page, the API health check, and cache headers.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { shippedArticles, shippedCategories } from '../support/content.ts';
import { useBrowser } from '../support/browser.ts';
import site from '../../content/site.json' with { type: 'json' };
import { TOOL_PAGES } from '../../src/lib/content/tools.ts';
import { TOOLS } from '../../src/lib/content/tools.ts';

const { baseUrl, openPage } = useBrowser();

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

  test('the footer\'s 站点地图 opens a page for people listing every category and tool; each category\'s page of it lists every question', async () => {
    const { page, context, errors } = await openPage('/faq/message-records/', { width: 360 });
    await page.getByRole('navigation', { name: '页脚' }).getByRole('link', { name: '站点地图' }).click();
    await page.waitForURL(/\/sitemap\/$/);
    expect(await page.evaluate(() => document.contentType)).toBe('text/html');
    await expect(page.locator('h1').textContent()).resolves.toBe('站点地图');
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const c of shippedCategories()) expect(hrefs).toContain(`/categories/${c.id}/`);
    for (const t of TOOLS) expect(hrefs).toContain(t.path);
    // The questions are listed by category, one page of the site map each, so no page
    // grows with the whole help center.
    const withQuestions = shippedCategories().filter((c) => shippedArticles().some((a) => a.category === c.id));
    for (const c of withQuestions) expect(hrefs).toContain(`/sitemap/${c.id}/`);
    // The category's name is hidden text, read after a pause (Chromium puts a space before it).
    await page.getByRole('link', { name: new RegExp(`^全部问题\\s?（${withQuestions[0]!.name}）$`) }).click();
    await page.waitForURL(new RegExp(`/sitemap/${withQuestions[0]!.id}/$`));
    for (const c of withQuestions) {
      // The category's questions, not the 热门问题 the search box offers on every page.
      const whole = await (await fetch(`${baseUrl}/sitemap/${c.id}/`)).text();
      const start = whole.indexOf('aria-labelledby="sitemap-questions"');
      const html = whole.slice(start, whole.indexOf('</section>', start));
      expect(html, c.id).toContain('全部问题');
      for (const a of shippedArticles()) {
        if (a.category === c.id) expect(html, c.id).toContain(`href="/faq/${a.slug}/"`);
        else expect(html, c.id).not.toContain(`href="/faq/${a.slug}/"`);
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the site map page is not in the search index; crawlers keep sitemap.xml', async () => {
    for (const path of ['/sitemap/', `/sitemap/${shippedCategories()[0]!.id}/`]) {
      expect(await (await fetch(`${baseUrl}${path}`)).text()).not.toContain('data-pagefind-body');
    }
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
