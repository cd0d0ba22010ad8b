// The online backup against a store that keeps writing from another connection: it must
// end (a copy made in many steps starts over at every write of another connection) and
// hold what was there when it started.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, expect, test } from 'vitest';
import { backupStore } from '../../src/store/backup.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wenda-backup-unit-'));
  dirs.push(dir);
  return dir;
};

test('a backup ends while another connection writes every millisecond, and holds every row written before it', { timeout: 20_000 }, async () => {
  const dataDir = tempDir();
  const store = openSqliteStore(dataDir);
  const input = { robots: 3, monthlyConversations: 80_000, note: 'x'.repeat(4000) };
  for (let i = 0; i < 2000; i++) await store.saveQuote({ input, estimate: { totalCost: i }, priceListVersion: 'v1' });
  let writes = 0;
  const writer = setInterval(() => {
    void store.recordSearch({ query: `during ${writes++}`, outcome: 'none', results: 0 });
  }, 1);
  try {
    const out = tempDir();
    const result = await backupStore(dataDir, join(out, 'copy.db'));
    expect(writes).toBeGreaterThan(0);
    expect(result.rows.quotes).toBe(2000);
    expect(readdirSync(out)).toEqual(['copy.db']);
    const copy = new DatabaseSync(join(out, 'copy.db'), { readOnly: true });
    expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect(copy.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'delete' });
    copy.close();
  } finally {
    clearInterval(writer);
    store.close();
  }
});
