// What a search downloads. The site's search asks the support API (GET /api/v1/search),
// which searches the index in the server: the page downloads answers and no part of
// Pagefind. When the API does not answer, the page searches with Pagefind itself, and then
// fetches Pagefind's fragments (one per result, the result's text) only for the results
// shown: five under the header box, ten on the search page and ten more per 显示更多
// (which needs more than ten answers: the 2,000-article test's corpus has them, the
// site's own 16 pages do not). Either way, a query settles alike. Counted in Chromium.
import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { refuseSearchApi, useBrowser } from '../support/browser.ts';

const { openPage } = useBrowser();
/** Long enough for the search code to load on a busy machine. */
const LOADED = { timeout: 15_000 };
/** More hits than the header box shows (some of Pagefind's hits for it are noise: 人 alone). */
const COMMON_WORD = '机器人';
/** Held by 7 of the 16 pages, every hit an answer: the search page shows them all. */
const PAGE_WORD = '客服';

/** The paths the context requests from now on, in order. */
function requestsOf(context: BrowserContext) {
  const paths: string[] = [];
  context.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}
const fragments = (paths: string[]) => new Set(paths.filter((p) => p.endsWith('.pf_fragment')));


describe('search asks the API and downloads no part of Pagefind', () => {
  test('header box: one answer per query settled, nothing from /pagefind/', async () => {
    const { page, context, errors } = await openPage('/faq/download-client/');
    const requests = requestsOf(context);
    const answers: { status: number; encoding: string | null }[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === '/api/v1/search') answers.push({ status: res.status(), encoding: res.headers()['content-encoding'] ?? null });
    });
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill(COMMON_WORD);
    const listbox = page.getByRole('listbox', { name: '搜索结果' });
    await listbox.locator('a.hit-all').waitFor(LOADED);
    expect(await listbox.locator('a.hit:not(.hit-all)').count()).toBe(5);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    // One request for the query (typing pauses before it is sent), compressed.
    expect(answers).toEqual([{ status: 200, encoding: 'br' }]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('without the API, the page searches with Pagefind and fetches the fragments of the results it shows, no more', () => {
  test('header box: five results, five fragments', async () => {
    const { page, context, errors } = await openPage('/faq/download-client/');
    await refuseSearchApi(context);
    const requests = requestsOf(context);
    await page.getByRole('combobox', { name: '搜索帮助文章' }).fill(COMMON_WORD);
    const listbox = page.getByRole('listbox', { name: '搜索结果' });
    await listbox.locator('a.hit-all').waitFor(LOADED);
    expect(await listbox.locator('a.hit:not(.hit-all)').count()).toBe(5);
    await page.waitForLoadState('networkidle');
    expect(requests).toContain('/pagefind/pagefind.js');
    expect(fragments(requests).size).toBe(5);
    // The refused answer is not an error the page shows or logs, beside the browser's own line for a 503.
    expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
    await context.close();
  });

  test('search page: as many fragments as results shown, and no 显示更多 when all are shown', async () => {
    const { page, context, errors } = await openPage('/search/');
    await refuseSearchApi(context);
    const requests = requestsOf(context);
    await page.getByRole('searchbox', { name: '搜索帮助文章' }).fill(PAGE_WORD);
    const list = page.locator(`[data-search-page-results][data-query="${PAGE_WORD}"]`);
    await list.waitFor({ state: 'attached', ...LOADED });
    const shown = await list.locator('a.hit').count();
    expect(shown).toBeGreaterThan(5);
    expect(await page.locator('[data-search-page-summary]').textContent()).toContain(`共找到 ${shown} 篇`);
    await page.waitForLoadState('networkidle');
    expect(fragments(requests).size).toBe(shown);
    expect(await page.getByRole('button', { name: '显示更多结果' }).isHidden()).toBe(true);
    expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
    await context.close();
  });
});

/** Queries of every kind: answers, a typo (下崽 → 下载), synonyms, partial, guesses, nothing. */
const QUERIES = ['机器人', '下崽', '怎么换管理员', '客服电话', '二维码', '苹果电脑客户端', '会话窗口打不开', '增值税专用发票开具', 'qwertyzxcv', 'Mac'];

/** How the search page settled `query`: its outcome, summary and the results in order. */
async function settled(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: '搜索帮助文章' });
  const list = page.locator('[data-search-page-results][data-outcome]');
  // An empty box takes the last outcome away: the next one is this query's.
  await box.fill('');
  await list.waitFor({ state: 'detached', ...LOADED });
  await box.fill(query);
  await list.waitFor({ state: 'attached', ...LOADED });
  return {
    outcome: await list.getAttribute('data-outcome'),
    summary: await page.locator('[data-search-page-summary]').textContent(),
    hits: await list.locator('a.hit').evaluateAll((links) => links.map((a) => `${a.getAttribute('href')} ${a.textContent}`)),
  };
}

test('a query settles alike in the server and in the page', async () => {
  const viaApi = await openPage('/search/');
  const inPage = await openPage('/search/');
  await refuseSearchApi(inPage.context);
  for (const query of QUERIES) {
    const server = await settled(viaApi.page, query);
    expect(await settled(inPage.page, query), query).toEqual(server);
  }
  await viaApi.context.close();
  await inPage.context.close();
});
