// The search page (/search/?q=): shared links, the popular questions with no query,
// excerpts, a typo searched as the likelier word, and the tab title.
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import site from '../../content/site.json' with { type: 'json' };
import synonyms from '../../content/search/synonyms.json' with { type: 'json' };
import { TOOL_PAGES } from '../../src/lib/content/tools.ts';

const { baseUrl, openPage, newContext } = useBrowser();
/** Long enough for the search code to load on a busy machine. */
const LOADED = { timeout: 15_000 };

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

  test('下崽 is searched as 下载 at once; 仍搜索「下崽」 searches it as typed, in a shareable link', async () => {
    const { page, context, errors } = await openPage(`/search/?q=${encodeURIComponent('下崽')}`);
    const list = page.locator('[data-search-page-results]');
    const summary = page.locator('[data-search-page-summary]');
    await expect.poll(() => list.getAttribute('data-outcome'), LOADED).toBe('results');
    expect(await list.getAttribute('data-query')).toBe('下载');
    expect(await summary.textContent()).toMatch(/^已为你搜索「下载」，仍搜索「下崽」「下载」共找到 \d+ 篇相关文章$/);
    await expect(page.locator('[data-search-page-browse]').isVisible()).resolves.toBe(false);
    await summary.getByRole('link', { name: '仍搜索「下崽」' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '下崽' && url.searchParams.get('literal') === '1');
    await expect.poll(() => list.getAttribute('data-query'), LOADED).toBe('下崽');
    expect(await list.getAttribute('data-outcome')).toBe('none');
    await expect(page.locator('[data-search-page-browse]').isVisible()).resolves.toBe(true);
    expect(await page.locator('[data-search-page-empty]').textContent()).toContain('95716');
    // The shared link searches it as typed too.
    await page.reload();
    await expect.poll(() => list.getAttribute('data-outcome'), LOADED).toBe('none');
    expect(await list.getAttribute('data-query')).toBe('下崽');
    expect(errors).toEqual([]);
    await context.close();
  });

  test.each([
    // [query, outcome, first result or null]
    ['管理员', 'results', '/faq/change-administrator/'],
    ['用不完的次数会作废吗', 'guess', '/faq/robot-unused-conversations/'],
    ['普通员工怎么进后台', 'results', '/faq/staff-account-sign-in/'],
    ['客服电话', 'partial', null],
    ['发票', 'none', null],
  ] as const)('%s settles as %s; anything but results shows the support lines, 热门问题 and the tools', async (query, outcome, first) => {
    const { page, context, errors } = await openPage(`/search/?q=${encodeURIComponent(query)}`);
    const list = page.locator('[data-search-page-results]');
    await expect.poll(() => list.getAttribute('data-outcome'), LOADED).toBe(outcome);
    expect(await list.getAttribute('data-query')).toBe(query);
    if (first) expect(await list.locator('a.hit').first().getAttribute('href')).toBe(first);
    const sure = outcome === 'results';
    await expect(page.locator('[data-search-page-browse]').isVisible()).resolves.toBe(!sure);
    const help = (await page.locator('[data-search-page-empty]').textContent()) ?? '';
    for (const said of ['400-910-0100', '价格、购买和开通', '95716', '使用中遇到的问题']) expect(help.includes(said), said).toBe(!sure);
    if (!sure) await expect(page.getByRole('heading', { name: '热门问题' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: '可能相关的文章' }).count()).resolves.toBe(outcome === 'guess' ? 1 : 0);
    expect(errors).toEqual([]);
    await context.close();
  });

  // Lighthouse measured a layout shift of 0.19 on this page while results arrived.
  test.each([
    ['管理员', 360],
    ['管理员', 1280],
    ['用不完的次数会作废吗', 360],
  ])('nothing on screen moves while the results for %s arrive (%i px)', async (query, width) => {
    const context = await newContext({ viewport: { width, height: 640 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: number[] = ((window as unknown as { shifts: number[] }).shifts = []);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('[data-search-page-results][data-outcome]').waitFor({ state: 'attached', ...LOADED });
    // Two frames for the last shift to be reported.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
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
    // The query's words, or a synonym an article was found by (content/search/synonyms.json).
    const words = query.split(' ');
    const synonymOfQuery = (mark: string) => synonyms.groups.some((group) => group.includes(mark) && group.some((w) => query.includes(w)));
    for (const mark of await page.locator('[data-search-page-results] .hit-excerpt mark').allTextContents()) {
      expect(words.some((word) => word.includes(mark) || mark.includes(word)) || synonymOfQuery(mark), `highlighted ${mark}`).toBe(true);
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
