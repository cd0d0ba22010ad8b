// Opening the SQLite file: the data directory checked, the file opened in WAL mode with
// its checkpoint policy, and the migrations (migrations.ts) applied. Errors a person can
// act on come as StoreOpenError, naming the directory or file.
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreOpenError } from './errors.ts';
import { migrations } from './migrations.ts';

// Where the server and the CLIs have always found it.
export { StoreOpenError } from './errors.ts';

/** Creates `dir` if needed and proves a file can be written there. */
function ensureWritableDir(dir: string): void {
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreOpenError(`数据目录 ${dir} 不可写（${reason}）。请设置 WENDA_DATA_DIR 为一个可写的目录。`);
  }
}

/**
 * The log's bound. SQLite copies the log (wenda.db-wal) into wenda.db once it holds this
 * many pages (4 KB each) after a commit; the log then starts again from its beginning, and
 * a file grown past JOURNAL_SIZE_LIMIT is cut back to it. Only a read held open all that
 * time (a long export) keeps the log growing, until the read ends.
 */
const AUTOCHECKPOINT_PAGES = 1000;
const JOURNAL_SIZE_LIMIT = 8 * 1024 * 1024;
/** SQLite's result code for a file whose header is not a database's. */
const SQLITE_NOTADB = 26;

/** Opens the file and sets it up; SQLite reads the header (and may refuse it) at the first statement. */
function openDatabase(file: string): DatabaseSync {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file);
    db.exec(
      `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;
       PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}; PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT};`,
    );
    // A log left long by a crash (or by an older Wenda) goes into wenda.db now, not at the next thousand pages.
    db.prepare('PRAGMA wal_checkpoint(PASSIVE)').all();
    return db;
  } catch (error) {
    if (db?.isOpen) db.close();
    if ((error as { errcode?: number }).errcode === SQLITE_NOTADB) {
      throw new StoreOpenError(`数据文件 ${file} 不是 SQLite 数据库（放错了文件，或文件已损坏），没有改动它：请把 WENDA_DATA_DIR 指向 Wenda 的数据目录，或把这个文件移走。`);
    }
    throw new StoreOpenError(`打不开数据文件 ${file}（${(error as Error).message}）。`);
  }
}

function applyMigrations(db: DatabaseSync, file: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  // A newer Wenda wrote this file: its tables may not be what this code expects.
  const found = Number((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0);
  const known = migrations.at(-1)?.version ?? 0;
  if (found > known) {
    throw new StoreOpenError(
      `数据文件 ${file} 的结构版本是 ${found}，这个版本的 Wenda 只认识到 ${known}：它已被更新版本的 Wenda 用过。请运行那个更新的版本，或换回与这个版本相配的数据备份。`,
    );
  }
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  for (const migration of migrations) {
    if (isApplied.get(migration.version)) continue;
    db.exec('BEGIN IMMEDIATE');
    // Checked again under the lock: another process starting at the same time may have applied it.
    if (isApplied.get(migration.version)) {
      db.exec('COMMIT');
      continue;
    }
    try {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new StoreOpenError(`数据库迁移 ${migration.version}（${migration.name}）失败：${(error as Error).message}`);
    }
  }
}

/** Opens (or creates) `<dataDir>/wenda.db`, migrated to the latest version; `file` is its path. */
export function openMigratedDatabase(dataDir: string): { db: DatabaseSync; file: string } {
  ensureWritableDir(dataDir);
  const file = join(dataDir, 'wenda.db');
  const db = openDatabase(file);
  try {
    applyMigrations(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, file };
}
