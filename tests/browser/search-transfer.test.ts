// What a search downloads: Pagefind's fragments (one per result, the result's text) only
// for the results shown: five under the header box, ten on the search page and ten more
// per 显示更多 (which needs more than ten answers: the 2,000-article test's corpus has
// them, the site's own 16 pages do not). Counted in Chromium.
import { describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';

const { openPage } = useBrowser();
/** Long enough for the search code to load on a busy machine. */
const LOADED = { timeout: 15_000 };
/** More hits than the header box shows (some of Pagefind's hits for it are noise: 人 alone). */
const COMMON_WORD = '机器人';
/** Held by 7 of the 16 pages, every hit an answer: the search page shows them all. */
const PAGE_WORD = '客服';

/** The fragments the context fetches from now on (distinct paths). */
function fragmentsFetched(context: BrowserContext) {
  const paths = new Set<string>();
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.pf_fragment')) paths.add(path);
  });
  return paths;
}

describe('search fetches the fragments of the results it shows, no more', () => {
  test('header box: five results, five fragments', async () => {
    const { page, context, errors } = await openPage('/faq/download-client/');
    const fragments = fragmentsFetched(context);
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill(COMMON_WORD);
    const listbox = page.getByRole('listbox', { name: '搜索结果' });
    await listbox.locator('a.hit-all').waitFor(LOADED);
    expect(await listbox.locator('a.hit:not(.hit-all)').count()).toBe(5);
    await page.waitForLoadState('networkidle');
    expect(fragments.size).toBe(5);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('search page: as many fragments as results shown, and no 显示更多 when all are shown', async () => {
    const { page, context, errors } = await openPage('/search/');
    const fragments = fragmentsFetched(context);
    await page.getByRole('searchbox', { name: '搜索帮助文章' }).fill(PAGE_WORD);
    const list = page.locator(`[data-search-page-results][data-query="${PAGE_WORD}"]`);
    await list.waitFor({ state: 'attached', ...LOADED });
    const shown = await list.locator('a.hit').count();
    expect(shown).toBeGreaterThan(5);
    expect(await page.locator('[data-search-page-summary]').textContent()).toContain(`共找到 ${shown} 篇`);
    await page.waitForLoadState('networkidle');
    expect(fragments.size).toBe(shown);
    expect(await page.getByRole('button', { name: '显示更多结果' }).isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
