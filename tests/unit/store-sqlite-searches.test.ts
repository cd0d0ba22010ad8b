// Search analytics in the SQLite file: daily totals per query and outcome (one row each,
// nothing about who searched), the store told of each write, and the old failed-search
// table carried over by migration 3. What both stores answer (the 7/30/90-day views,
// failed searches of all time): the store contract, tests/support/store-contract.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import type { SearchOutcomeKind } from '../../src/lib/search/analytics.ts';
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

describe('failed searches of all time (the rest: tests/support/store-contract.ts)', () => {
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
