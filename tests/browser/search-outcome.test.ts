// The search page says, on its results list, when a search has settled and how sure it
// is: data-query and data-outcome, which `npm run bench:search` reads
// (docs/developing/search-benchmark.md).
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';

const { openPage } = useBrowser();
const LOADED = { timeout: 15_000 };
const settled = '[data-search-page-results][data-outcome][data-query]';

describe('search page outcome', () => {
  test('a query an article answers settles as results, with the query and its hits', async () => {
    const { page, context, errors } = await openPage('/search/?q=受限站点');
    const list = page.locator(settled);
    await list.waitFor({ state: 'attached', ...LOADED });
    expect(await list.getAttribute('data-query')).toBe('受限站点');
    expect(await list.getAttribute('data-outcome')).toBe('results');
    expect(await list.locator('a.hit').first().getAttribute('href')).toBe('/faq/widget-session-not-opening/');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a query nothing answers settles without a confident outcome, and emptying the box clears both marks', async () => {
    const { page, context, errors } = await openPage('/search/?q=qwertyzxcv');
    const list = page.locator(settled);
    await list.waitFor({ state: 'attached', ...LOADED });
    expect(['partial', 'guess', 'none']).toContain(await list.getAttribute('data-outcome'));
    await page.getByRole('searchbox').fill('');
    const marks = () => page.locator('[data-search-page-results]').evaluate((el: HTMLElement) => [el.dataset.query, el.dataset.outcome]);
    await expect.poll(marks, LOADED).toEqual([undefined, undefined]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a word the best page names only once, in passing (退款 in 也不能退款), is a best guess, not an answer', async () => {
    const { page, context, errors } = await openPage('/search/?q=退款');
    const list = page.locator(settled);
    await list.waitFor({ state: 'attached', ...LOADED });
    expect(await list.getAttribute('data-outcome')).toBe('guess');
    expect(await list.locator('a.hit').first().getAttribute('href')).toBe('/faq/robot-unused-conversations/');
    // No sure answer: the support lines come with it.
    await expect.poll(() => page.locator('[data-search-page-empty]').textContent(), LOADED).toContain('400');
    expect(errors).toEqual([]);
    await context.close();
  });
});
