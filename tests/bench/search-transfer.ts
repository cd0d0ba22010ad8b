// `npm run bench:search-transfer -- <url>` (against a running built server, e.g. `npm
// start`): what the site's search costs a visitor, in Chromium, from a cold cache. On the
// home page it types a common word into the header box and counts every byte the search
// fetched (its code and the API's answer), the time from the index being ready to the
// results shown, then the bytes of a later search of another word. The index is ready in
// the server before the page asks, so that time runs from the query being sent.
// It measures the same in the page searching by itself, as when the support API does not
// answer (`inPage`: its search answered 503): then the search also fetches Pagefind's
// code, WebAssembly, metadata, index chunks and fragments, and the time runs from the
// mark the search code sets once Pagefind holds the index.
// `measureSearchTransfer(baseUrl)` returns the same figures (used by `npm run bench:scale`).
// Budgets (issue 20, at 10,000 articles), for the search through the API: first search
// ≤ 150 KB and ≤ 300 ms after the index is ready, a later search ≤ 60 KB; below them the
// exit code is 1, unless `--report-only`. Figures: docs/developing/budgets.md.
import type { Request } from 'playwright-core';
import { launchBrowser, refuseSearchApi } from '../support/browser.ts';
import { SEARCH_READY_MARK } from '../../src/browser/pagefind-in-page.ts';

export const BUDGET = { firstKB: 150, firstMs: 300, laterKB: 60 } as const;

export interface TransferPart {
  /** Path (without the query string) of each file fetched, with its bytes on the wire. */
  files: { path: string; bytes: number; encoding: string }[];
  /** Bytes on the wire: bodies as sent (compressed) plus response headers. */
  bytes: number;
  /** Fragments fetched (one per result read). */
  fragments: number;
}

export interface SearchTransfer {
  first: TransferPart & {
    word: string;
    /** Results shown, ms after the index was ready to search. */
    msAfterIndexReady: number;
    /** Results shown, ms after the word was typed. */
    msAfterTyped: number;
    hits: number;
  };
  later: TransferPart & { word: string; msAfterTyped: number; hits: number };
}

export interface TransferOptions {
  /** Search in the page, as when the support API does not answer. */
  inPage?: boolean;
  /** A word most articles hold, searched first. */
  firstWord?: string;
  /** Another word, searched after it. */
  laterWord?: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function sizeOf(request: Request) {
  const response = await request.response();
  const sizes = await request.sizes();
  return {
    path: new URL(request.url()).pathname,
    // A worker's script is reported without its body size: its Content-Length stands in.
    bytes: Math.max(sizes.responseBodySize, Number((await response?.headerValue('content-length')) ?? 0)) + sizes.responseHeadersSize,
    encoding: (await response?.headerValue('content-encoding')) ?? '',
    start: request.timing().startTime,
    end: request.timing().startTime + request.timing().responseEnd,
  };
}

function partOf(files: Awaited<ReturnType<typeof sizeOf>>[]): TransferPart {
  return {
    files: files.map(({ path, bytes, encoding }) => ({ path, bytes, encoding })),
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    fragments: files.filter((f) => f.path.endsWith('.pf_fragment')).length,
  };
}

/** Measures the search's transfer on the site at `baseUrl` (see the top of this file). */
export async function measureSearchTransfer(baseUrl: string, { firstWord = '机器人', laterWord = '客户端', inPage = false }: TransferOptions = {}): Promise<SearchTransfer> {
  const browser = await launchBrowser();
  try {
    // A new context: an empty cache.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (inPage) await refuseSearchApi(context);
    const page = await context.newPage();
    await page.goto(baseUrl + '/', { waitUntil: 'networkidle' });
    // From here on, every request is the search's (a web worker's requests included).
    const finished: Promise<Awaited<ReturnType<typeof sizeOf>>>[] = [];
    context.on('requestfinished', (request) => finished.push(sizeOf(request)));
    const input = page.locator('form[data-search] input').first();
    const listbox = page.locator('form[data-search] [role="listbox"]').first();

    const search = async (word: string) => {
      finished.length = 0;
      // When the first result appears, as the page sees it: Playwright's waitFor polls at
      // growing intervals (up to 500 ms apart), so its return is no clock for this.
      const typed = await listbox.evaluate((box) => {
        const shownAt = (box as HTMLElement & { shownAt?: number });
        shownAt.shownAt = undefined;
        new MutationObserver((_, observer) => {
          if (!box.querySelector('a[role="option"]')) return;
          shownAt.shownAt = performance.timeOrigin + performance.now();
          observer.disconnect();
        }).observe(box, { childList: true, subtree: true });
        return performance.timeOrigin + performance.now();
      });
      await input.fill(word);
      await listbox.locator('a[role="option"]').first().waitFor({ timeout: 60_000 });
      const shown = await listbox.evaluate((box) => (box as HTMLElement & { shownAt?: number }).shownAt!);
      await page.waitForLoadState('networkidle');
      const hits = await listbox.locator('a.hit[role="option"]:not(.hit-all)').count();
      return { typed, shown, hits, files: await Promise.all(finished) };
    };

    const first = await search(firstWord);
    // Through the API: when the query was sent (the last time, after a refusal).
    // In the page: the mark src/browser/pagefind-in-page.ts sets (SEARCH_READY_MARK) once
    // Pagefind holds the index.
    const asked = first.files.filter((f) => f.path === '/api/v1/search').map((f) => f.start);
    const marked = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime, SEARCH_READY_MARK);
    if (!inPage && !asked.length) throw new Error('The search did not ask the support API (GET /api/v1/search).');
    if (inPage && marked === undefined) throw new Error(`The search in the page set no ${SEARCH_READY_MARK} mark.`);
    const indexReady = inPage ? (await page.evaluate(() => performance.timeOrigin)) + marked! : Math.max(...asked);
    await input.fill('');
    const later = await search(laterWord);
    await context.close();
    return {
      first: { word: firstWord, ...partOf(first.files), msAfterIndexReady: Math.round(first.shown - indexReady), msAfterTyped: Math.round(first.shown - first.typed), hits: first.hits },
      later: { word: laterWord, ...partOf(later.files), msAfterTyped: Math.round(later.shown - later.typed), hits: later.hits },
    };
  } finally {
    await browser.close();
  }
}

/** The figures as lines of text, with the budgets. */
export function formatSearchTransfer({ first, later }: SearchTransfer): string[] {
  const lines = [
    `First search (「${first.word}」, cold cache): ${kb(first.bytes)} (budget ${BUDGET.firstKB} KB), ${first.fragments} fragments, ${first.hits} hits; results ${first.msAfterIndexReady} ms after the index was ready (budget ${BUDGET.firstMs} ms), ${first.msAfterTyped} ms after typing`,
    ...first.files.map((f) => `    ${kb(f.bytes).padStart(9)}  ${f.encoding.padEnd(4)}  ${f.path}`),
    `Later search (「${later.word}」): ${kb(later.bytes)} (budget ${BUDGET.laterKB} KB), ${later.fragments} fragments, ${later.hits} hits, ${later.msAfterTyped} ms after typing`,
    ...later.files.map((f) => `    ${kb(f.bytes).padStart(9)}  ${f.encoding.padEnd(4)}  ${f.path}`),
  ];
  return lines;
}

export const withinBudget = ({ first, later }: SearchTransfer) =>
  first.bytes <= BUDGET.firstKB * 1024 && first.msAfterIndexReady <= BUDGET.firstMs && later.bytes <= BUDGET.laterKB * 1024;

if (import.meta.main) {
  const url = process.argv.slice(2).find((arg) => /^https?:\/\//.test(arg));
  if (!url) {
    console.error('Usage: npm run bench:search-transfer -- <url of a running built server> [--report-only]');
    process.exit(2);
  }
  const result = await measureSearchTransfer(url.replace(/\/$/, ''));
  console.log(['Through the support API:', ...formatSearchTransfer(result)].join('\n'));
  const inPage = await measureSearchTransfer(url.replace(/\/$/, ''), { inPage: true });
  console.log(['In the page, the API not answering (no budget):', ...formatSearchTransfer(inPage)].join('\n'));
  if (!withinBudget(result) && !process.argv.includes('--report-only')) process.exitCode = 1;
}
