// Search analytics over a real SQLite file: daily totals per query and outcome, clicks
// per query, page and position, the 7/30/90-day views, failed searches of all time as a
// view of the same rows, and the old failed-search table carried over by migration 3.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { lastDays, type SearchOutcomeKind } from '../../src/lib/search/analytics.ts';
import { migrations } from '../../src/store/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { sqliteSearches } from '../../src/store/sqlite-searches.ts';
import type { Store } from '../../src/store/types.ts';

let dataDir: string;
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});
function open() {
  dataDir ??= mkdtempSync(join(tmpdir(), 'wenda-searches-'));
  store = openSqliteStore(dataDir);
  return store;
}
const fresh = () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wenda-searches-'));
  return open();
};

/** Noon in China, `daysAgo` days before 2026-12-07. */
const chinaNoon = (daysAgo: number) => new Date(Date.parse('2026-12-07T04:00:00Z') - daysAgo * 86_400_000);
const NOW = chinaNoon(0);
const search = (s: Store, query: string, outcome: SearchOutcomeKind, results: number, daysAgo = 0) => s.recordSearch({ query, outcome, results }, chinaNoon(daysAgo));
const all = { limit: 100, offset: 0 };

describe('searches as daily totals', () => {
  test('one row per day, query and outcome, however many searches: the file grows with queries, not traffic', async () => {
    const s = fresh();
    for (let i = 0; i < 500; i++) await search(s, '发票', 'results', 4);
    await search(s, '发票', 'partial', 2);
    await search(s, '发票', 'results', 4, 1);
    s.close();
    const db = new DatabaseSync(join(dataDir, 'wenda.db'), { readOnly: true });
    expect(db.prepare('SELECT day, query, outcome, searches, result_total FROM search_days ORDER BY day, outcome').all().map((r) => ({ ...r }))).toEqual([
      { day: '2026-12-06', query: '发票', outcome: 'results', searches: 1, result_total: 4 },
      { day: '2026-12-07', query: '发票', outcome: 'partial', searches: 1, result_total: 2 },
      { day: '2026-12-07', query: '发票', outcome: 'results', searches: 500, result_total: 2000 },
    ]);
    // Nothing about who: no address, no session, no browser; of times only the hours of a day's first and last search.
    const columns = db.prepare("SELECT name FROM pragma_table_info('search_days') UNION ALL SELECT name FROM pragma_table_info('search_clicks')").all().map((r) => r.name);
    expect(columns.sort()).toEqual(['clicks', 'day', 'day', 'first_seen', 'last_seen', 'outcome', 'page', 'position', 'query', 'query', 'result_total', 'searches'].sort());
    db.close();
  });

  test('the day is China’s: 23:59 and 00:01 Beijing time are two days', async () => {
    const s = fresh();
    await s.recordSearch({ query: 'a', outcome: 'none', results: 0 }, new Date('2026-12-06T15:59:00Z'));
    await s.recordSearch({ query: 'a', outcome: 'none', results: 0 }, new Date('2026-12-06T16:01:00Z'));
    expect((await s.searchQueries({ from: '2026-12-07', to: '2026-12-07' }, 'all', all)).map((q) => q.searches)).toEqual([1]);
    expect((await s.searchQueries({ from: '2026-12-06', to: '2026-12-06' }, 'all', all)).map((q) => q.searches)).toEqual([1]);
  });

  test('the last 7, 30 and 90 days: totals, queries by searches with click-through and positions, no click, no answer, articles', async () => {
    const s = fresh();
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
    expect(queries[0]).toMatchObject({ resultTotal: 15, lastDay: '2026-12-07', outcomes: { results: 3, partial: 0, guess: 0, none: 0 } });
    expect((await s.searchQueries(lastDays(90, NOW), 'all', all))[0]).toMatchObject({ query: '发票', searches: 4 });
    expect(await s.countSearchQueries(month, 'all')).toBe(5);

    // Results shown, nothing opened.
    expect((await s.searchQueries(month, 'no-click', all)).map((q) => q.query)).toEqual(['退款', '发票怎么开']);
    expect(await s.countSearchQueries(month, 'no-click')).toBe(2);
    // Without a sure answer: nothing, stray words, best guesses.
    expect((await s.searchQueries(month, 'no-answer', all)).map((q) => q.query)).toEqual(['zqx', '下崽', '发票怎么开']);
    expect((await s.searchQueries(week, 'no-answer', all))).toEqual([]);

    expect(await s.articlesFromSearch(month, all)).toEqual([
      { page: '/faq/invoice/', clicks: 2, queries: 2, positionSum: 3, topQuery: '下崽' },
      { page: '/faq/tax/', clicks: 1, queries: 1, positionSum: 3, topQuery: '发票' },
    ]);
    expect(await s.countArticlesFromSearch(week)).toBe(2);
    expect(await s.articlesFromSearch(lastDays(7, chinaNoon(20)), all)).toEqual([]);
  });

  test('a click counts only for a query searched that day or the day before', async () => {
    const s = fresh();
    expect(await s.recordSearchClick({ query: '没搜过', page: '/faq/a/', position: 1 }, NOW)).toBe(false);
    await search(s, '搜过', 'results', 1, 1);
    expect(await s.recordSearchClick({ query: '搜过', page: '/faq/a/', position: 1 }, NOW)).toBe(true);
    expect(await s.recordSearchClick({ query: '搜过', page: '/faq/a/', position: 1 }, chinaNoon(-1))).toBe(false);
    expect(await s.searchTotals(lastDays(90, chinaNoon(-1)))).toMatchObject({ clicks: 1, positionSum: 1 });
    expect(await s.articlesFromSearch(lastDays(90, NOW), all)).toEqual([{ page: '/faq/a/', clicks: 1, queries: 1, positionSum: 1, topQuery: '搜过' }]);
  });

  test('whole lists come in batches, in page order', async () => {
    const s = fresh();
    for (let i = 0; i < 23; i++) for (let n = 0; n <= i % 4; n++) await search(s, `q${i}`, 'none', 0);
    const rows = [];
    for await (const batch of s.allSearchQueries(lastDays(7, NOW), 'no-answer', 10)) rows.push(...batch);
    const paged = [...(await s.searchQueries(lastDays(7, NOW), 'no-answer', { limit: 12, offset: 0 })), ...(await s.searchQueries(lastDays(7, NOW), 'no-answer', { limit: 12, offset: 12 }))];
    expect(rows).toEqual(paged);
    expect(rows).toHaveLength(23);
  });
});

describe('the store is told of each write', () => {
  test('a search, and a click that counts; not a click that does not', async () => {
    fresh().close();
    const db = new DatabaseSync(join(dataDir, 'wenda.db'));
    let writes = 0;
    const searches = sqliteSearches(db, (() => {}) as never, () => writes++);
    await searches.recordSearch({ query: 'a', outcome: 'results', results: 1 }, NOW);
    await searches.recordSearchClick({ query: 'a', page: '/faq/a/', position: 1 }, NOW);
    await searches.recordSearchClick({ query: 'b', page: '/faq/a/', position: 1 }, NOW);
    expect(writes).toBe(2);
    db.close();
  });
});

describe('failed searches of all time', () => {
  test('are the searches without a sure answer, per query, most frequent first', async () => {
    const s = fresh();
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
    // To the hour only.
    await s.recordSearch({ query: '下崽', outcome: 'none', results: 0 }, new Date('2026-12-07T05:59:59.999Z'));
    expect((await s.searchMisses(all)).find((m) => m.query === '下崽')!.lastSeen).toBe('2026-12-07T05:00:00.000Z');
    expect(await s.countSearchMisses()).toBe(2);
  });

  test('migration 3 keeps the old table’s failed searches: query, count, first and last seen', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wenda-searches-'));
    const db = new DatabaseSync(join(dataDir, 'wenda.db'));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((m) => m.version <= 2)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01T00:00:00.000Z');
    }
    const old = db.prepare('INSERT INTO search_misses VALUES (?, ?, ?, ?)');
    old.run('增值税发票', 7, '2026-11-01T02:00:00.000Z', '2026-12-06T17:00:00.000Z');
    old.run('vip', 3, '2026-12-05T01:00:00.000Z', '2026-12-05T09:00:00.000Z');
    old.run('下崽', 1, '2026-11-30T16:30:00.000Z', '2026-11-30T16:30:00.000Z');
    db.close();

    const s = open();
    expect(await s.searchMisses(all)).toEqual([
      { query: '增值税发票', count: 7, firstSeen: '2026-11-01T02:00:00.000Z', lastSeen: '2026-12-06T17:00:00.000Z' },
      { query: 'vip', count: 3, firstSeen: '2026-12-05T01:00:00.000Z', lastSeen: '2026-12-05T09:00:00.000Z' },
      { query: '下崽', count: 1, firstSeen: '2026-11-30T16:30:00.000Z', lastSeen: '2026-11-30T16:30:00.000Z' },
    ]);
    // On China's days: the first search on the first day, the rest on the last.
    expect(await s.searchQueries({ from: '2026-12-07', to: '2026-12-07' }, 'no-answer', all)).toMatchObject([{ query: '增值税发票', searches: 6, outcomes: { none: 6 } }]);
    expect(await s.searchQueries({ from: '2026-11-01', to: '2026-11-01' }, 'no-answer', all)).toMatchObject([{ query: '增值税发票', searches: 1 }]);
    expect(await s.searchQueries({ from: '2026-12-01', to: '2026-12-01' }, 'all', all)).toMatchObject([{ query: '下崽', searches: 1 }]);
    s.close();
    const after = new DatabaseSync(join(dataDir, 'wenda.db'), { readOnly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'search_misses'").all()).toEqual([]);
    after.close();
  });
});
