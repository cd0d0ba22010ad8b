// The help center as a customer uses it: home, tools, contact lines, articles and categories.
// Sitemaps, robots.txt, 404 and caching: site-files.test.ts; themes and layout: look-and-feel.test.ts.
import { describe, expect, test } from 'vitest';
import { shippedArticles, shippedCategories } from '../support/content.ts';
import { useBrowser } from '../support/browser.ts';
import site from '../../content/site.json' with { type: 'json' };
import { TOOL_PAGES } from '../../src/lib/content/tools.ts';
import { TOOLS } from '../../src/lib/content/tools.ts';
import { HOME_QUESTIONS_PER_CATEGORY } from '../../src/lib/content/navigation.ts';

const { baseUrl, openPage, newContext } = useBrowser();

describe('home page', () => {
  test('lists every category with its first questions, its count and 查看全部, popular questions and both support lines', async () => {
    const { page, context, errors } = await openPage('/');
    const headings = await page.locator('#categories-heading ~ .categories h3').allTextContents();
    expect(headings.sort()).toEqual(shippedCategories().map((c) => c.name).sort());
    // The home page stays small however many articles there are: each category shows its
    // first HOME_QUESTIONS_PER_CATEGORY questions and links to all of them (its page lists
    // every one: see 'category pages' below).
    for (const category of shippedCategories()) {
      const own = shippedArticles().filter((a) => a.category === category.id);
      if (own.length === 0) continue;
      const section = page.locator('section.category', { has: page.locator(`h3 a[href="/categories/${category.id}/"]`) });
      const shown = await section.locator('.article-list a').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
      expect(shown.length, category.id).toBe(Math.min(own.length, HOME_QUESTIONS_PER_CATEGORY));
      for (const [href, title] of shown) expect(own.map((a) => [`/faq/${a.slug}/`, a.title])).toContainEqual([href, title]);
      const all = section.getByRole('link', { name: new RegExp(`^查看全部 ${own.length} 个问题`) });
      await expect(all.getAttribute('href')).resolves.toBe(`/categories/${category.id}/`);
    }
    expect(await page.locator('.popular a').count()).toBeGreaterThanOrEqual(3);
    // One name for the popular questions: 热门问题 here, on the search page and on the 404 page.
    for (const path of ['/', '/search/', '/404.html']) {
      const html = await (await fetch(baseUrl + path)).text();
      expect(html, path).toMatch(/<h2[^>]*>热门问题<\/h2>/);
      expect(html, path).not.toMatch(/常见问题<\/h2>|热门文章|大家都在看/);
    }
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
    // 复制链接: a plain link to the article (long-pressed without JS), copied with it.
    expect(await page.getByRole('link', { name: '复制链接' }).getAttribute('href')).toBe(`/faq/${article.slug}/`);
    // Every section heading has its link control, named for screen readers, to its own id.
    const sections = page.locator('.markdown > .section-heading');
    for (const section of await sections.all()) {
      const heading = section.locator('h2, h3');
      const control = section.getByRole('link', { name: `本节链接：${await heading.textContent()}` });
      expect(await control.getAttribute('href'), article.slug).toBe(`#${await heading.getAttribute('id')}`);
    }
    expect(await page.locator('.markdown > :is(h2, h3)').count(), article.slug).toBe(0);
    // 本页目录 with two or more sections (at 1280 px the column beside the answer), none below.
    const h2s = await sections.locator('h2').allTextContents();
    const contents = page.getByRole('navigation', { name: '本页目录' });
    if (h2s.length >= 2) {
      expect(await contents.getByRole('link').allTextContents(), article.slug).toEqual(await sections.locator('h2, h3').allTextContents());
      const column = await contents.evaluate((nav) => ({ position: getComputedStyle(nav.parentElement!).position, left: nav.getBoundingClientRect().left }));
      expect(column.position).toBe('sticky');
      expect(column.left).toBeGreaterThan((await page.locator('.article-page').boundingBox())!.x + (await page.locator('.article-page').boundingBox())!.width);
    } else {
      expect(await page.locator('[data-page-contents]').count(), article.slug).toBe(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test('本页目录 marks the section in view; a section link copies its address, even where the clipboard API is missing (WeChat)', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/faq/deactivate-member/`);
    const contents = page.getByRole('navigation', { name: '本页目录' });
    const current = () => contents.locator('a[aria-current="true"]').allTextContents();
    await page.locator('[id="名下客户"]').evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 20));
    await expect.poll(current).toEqual(['名下客户']);
    await page.keyboard.press('End');
    await expect.poll(current).toEqual(['客户群']);
    // 复制链接 with the Clipboard API: the article's address, without query or hash.
    await page.getByRole('link', { name: '复制链接' }).click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toContain('文章链接已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl}/faq/deactivate-member/`);
    await context.close();

    // An in-app web view without the Clipboard API: the shared helper copies the selection instead.
    const wechat = await newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const view = await wechat.newPage();
    await view.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined });
      const original = document.execCommand.bind(document);
      const copied: string[] = [];
      Object.assign(window, { copied });
      document.execCommand = (command: string, ...rest: [boolean?, string?]) => {
        if (command === 'copy') {
          const field = document.activeElement as HTMLTextAreaElement;
          copied.push(field.value.slice(field.selectionStart, field.selectionEnd));
        }
        return original(command, ...rest);
      };
    });
    await view.goto(`${baseUrl}/faq/deactivate-member/?from=wechat`);
    const control = view.getByRole('link', { name: '本节链接：公众号' });
    // By keyboard: the control is a focus stop, and Enter copies.
    await control.focus();
    await view.keyboard.press('Enter');
    await expect.poll(() => view.locator('[data-copy-status]').textContent()).toContain('本节链接已复制');
    expect(await view.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([`${baseUrl}/faq/deactivate-member/#${encodeURIComponent('公众号')}`]);
    // The link still goes to its section; the copy's field is gone.
    expect(decodeURIComponent(new URL(view.url()).hash)).toBe('#公众号');
    expect(await view.locator('textarea').count()).toBe(0);
    await wechat.close();
  });

  test('after 没有帮助: 售后服务 only on an account article, 售前咨询 first on a purchase article', async () => {
    for (const [slug, labels] of [
      ['change-administrator', ['售后服务']],
      ['robot-standalone-purchase', ['售前咨询', '售后服务']],
    ] as const) {
      const { page, context } = await openPage(`/faq/${slug}/`);
      const feedback = page.getByTestId('article-feedback');
      await feedback.scrollIntoViewIfNeeded();
      await page.locator('[data-testid=article-feedback][data-ready=true]').waitFor();
      await feedback.getByRole('button', { name: '没有帮助' }).click();
      const next = feedback.locator('.fb-next li');
      await next.first().waitFor();
      expect((await next.allTextContents()).map((t) => t.replace(/^打(.+)电话.*$/, '$1')), slug).toEqual(labels);
      await context.close();
    }
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

  test('ships no script but the small search starter and, once idle, the 在线客服 launcher; loads the search code only when used, and no index', async () => {
    const { page, context } = await openPage('/faq/message-records/');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    // 在线客服 (site.json's sample onlineChat): our own launcher, after the page has loaded.
    const launcher = page.getByRole('link', { name: site.onlineChat.label });
    await launcher.waitFor();
    expect(await launcher.getAttribute('href')).toBe(site.onlineChat.url);
    const timing = await page.evaluate(() => ({
      loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
      launcher: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget/v1.js'))?.startTime ?? -1,
    }));
    expect(timing.launcher).toBeGreaterThanOrEqual(timing.loaded);
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script').map((e) => new URL(e.name).pathname),
    );
    expect(scripts.filter((s) => !s.startsWith('/_astro/'))).toEqual(['/widget/v1.js']);
    expect(scripts.some((s) => s.includes('pagefind'))).toBe(false);
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    const searchCode = page.waitForRequest((r) => /\/_astro\/ui\.[\w-]+\.js$/.test(r.url()));
    await box.focus();
    await searchCode;
    // The index stays in the server: typing asks the API.
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/search');
    await box.fill('管理员');
    await answer;
    expect(requested.some((p) => p.startsWith('/pagefind/'))).toBe(false);
    await context.close();
  });
});

describe('category pages', () => {
  test.each(shippedCategories())('$id lists its questions with FAQPage data of what it shows', async (category) => {
    const { page, context, errors } = await openPage(`/categories/${category.id}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(category.name);
    const expected = shippedArticles().filter((a) => a.category === category.id).map((a) => a.title);
    const listed = await page.locator('.article-list a').allTextContents();
    expect(listed.sort()).toEqual(expected.sort());
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.mainEntity).toHaveLength(expected.length);
    // Each answer is the one-line answer the page shows, not the article's whole body.
    const summaries = await page.locator('.article-list p').allTextContents();
    for (const item of jsonLd.mainEntity) expect(summaries).toContain(item.acceptedAnswer.text);
    expect(errors).toEqual([]);
    await context.close();
  });
});
