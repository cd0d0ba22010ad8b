// The SQLite store: the store contract (tests/support/store-contract.ts, which the
// PostgreSQL store passes too), a whole-list read stopped early letting go of the file,
// and its log (the -wal file), which writes of every kind keep checkpointed into wenda.db.
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { quote, storeContract } from '../support/store-contract.ts';

let dataDir: string;
let store: Store;
afterEach(() => {
  store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
function open() {
  dataDir = mkdtempSync(join(tmpdir(), 'wenda-store-'));
  store = openSqliteStore(dataDir);
  return store;
}


// Everything a store must answer, as the PostgreSQL store must too.
storeContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wenda-store-'));
  const store = openSqliteStore(dir);
  return {
    store,
    async close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('whole lists, on the file', () => {
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
