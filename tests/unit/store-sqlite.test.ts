// The SQLite store's whole-list reads (exports): every row once, in the list's order, in
// batches, from a snapshot that writes made meanwhile do not disturb. And its log (the
// -wal file), which writes of every kind keep checkpointed into wenda.db.
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';

let dataDir: string;
let store: Store;
afterEach(() => {
  vi.useRealTimers();
  store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
function open() {
  dataDir = mkdtempSync(join(tmpdir(), 'wenda-store-'));
  store = openSqliteStore(dataDir);
  return store;
}

const quote = (robots: number) => ({ input: { robots }, estimate: { totalCost: robots }, priceListVersion: 'v1' });

async function collect<T>(batches: AsyncIterable<T[]>) {
  const sizes: number[] = [];
  const rows: T[] = [];
  for await (const batch of batches) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { sizes, rows };
}

describe('whole lists', () => {
  test('quotes: all of them, newest first as the pages list them, in batches; counted', async () => {
    const s = open();
    for (let i = 1; i <= 23; i++) await s.saveQuote(quote(i));
    const { sizes, rows } = await collect(s.allQuotes(10));
    expect(sizes).toEqual([10, 10, 3]);
    const paged = [...(await s.listQuotes({ limit: 20, offset: 0 })), ...(await s.listQuotes({ limit: 20, offset: 20 }))];
    expect(rows).toEqual(paged);
    expect(rows.map((q) => (q.input as { robots: number }).robots)).toEqual(Array.from({ length: 23 }, (_, i) => 23 - i));
    expect(await s.countQuotes()).toBe(23);
  });

  test('failed searches: all of them in page order, ties (same count and time) kept in one order', async () => {
    const s = open();
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

  test('feedback: one row per page, most recent vote first, ties (same time) by page, in page order; counted; five latest comments each', async () => {
    const s = open();
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

  test('an empty list gives no batch', async () => {
    const s = open();
    expect((await collect(s.allQuotes())).sizes).toEqual([]);
    expect((await collect(s.allSearchMisses())).sizes).toEqual([]);
    expect((await collect(s.allFeedbackByPage())).sizes).toEqual([]);
    expect(await s.countQuotes()).toBe(0);
    expect(await s.countFeedbackPages()).toBe(0);
    expect(await s.feedbackByPage({ limit: 10, offset: 0 })).toEqual([]);
  });

  test('votes while the feedback list is read neither add pages nor change the counts in it', async () => {
    const s = open();
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
    const s = open();
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

  test('stopping early ends the read: nothing holds the log back afterwards', async () => {
    const s = open();
    for (let i = 0; i < 20; i++) await s.saveQuote(quote(i));
    for await (const batch of s.allQuotes(5)) {
      expect(batch).toHaveLength(5);
      break;
    }
    await s.saveQuote(quote(99));
    const other = new DatabaseSync(join(dataDir, 'wenda.db'));
    // busy = 1 if a reader still held an old snapshot.
    expect(other.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get()).toMatchObject({ busy: 0 });
    other.close();
  });
});

describe('the log', () => {
  const MB = 1024 * 1024;
  const sizeOf = (name: string) => statSync(join(dataDir, name)).size;

  // Votes alone once grew wenda.db-wal without end (a gigabyte in a minute) while
  // wenda.db stayed empty: their statement never reached SQLite's checkpoint.
  /** Rows of `table` in wenda.db alone, copied without its log. */
  function rowsInFileAlone(table: string): number {
    const copy = mkdtempSync(join(tmpdir(), 'wenda-store-copy-'));
    try {
      copyFileSync(join(dataDir, 'wenda.db'), join(copy, 'wenda.db'));
      const alone = new DatabaseSync(join(copy, 'wenda.db'), { readOnly: true });
      try {
        return Number((alone.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
      } catch {
        return 0; // not even the table: the schema is still in the log only
      } finally {
        alone.close();
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  test('votes alone are checkpointed into wenda.db: the log stays small', async () => {
    const s = open();
    for (let i = 0; i < 3000; i++) await s.addFeedback({ page: `/p/${i % 40}/`, helpful: i % 3 > 0, voter: `voter-${i}` });
    expect(sizeOf('wenda.db-wal')).toBeLessThan(16 * MB);
    // The votes are in the database file itself, not only in the log.
    expect(rowsInFileAlone('feedback')).toBeGreaterThan(2000);
  });

  test('a long log found at start (left by a crash, or an older Wenda) goes into wenda.db then', async () => {
    open().close();
    // Another connection that never checkpoints, still open (as a killed server leaves it).
    const other = new DatabaseSync(join(dataDir, 'wenda.db'));
    other.exec('PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = OFF');
    const insert = other.prepare(`INSERT INTO diagnostics_reports (id, report, created_at) VALUES (?, '{}', '')`);
    for (let i = 0; i < 2000; i++) insert.run(`r${i}`);
    expect(rowsInFileAlone('diagnostics_reports')).toBe(0);
    store = openSqliteStore(dataDir);
    expect(rowsInFileAlone('diagnostics_reports')).toBe(2000);
    other.close();
  });
});
