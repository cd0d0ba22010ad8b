// What a search downloads: Pagefind's fragments (one per result, the result's text) only
// for the results shown: five under the header box, ten on the search page and ten more
// per 显示更多. Counted in Chromium, Pagefind's web worker's requests included.
import { describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';

const { openPage } = useBrowser();
/** Long enough for the search code to load on a busy machine. */
const LOADED = { timeout: 15_000 };
/** Most articles hold it: more results than either view shows at once. */
const COMMON_WORD = '机器人';

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

  test('search page: ten results, ten fragments; 显示更多 fetches those it adds', async () => {
    const { page, context, errors } = await openPage('/search/');
    const fragments = fragmentsFetched(context);
    await page.getByRole('searchbox', { name: '搜索帮助文章' }).fill(COMMON_WORD);
    const hits = page.locator('[data-search-page-results] a.hit');
    await expect.poll(() => hits.count(), LOADED).toBe(10);
    const total = Number(/共找到 (\d+) 篇/.exec((await page.locator('[data-search-page-summary]').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    await page.waitForLoadState('networkidle');
    expect(fragments.size).toBe(10);

    const more = page.getByRole('button', { name: '显示更多结果' });
    await more.click();
    const added = Math.min(total, 20) - 10;
    await expect.poll(() => hits.count(), LOADED).toBe(10 + added);
    // Focus moves to the first result added, and the button goes once all are shown.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(await hits.nth(10).getAttribute('href'));
    await page.waitForLoadState('networkidle');
    expect(fragments.size).toBe(10 + added);
    if (total <= 20) expect(await more.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
