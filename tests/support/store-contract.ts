// One contract, both stores: what every Store (src/store/types.ts) must answer, run
// against SQLite (tests/unit/store-sqlite.test.ts) and PostgreSQL
// (tests/store/store-postgres.test.ts). Every method; lists in their order, paged and
// whole (the snapshot reads of the CSV export, undisturbed by writes meanwhile); text in
// any script; ids, times and money kept exactly; limits; writes at the same time.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { lastDays, type SearchOutcomeKind } from '../../src/lib/search/analytics.ts';
import type { Store } from '../../src/store/types.ts';

/** Opens a new, empty store; `close` is awaited after each test. */
export type OpenFreshStore = () => Promise<{ store: Store; close(): Promise<void> }>;

export const quote = (robots: number) => ({ input: { robots }, estimate: { totalCost: robots }, priceListVersion: 'v1' });

export async function collect<T>(batches: AsyncIterable<T[]>) {
  const sizes: number[] = [];
  const rows: T[] = [];
  for await (const batch of batches) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { sizes, rows };
}

/** Noon in China, `daysAgo` days before 2026-12-07. */
export const chinaNoon = (daysAgo: number) => new Date(Date.parse('2026-12-07T04:00:00Z') - daysAgo * 86_400_000);
const NOW = chinaNoon(0);
const all = { limit: 100, offset: 0 };
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function storeContract(kind: string, openFresh: OpenFreshStore) {
  let opened: Awaited<ReturnType<OpenFreshStore>> | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await opened?.close();
    opened = undefined;
  });
  async function open() {
    opened = await openFresh();
    return opened.store;
  }
  const search = (s: Store, query: string, outcome: SearchOutcomeKind, results: number, daysAgo = 0) => s.recordSearch({ query, outcome, results }, chinaNoon(daysAgo));

  describe(`store contract: ${kind}`, () => {
    describe('saved quotes and diagnostics reports', () => {
      test('saved as given, read back by id, exactly: ids, times, money, any text; an unknown id is undefined', async () => {
        const s = await open();
        expect(s.kind).toBe(kind);
        // Money as the estimate has it: fractions of a yuan, large totals, key order kept.
        const input = { robots: 3, plan: '专业版', note: '🤖 naïve العربية ‏עברית 𠀀 e\u0301' };
        const estimate = { totalCost: 12_345_678.9, unitPrice: 0.1 + 0.2, perMonth: [1999.99, 0.01, 0], currency: 'CNY', zeta: 1, alpha: 2 };
        const saved = await s.saveQuote({ input, estimate, priceListVersion: '2026-12 版' });
        expect(saved.id).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{12}$/);
        expect(saved.createdAt).toMatch(ISO);
        const back = await s.getQuote(saved.id);
        expect(back).toEqual(saved);
        expect(JSON.stringify(back!.estimate)).toBe(JSON.stringify(estimate));
        expect(JSON.stringify(back!.input)).toBe(JSON.stringify(input));
        expect(await s.getQuote('nosuchquote1')).toBeUndefined();

        const report = { platform: 'windows', checks: [{ id: 'dns', ok: false, detail: '无法解析 api.example.com' }], emoji: '🧪' };
        const r = await s.saveDiagnosticsReport(report);
        expect(r.id).toMatch(/^[1-9]\d{7}$/);
        expect(r.createdAt).toMatch(ISO);
        expect(await s.getDiagnosticsReport(r.id)).toEqual({ id: r.id, report, createdAt: r.createdAt });
        expect(await s.getDiagnosticsReport('12345678')).toBeUndefined();
        expect(await s.ping()).toBe(true);
      });

      test('diagnostics reports: listed newest first a page at a time, ties by reference; counted', async () => {
        const s = await open();
        const saved = [];
        for (let i = 0; i < 7; i++) saved.push(await s.saveDiagnosticsReport({ i }));
        const newestFirst = [...saved].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
        const paged = [...(await s.listDiagnosticsReports({ limit: 4, offset: 0 })), ...(await s.listDiagnosticsReports({ limit: 4, offset: 4 }))];
        expect(paged).toEqual(newestFirst);
        expect(await s.listDiagnosticsReports({ limit: 4, offset: 7 })).toEqual([]);
        expect(await s.countDiagnosticsReports()).toBe(7);
      });

      test('quotes: all of them, newest first as the pages list them, in batches; counted; past the end is empty', async () => {
        const s = await open();
        for (let i = 1; i <= 23; i++) await s.saveQuote(quote(i));
        const { sizes, rows } = await collect(s.allQuotes(10));
        expect(sizes).toEqual([10, 10, 3]);
        const paged = [...(await s.listQuotes({ limit: 20, offset: 0 })), ...(await s.listQuotes({ limit: 20, offset: 20 }))];
        expect(rows).toEqual(paged);
        expect(rows.map((q) => (q.input as { robots: number }).robots)).toEqual(Array.from({ length: 23 }, (_, i) => 23 - i));
        expect(await s.countQuotes()).toBe(23);
        expect(await s.listQuotes({ limit: 10, offset: 23 })).toEqual([]);
      });

      test('quotes saved in the same millisecond keep their newest-first order in pages and whole', async () => {
        const s = await open();
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date('2026-12-07T01:02:03.456Z'));
        for (let i = 1; i <= 9; i++) await s.saveQuote(quote(i));
        const pages = [];
        for (let offset = 0; offset < 9; offset += 4) pages.push(...(await s.listQuotes({ limit: 4, offset })));
        expect(pages.map((q) => (q.input as { robots: number }).robots)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
        expect((await collect(s.allQuotes(4))).rows).toEqual(pages);
      });
    });

    describe('feedback', () => {
      test('one row per page, most recent vote first, ties (same time) by page, in page order; counted; five latest comments each', async () => {
        const s = await open();
        vi.useFakeTimers({ toFake: ['Date'] });
        const at = (minute: number) => vi.setSystemTime(new Date(Date.UTC(2026, 0, 1, 0, minute)));
        // Pages /p/0/ … /p/24/, voted two by two in the same minute.
        for (let i = 0; i < 25; i++) {
          at(Math.floor(i / 2));
          await s.addFeedback({ page: `/p/${i}/`, helpful: i % 2 === 0 });
        }
        for (let n = 1; n <= 7; n++) {
          at(30 + n);
          await s.addFeedback({ page: '/p/3/', helpful: n % 2 === 0, comment: `评论 ${n}` });
        }
        const { sizes, rows } = await collect(s.allFeedbackByPage(7));
        expect(sizes).toEqual([7, 7, 7, 4]);
        const pages = [];
        for (let offset = 0; offset < 25; offset += 7) pages.push(...(await s.feedbackByPage({ limit: 7, offset })));
        expect(pages).toEqual(rows);
        expect(rows.slice(0, 6).map((p) => p.page)).toEqual(['/p/3/', '/p/24/', '/p/22/', '/p/23/', '/p/20/', '/p/21/']);
        expect(rows.at(-1)!.page).toBe('/p/1/');
        expect(rows[0]).toEqual({
          page: '/p/3/',
          helpful: 3,
          notHelpful: 5,
          lastVoteAt: '2026-01-01T00:37:00.000Z',
          latestComments: [7, 6, 5, 4, 3].map((n) => ({ comment: `评论 ${n}`, helpful: n % 2 === 0, createdAt: `2026-01-01T00:${30 + n}:00.000Z` })),
        });
        expect(rows[1]).toEqual({ page: '/p/24/', helpful: 1, notHelpful: 0, lastVoteAt: '2026-01-01T00:12:00.000Z', latestComments: [] });
        expect(await s.countFeedbackPages()).toBe(25);
      });

      test('a vote: its id and time; a browser changes its vote instead of adding one; comments trimmed, blank ones none', async () => {
        const s = await open();
        const first = await s.addFeedback({ page: '/faq/a/', helpful: true, voter: 'v1', comment: '  有用 👍  ' });
        expect(first.id).toBeGreaterThan(0);
        expect(first.createdAt).toMatch(ISO);
        const changed = await s.addFeedback({ page: '/faq/a/', helpful: false, voter: 'v1', comment: '其实没用' });
        expect(changed.id).toBe(first.id);
        const other = await s.addFeedback({ page: '/faq/a/', helpful: true, comment: '   ' });
        expect(other.id).not.toBe(first.id);
        // The same browser on another page is another vote.
        await s.addFeedback({ page: '/faq/b/', helpful: true, voter: 'v1' });
        const a = (await s.feedbackByPage(all)).find((p) => p.page === '/faq/a/');
        expect(a).toMatchObject({ page: '/faq/a/', helpful: 1, notHelpful: 1 });
        expect(a!.latestComments).toEqual([{ comment: '其实没用', helpful: false, createdAt: changed.createdAt }]);
        expect(await s.countFeedbackPages()).toBe(2);
      });

      test('an empty store: no batch, no rows, zero counts', async () => {
        const s = await open();
        expect((await collect(s.allQuotes())).sizes).toEqual([]);
        expect((await collect(s.allSearchMisses())).sizes).toEqual([]);
        expect((await collect(s.allFeedbackByPage())).sizes).toEqual([]);
        expect((await collect(s.allSearchQueries(lastDays(7, NOW), 'all'))).sizes).toEqual([]);
        expect((await collect(s.allArticlesFromSearch(lastDays(7, NOW)))).sizes).toEqual([]);
        expect(await s.countQuotes()).toBe(0);
        expect(await s.countFeedbackPages()).toBe(0);
        expect(await s.countSearchMisses()).toBe(0);
        expect(await s.feedbackByPage({ limit: 10, offset: 0 })).toEqual([]);
        expect(await s.searchTotals(lastDays(7, NOW))).toEqual({ searches: 0, outcomes: { results: 0, partial: 0, guess: 0, none: 0 }, queries: 0, clicks: 0, positionSum: 0 });
      });
    });

    describe('snapshot reads (the CSV export)', () => {
      test('votes while the feedback list is read neither add pages nor change the counts in it', async () => {
        const s = await open();
        for (let i = 0; i < 12; i++) await s.addFeedback({ page: `/p/${i}/`, helpful: true });
        const seen: { page: string; helpful: number }[] = [];
        for await (const batch of s.allFeedbackByPage(5)) {
          seen.push(...batch.map(({ page, helpful }) => ({ page, helpful })));
          await s.addFeedback({ page: batch[0]!.page, helpful: true, comment: '读的时候投的' });
          await s.addFeedback({ page: `/new/${seen.length}/`, helpful: false });
        }
        expect(seen.map((p) => p.page).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `/p/${i}/`).sort());
        expect(seen.every((p) => p.helpful === 1)).toBe(true);
        expect(await s.countFeedbackPages()).toBe(15);
      });

      test('writes while a list is read neither add, move nor repeat rows in it', async () => {
        const s = await open();
        for (let i = 0; i < 12; i++) await s.recordSearch({ query: `q${i}`, outcome: 'none', results: 0 });
        for (let i = 0; i < 12; i++) await s.saveQuote(quote(i));
        const misses: string[] = [];
        // A snapshot is taken when its first batch is.
        const quoteBatches = s.allQuotes(5)[Symbol.asyncIterator]();
        let quotes = ((await quoteBatches.next()).value as unknown[]).length;
        for await (const batch of s.allSearchMisses(5)) {
          misses.push(...batch.map((m) => m.query));
          // The last row read so far jumps to the top, and new rows arrive.
          await s.recordSearch({ query: batch.at(-1)!.query, outcome: 'none', results: 0 });
          await s.recordSearch({ query: `new ${misses.length}`, outcome: 'none', results: 0 });
          await s.saveQuote(quote(100));
          const next = await quoteBatches.next();
          if (!next.done) quotes += next.value.length;
        }
        for (let next = await quoteBatches.next(); !next.done; next = await quoteBatches.next()) quotes += next.value.length;
        expect(misses.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `q${i}`).sort());
        expect(quotes).toBe(12);
        expect(await s.countSearchMisses()).toBe(15);
      });

      test('stopping early ends the read; the store goes on answering', async () => {
        const s = await open();
        for (let i = 0; i < 20; i++) await s.saveQuote(quote(i));
        // More early stops than a pool has connections: each gives its own back.
        for (let n = 0; n < 15; n++) {
          for await (const batch of s.allQuotes(5)) {
            expect(batch).toHaveLength(5);
            break;
          }
        }
        await s.saveQuote(quote(99));
        expect(await s.countQuotes()).toBe(21);
      });
    });

    describe('search analytics', () => {
      test('the day is China’s: 23:59 and 00:01 Beijing time are two days', async () => {
        const s = await open();
        await s.recordSearch({ query: 'a', outcome: 'none', results: 0 }, new Date('2026-12-06T15:59:00Z'));
        await s.recordSearch({ query: 'a', outcome: 'none', results: 0 }, new Date('2026-12-06T16:01:00Z'));
        expect((await s.searchQueries({ from: '2026-12-07', to: '2026-12-07' }, 'all', all)).map((q) => q.searches)).toEqual([1]);
        expect((await s.searchQueries({ from: '2026-12-06', to: '2026-12-06' }, 'all', all)).map((q) => q.searches)).toEqual([1]);
      });

      test('the last 7, 30 and 90 days: totals, queries by searches with click-through and positions, no click, no answer, articles', async () => {
        const s = await open();
        // Today: 发票 three times with answers, two clicks (positions 1 and 3); 退款 twice, no click.
        for (let i = 0; i < 3; i++) await search(s, '发票', 'results', 5);
        expect(await s.recordSearchClick({ query: '发票', page: '/faq/invoice/', position: 1 }, NOW)).toBe(true);
        expect(await s.recordSearchClick({ query: '发票', page: '/faq/tax/', position: 3 }, NOW)).toBe(true);
        await search(s, '退款', 'results', 2);
        await search(s, '退款', 'results', 2);
        // 10 days ago: 下崽 a guess (clicked), 发票怎么开 partial, zqx nothing.
        await search(s, '下崽', 'guess', 3, 10);
        expect(await s.recordSearchClick({ query: '下崽', page: '/faq/invoice/', position: 2 }, chinaNoon(10))).toBe(true);
        await search(s, '发票怎么开', 'partial', 1, 10);
        await search(s, 'zqx', 'none', 0, 10);
        await search(s, 'zqx', 'none', 0, 10);
        // 60 days ago: 发票 once more.
        await search(s, '发票', 'results', 5, 60);

        const week = lastDays(7, NOW);
        expect(week).toEqual({ from: '2026-12-01', to: '2026-12-07' });
        expect(await s.searchTotals(week)).toEqual({ searches: 5, outcomes: { results: 5, partial: 0, guess: 0, none: 0 }, queries: 2, clicks: 2, positionSum: 4 });
        expect(await s.searchTotals(lastDays(30, NOW))).toEqual({ searches: 9, outcomes: { results: 5, partial: 1, guess: 1, none: 2 }, queries: 5, clicks: 3, positionSum: 6 });
        expect((await s.searchTotals(lastDays(90, NOW))).searches).toBe(10);

        const month = lastDays(30, NOW);
        const queries = await s.searchQueries(month, 'all', all);
        expect(queries.map((q) => [q.query, q.searches, q.clicks, q.positionSum])).toEqual([
          ['发票', 3, 2, 4],
          ['zqx', 2, 0, 0],
          ['退款', 2, 0, 0],
          ['下崽', 1, 1, 2],
          ['发票怎么开', 1, 0, 0],
        ]);
        expect(queries[0]).toEqual({ query: '发票', searches: 3, resultTotal: 15, clicks: 2, positionSum: 4, lastDay: '2026-12-07', outcomes: { results: 3, partial: 0, guess: 0, none: 0 } });
        expect((await s.searchQueries(lastDays(90, NOW), 'all', all))[0]).toMatchObject({ query: '发票', searches: 4 });
        expect(await s.countSearchQueries(month, 'all')).toBe(5);

        // Results shown, nothing opened.
        expect((await s.searchQueries(month, 'no-click', all)).map((q) => q.query)).toEqual(['退款', '发票怎么开']);
        expect(await s.countSearchQueries(month, 'no-click')).toBe(2);
        // Without a sure answer: nothing, stray words, best guesses.
        expect((await s.searchQueries(month, 'no-answer', all)).map((q) => q.query)).toEqual(['zqx', '下崽', '发票怎么开']);
        expect(await s.searchQueries(week, 'no-answer', all)).toEqual([]);

        expect(await s.articlesFromSearch(month, all)).toEqual([
          { page: '/faq/invoice/', clicks: 2, queries: 2, positionSum: 3, topQuery: '下崽' },
          { page: '/faq/tax/', clicks: 1, queries: 1, positionSum: 3, topQuery: '发票' },
        ]);
        expect(await s.countArticlesFromSearch(week)).toBe(2);
        expect(await s.articlesFromSearch(lastDays(7, chinaNoon(20)), all)).toEqual([]);
        expect((await collect(s.allArticlesFromSearch(month, 1))).rows).toEqual(await s.articlesFromSearch(month, all));
      });

      test('a click counts only for a query searched that day or the day before', async () => {
        const s = await open();
        expect(await s.recordSearchClick({ query: '没搜过', page: '/faq/a/', position: 1 }, NOW)).toBe(false);
        await search(s, '搜过', 'results', 1, 1);
        expect(await s.recordSearchClick({ query: '搜过', page: '/faq/a/', position: 1 }, NOW)).toBe(true);
        expect(await s.recordSearchClick({ query: '搜过', page: '/faq/a/', position: 1 }, chinaNoon(-1))).toBe(false);
        expect(await s.searchTotals(lastDays(90, chinaNoon(-1)))).toMatchObject({ clicks: 1, positionSum: 1 });
        expect(await s.articlesFromSearch(lastDays(90, NOW), all)).toEqual([{ page: '/faq/a/', clicks: 1, queries: 1, positionSum: 1, topQuery: '搜过' }]);
      });

      test('whole lists come in batches, in page order; text sorts by code point in both stores', async () => {
        const s = await open();
        for (let i = 0; i < 23; i++) for (let n = 0; n <= i % 4; n++) await search(s, `q${i}`, 'none', 0);
        // Ties broken by the query itself: upper case before lower, Latin before CJK, CJK before emoji.
        for (const q of ['b', 'B', 'é', '发票', '😀', 'Z', 'a']) await search(s, q, 'none', 0);
        const rows = [];
        for await (const batch of s.allSearchQueries(lastDays(7, NOW), 'no-answer', 10)) rows.push(...batch);
        const paged = [...(await s.searchQueries(lastDays(7, NOW), 'no-answer', { limit: 15, offset: 0 })), ...(await s.searchQueries(lastDays(7, NOW), 'no-answer', { limit: 15, offset: 15 }))];
        expect(rows).toEqual(paged);
        expect(rows).toHaveLength(30);
        expect(rows.filter((q) => q.searches === 1 && !q.query.startsWith('q')).map((q) => q.query)).toEqual(['B', 'Z', 'a', 'b', 'é', '发票', '😀']);
      });

      test('failed searches of all time: the searches without a sure answer, per query, most frequent first, to the hour', async () => {
        const s = await open();
        await search(s, 'zqx', 'none', 0, 100);
        await search(s, 'zqx', 'partial', 1);
        await search(s, '下崽', 'guess', 2);
        await search(s, '发票', 'results', 3);
        const misses = await s.searchMisses(all);
        expect(misses.map((m) => [m.query, m.count])).toEqual([
          ['zqx', 2],
          ['下崽', 1],
        ]);
        expect(misses[0]!.firstSeen).toBe(chinaNoon(100).toISOString());
        expect(misses[0]!.lastSeen).toBe(chinaNoon(0).toISOString());
        await s.recordSearch({ query: '下崽', outcome: 'none', results: 0 }, new Date('2026-12-07T05:59:59.999Z'));
        expect((await s.searchMisses(all)).find((m) => m.query === '下崽')!.lastSeen).toBe('2026-12-07T05:00:00.000Z');
        expect(await s.countSearchMisses()).toBe(2);
        expect((await collect(s.allSearchMisses(1))).rows).toEqual(await s.searchMisses(all));
      });

      test('failed searches: ties (same count and time) kept in one order, pages and whole', async () => {
        const s = await open();
        for (let i = 0; i < 30; i++) await s.recordSearch({ query: `q${i}`, outcome: 'none', results: 0 });
        await s.recordSearch({ query: 'q7', outcome: 'none', results: 0 });
        const { rows } = await collect(s.allSearchMisses(7));
        expect(rows[0]!.query).toBe('q7');
        expect(new Set(rows.map((m) => m.query)).size).toBe(30);
        const pages = [];
        for (let offset = 0; offset < 30; offset += 7) pages.push(...(await s.searchMisses({ limit: 7, offset })));
        expect(pages).toEqual(rows);
        expect(await s.countSearchMisses()).toBe(30);
      });
    });

    describe('limits and writes at the same time', () => {
      test('the largest things the API lets through are kept whole', async () => {
        const s = await open();
        // The API takes bodies up to 32 KB: a comment of 2000 four-byte characters, a report near the limit.
        const comment = '𠀀'.repeat(2000);
        await s.addFeedback({ page: `/faq/${'长'.repeat(300)}/`, helpful: true, comment });
        expect((await s.feedbackByPage(all))[0]!.latestComments[0]!.comment).toBe(comment);
        const report = { lines: Array.from({ length: 300 }, (_, i) => `第 ${i} 行 ${'x'.repeat(90)}`) };
        const saved = await s.saveDiagnosticsReport(report);
        expect((await s.getDiagnosticsReport(saved.id))!.report).toEqual(report);
        expect(await s.listQuotes({ limit: 1000, offset: 0 })).toEqual([]);
      });

      test('writes at the same time: none lost, none doubled, one vote per browser', async () => {
        const s = await open();
        const quotes = await Promise.all(Array.from({ length: 60 }, (_, i) => s.saveQuote(quote(i))));
        expect(new Set(quotes.map((q) => q.id)).size).toBe(60);
        await Promise.all(Array.from({ length: 40 }, (_, i) => s.addFeedback({ page: '/faq/same/', helpful: i % 2 === 0, voter: 'one-browser' })));
        await Promise.all(Array.from({ length: 40 }, (_, i) => s.addFeedback({ page: '/faq/same/', helpful: true, voter: `browser-${i}` })));
        await Promise.all(Array.from({ length: 50 }, () => search(s, '同时', 'none', 0)));
        await Promise.all(Array.from({ length: 20 }, () => s.recordSearchClick({ query: '同时', page: '/faq/same/', position: 2 }, NOW)));
        const reports = await Promise.all(Array.from({ length: 30 }, (_, i) => s.saveDiagnosticsReport({ i })));
        expect(new Set(reports.map((r) => r.id)).size).toBe(30);

        expect(await s.countQuotes()).toBe(60);
        const [page] = await s.feedbackByPage(all);
        expect(page!.helpful + page!.notHelpful).toBe(41);
        expect(await s.searchMisses(all)).toMatchObject([{ query: '同时', count: 50 }]);
        expect(await s.searchTotals(lastDays(1, NOW))).toMatchObject({ searches: 50, clicks: 20, positionSum: 40 });
        for (const r of reports) expect(await s.getDiagnosticsReport(r.id)).toEqual(r);
      });
    });
  });
}
