// Search as customers use it: their own words, the keyboard, a shareable results page.
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { colours, contrast } from '../support/contrast.ts';
import site from '../../content/site.json' with { type: 'json' };
import { TOOL_PAGES } from '../../src/lib/content/urls.ts';

const { baseUrl, openPage, newContext } = useBrowser();
/** Long enough for the search code to load on a busy machine. */
const LOADED = { timeout: 15_000 };

describe('header search', () => {
  test.each([
    ['管理员', 'change-administrator'],
    ['换管理员', 'change-administrator'],
    ['对话条数', 'robot-conversation-limit'],
    ['受限站点', 'widget-session-not-opening'],
    ['应用宝', 'download-client'],
    ['聊天窗口打不开', 'widget-session-not-opening'],
    ['群消息保存多久', 'message-records'],
    ['接待组建', 'widget-session-not-opening'],
    // Finding 6: customers' words that found nothing before the aliases for them.
    ['微信', 'widget-session-not-opening'],
    ['公众号', 'deactivate-member'],
    ['chrome', 'widget-session-not-opening'],
    ['谷歌浏览器', 'widget-session-not-opening'],
    ['download', 'download-client'],
    ['xiazai', 'download-client'],
  ])('%s puts /faq/%s/ first', async (query, slug) => {
    const { page, context, errors } = await openPage('/faq/download-client/');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await box.fill(query);
    const first = page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe(`/faq/${slug}/`);
    expect(await page.locator('[role="option"] mark').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('works by keyboard alone: / focuses, arrows choose, Enter opens', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('聊天窗口打不开');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    await Promise.all([page.waitForURL('**/faq/widget-session-not-opening/'), page.keyboard.press('Enter')]);
    await context.close();
  });

  test.each(['light', 'dark'] as const)('in %s, highlighted words are readable and the chosen option has an outline', async (colorScheme) => {
    const { page, context } = await openPage('/faq/download-client/', { colorScheme });
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill('聊天窗口打不开');
    const mark = page.locator('.results mark').first();
    await mark.waitFor();
    const { color, background } = await colours(mark);
    expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    await page.keyboard.press('ArrowDown');
    const chosen = page.locator('.results [aria-selected="true"]');
    expect(await chosen.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await context.close();
  });

  test('Ctrl+K focuses the search from anywhere; Escape closes the results', async () => {
    const { page, context } = await openPage('/categories/accounts/');
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('应用宝');
    await page.getByRole('option').first().waitFor();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await context.close();
  });

  test('the focused search box shows a visible focus ring', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    await page.keyboard.press('/');
    const shadow = await page.locator('.search .field').evaluate((el) => getComputedStyle(el).boxShadow);
    expect(shadow).not.toBe('none');
    await context.close();
  });

  test('a query with no result says so and offers both support lines', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill('qwertyzxcv');
    const empty = page.locator('.results .empty');
    await empty.waitFor();
    const text = await empty.textContent();
    expect(text).toContain('没有找到');
    expect(text).toContain('400-910-0100');
    expect(text).toContain('95716');
    await context.close();
  });

  test('nothing found links the search page, which lists popular questions and tools', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill('qwertyzxcv');
    const link = page.locator('.results .empty a', { hasText: '常见问题和自助工具' });
    await link.waitFor(LOADED);
    // A one-word query is not told to use shorter keywords.
    expect(await page.locator('.results .empty').textContent()).not.toContain('更短');
    await Promise.all([page.waitForURL(/\/search\/\?q=qwertyzxcv$/), link.click()]);
    await expect.poll(() => page.getByRole('heading', { name: '大家常问' }).isVisible(), LOADED).toBe(true);
    await context.close();
  });

  test('a typo is offered the likelier word first; choosing it by keyboard searches for it', async () => {
    const { page, context, errors } = await openPage('/faq/message-records/');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await box.fill('下崽');
    const first = page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').first();
    await first.waitFor(LOADED);
    expect(await first.textContent()).toBe('你是不是要找「下载」？');
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^只找到 \d+ 篇部分匹配的文章。你是不是要找「下载」？$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), LOADED).toMatch(/^找到 \d+ 篇相关文章$/);
    expect(await box.inputValue()).toBe('下载');
    expect(new URL(page.url()).pathname).toBe('/faq/message-records/');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('Enter without choosing opens the shareable results page', async () => {
    const { page, context } = await openPage('/faq/download-client/');
    const box = page.getByRole('combobox', { name: '搜索帮助文章' });
    await box.fill('机器人');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), box.press('Enter')]);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=机器人');
    await context.close();
  });
});

describe('search page', () => {
  test('a shared /search/?q= link shows its results, and typing updates the URL', async () => {
    const { page, context, errors } = await openPage(`/search/?q=${encodeURIComponent('应用宝')}`);
    const box = page.getByRole('searchbox', { name: '搜索帮助文章' });
    await expect(box.inputValue()).resolves.toBe('应用宝');
    const first = page.locator('[data-search-page-results] .hit').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/faq/download-client/');
    await box.fill('受限站点');
    await page.waitForURL((url) => url.searchParams.get('q') === '受限站点');
    await expect.poll(() => first.getAttribute('href')).toBe('/faq/widget-session-not-opening/');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('with no query, the page lists the popular questions, every category and every tool', async () => {
    const { page, context } = await openPage('/search/');
    const browse = page.locator('[data-search-page-browse]');
    await expect.poll(() => page.locator('[data-search-page-summary]').textContent(), LOADED).toContain('输入问题或关键词');
    await expect(browse.isVisible()).resolves.toBe(true);
    const links = await browse.locator('a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/faq/widget-session-not-opening/', '/categories/accounts/', ...Object.values(TOOL_PAGES)]));
    // Found results take their place.
    await page.getByRole('searchbox', { name: '搜索帮助文章' }).fill('管理员');
    await expect.poll(() => browse.isHidden(), LOADED).toBe(true);
    await context.close();
  });

  test.each([
    ['qwertyzxcv', false],
    ['增值税专用发票开具', true],
  ])('no answer for %s: the popular questions and tools show; shorter keywords are suggested for a long query only (%s)', async (query, shorter) => {
    const { page, context } = await openPage(`/search/?q=${encodeURIComponent(query)}`);
    const summary = page.locator('[data-search-page-summary]');
    await expect.poll(() => summary.textContent(), LOADED).not.toContain('正在加载');
    await expect(page.locator('[data-search-page-browse]').isVisible()).resolves.toBe(true);
    const said = `${await summary.textContent()} ${await page.locator('[data-search-page-empty]').textContent()}`;
    expect(said).toMatch(/没有找到与「.+」(相关|完全对应)的文章/);
    expect(said.includes('更短的关键词')).toBe(shorter);
    await context.close();
  });

  // Finding 5 on the built index: 二维码 is in its results although Pagefind matches 二, 维
  // and 码 apart; the typo 下崽 matches only 下, so its results are partial.
  test('二维码 is answered in full, its excerpts highlighting 二维码 itself', async () => {
    const { page, context } = await openPage(`/search/?q=${encodeURIComponent('二维码')}`);
    const summary = page.locator('[data-search-page-summary]');
    await expect.poll(() => summary.textContent(), LOADED).toMatch(/^「二维码」共找到 \d+ 篇相关文章$/);
    const marks = await page.locator('[data-search-page-results] .hit-excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['二维码']));
    await context.close();
  });

  test('下崽 is partial and offers 下载, which the link searches for', async () => {
    const { page, context, errors } = await openPage(`/search/?q=${encodeURIComponent('下崽')}`);
    const summary = page.locator('[data-search-page-summary]');
    await expect.poll(() => summary.textContent(), LOADED).toContain('没有找到与「下崽」完全对应的文章');
    expect(await summary.textContent()).not.toContain('更短的关键词');
    expect(await page.locator('[data-search-page-results] mark').count()).toBe(0);
    await expect(page.locator('[data-search-page-browse]').isVisible()).resolves.toBe(true);
    await summary.getByRole('link', { name: '下载' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '下载');
    await expect.poll(() => summary.textContent(), LOADED).toMatch(/^「下载」共找到 \d+ 篇相关文章$/);
    await expect(page.getByRole('searchbox', { name: '搜索帮助文章' }).inputValue()).resolves.toBe('下载');
    expect(errors).toEqual([]);
    await context.close();
  });

  // Finding 7: excerpts read as Chinese and highlight the query, not Pagefind's segments.
  test.each(['下载', '会话', '二维码', '客户端', '打不开', '机器人 对话包', '群消息保存多久'])('excerpts for %s read well', async (query) => {
    const { page, context } = await openPage(`/search/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => page.locator('[data-search-page-summary]').textContent(), LOADED).toContain('篇相关文章');
    const excerpts = await page.locator('[data-search-page-results] .hit-excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) {
      expect(excerpt, 'a Chinese block joined by ". "').not.toMatch(/[\u3000-\u9fff\uff00-\uffef]\.(\s|$)/);
      expect(excerpt, 'starts on punctuation').not.toMatch(/^[。，、；：？！.,;:?!）」]/);
    }
    const words = query.split(' ');
    for (const mark of await page.locator('[data-search-page-results] .hit-excerpt mark').allTextContents()) {
      expect(words.some((word) => word.includes(mark) || mark.includes(word)), `highlighted ${mark}`).toBe(true);
    }
    await context.close();
  });

  test('the tab title names the query, and is the page\'s own again once the box is cleared', async () => {
    const { page, context, errors } = await openPage(`/search/?q=${encodeURIComponent('管理员')}`);
    await expect.poll(() => page.title(), LOADED).toBe(`「管理员」的搜索结果 - ${site.brandName}`);
    const box = page.getByRole('searchbox', { name: '搜索帮助文章' });
    await box.fill('');
    await page.waitForURL((url) => url.pathname === '/search/' && url.search === '');
    await expect.poll(() => page.title(), LOADED).toBe(`搜索 - ${site.brandName}`);
    await box.fill('应用宝');
    await expect.poll(() => page.title(), LOADED).toBe(`「应用宝」的搜索结果 - ${site.brandName}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a brand name with " - " in it stays whole in the title', async () => {
    const brand = '企点 - 帮助中心';
    const context = await newContext({});
    // The built search page as a site with this brand would serve it.
    await context.route(`${baseUrl}/search/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replaceAll(site.brandName, brand) });
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('管理员')}`);
    expect(await page.locator('meta[property="og:site_name"]').getAttribute('content')).toBe(brand);
    await expect.poll(() => page.title(), LOADED).toBe(`「管理员」的搜索结果 - ${brand}`);
    await page.getByRole('searchbox', { name: '搜索帮助文章' }).fill('应用宝');
    await expect.poll(() => page.title(), LOADED).toBe(`「应用宝」的搜索结果 - ${brand}`);
    await page.getByRole('searchbox', { name: '搜索帮助文章' }).fill('');
    await expect.poll(() => page.title(), LOADED).toBe(`搜索 - ${brand}`);
    await context.close();
  });
});
