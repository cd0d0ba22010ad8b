// The embedded store: one SQLite file through node:sqlite, WAL mode, migrations applied
// at open. Synchronous calls behind the async Store interface.
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './migrations.ts';
import { newQuoteId, newReference } from './ids.ts';
import { sqliteSearches } from './sqlite-searches.ts';
import type { DiagnosticsReport, FeedbackVote, Page, PageFeedback, SavedQuote, Snapshot, Store } from './types.ts';

/** The data directory cannot be used; the message says which and why. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

const LATEST_COMMENTS = 5;
/** Rows per batch when a whole list is read (an export). */
const SNAPSHOT_BATCH = 500;

// One order for a list's pages and its whole: the last key (rowid, which each index ends
// with) makes it total, so rows that tie are never split differently by two pages.
const QUOTE_ORDER = 'ORDER BY created_at DESC, rowid DESC';
// Feedback is one row per page (a group, so no rowid): the page, unique, settles ties.
const FEEDBACK_ORDER = 'ORDER BY last_vote_at DESC, page';

/**
 * Feedback per page, in FEEDBACK_ORDER, `extra` (a LIMIT) applied before each listed
 * page's latest comments are looked up: those come as a JSON array in `comments`.
 */
const feedbackSql = (extra = '') => `
  WITH totals AS (
    SELECT page, SUM(helpful) AS helpful, SUM(1 - helpful) AS not_helpful, MAX(created_at) AS last_vote_at
    FROM feedback GROUP BY page ${FEEDBACK_ORDER} ${extra}
  )
  SELECT totals.*, (
    SELECT json_group_array(json_object('comment', comment, 'helpful', helpful, 'createdAt', created_at) ORDER BY created_at DESC, id DESC)
    FROM (
      SELECT id, comment, helpful, created_at FROM feedback
      WHERE feedback.page = totals.page AND comment IS NOT NULL AND comment <> ''
      ORDER BY created_at DESC, id DESC LIMIT ${LATEST_COMMENTS}
    )
  ) AS comments
  FROM totals ${FEEDBACK_ORDER}`;

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
/**
 * Besides, the store checkpoints itself after this many writes: a write that ends without
 * SQLite's own checkpoint (see `returning` below) cannot make the log grow for long.
 */
const CHECKPOINT_EVERY_WRITES = 250;

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

const isUniqueViolation = (error: unknown) => error instanceof Error && /UNIQUE constraint failed/.test(error.message);

/** Opens (or creates) `<dataDir>/wenda.db`. */
export function openSqliteStore(dataDir: string): Store {
  ensureWritableDir(dataDir);
  const file = join(dataDir, 'wenda.db');
  const db = openDatabase(file);
  try {
    applyMigrations(db, file);
  } catch (error) {
    db.close();
    throw error;
  }

  const q = {
    insertQuote: db.prepare('INSERT INTO quotes (id, input, estimate, price_list_version, created_at) VALUES (?, ?, ?, ?, ?)'),
    getQuote: db.prepare('SELECT * FROM quotes WHERE id = ?'),
    listQuotes: db.prepare(`SELECT * FROM quotes ${QUOTE_ORDER} LIMIT ? OFFSET ?`),
    countQuotes: db.prepare('SELECT COUNT(*) AS n FROM quotes'),
    insertFeedback: db.prepare(
      `INSERT INTO feedback (page, helpful, comment, created_at, voter) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (page, voter) WHERE voter IS NOT NULL DO UPDATE SET helpful = excluded.helpful, comment = excluded.comment, created_at = excluded.created_at
       RETURNING id`,
    ),
    listFeedback: db.prepare(feedbackSql('LIMIT ? OFFSET ?')),
    countFeedback: db.prepare('SELECT COUNT(DISTINCT page) AS n FROM feedback'),
    insertReport: db.prepare('INSERT INTO diagnostics_reports (id, report, created_at) VALUES (?, ?, ?)'),
    getReport: db.prepare('SELECT * FROM diagnostics_reports WHERE id = ?'),
    ping: db.prepare('SELECT 1 AS ok'),
    checkpoint: db.prepare('PRAGMA wal_checkpoint(PASSIVE)'),
  };

  let writesSinceCheckpoint = 0;
  /** Counts a write, and checkpoints every CHECKPOINT_EVERY_WRITES of them. */
  function written(): void {
    if (++writesSinceCheckpoint < CHECKPOINT_EVERY_WRITES) return;
    writesSinceCheckpoint = 0;
    q.checkpoint.all();
  }

  type QuoteRow = { id: string; input: string; estimate: string; price_list_version: string; created_at: string };
  type FeedbackRow = { page: string; helpful: number; not_helpful: number; last_vote_at: string; comments: string };
  const toQuote = (row: QuoteRow): SavedQuote => ({
    id: row.id,
    input: JSON.parse(row.input),
    estimate: JSON.parse(row.estimate),
    priceListVersion: row.price_list_version,
    createdAt: row.created_at,
  });
  const toFeedback = (row: FeedbackRow): PageFeedback => ({
    page: row.page,
    helpful: row.helpful,
    notHelpful: row.not_helpful,
    lastVoteAt: row.last_vote_at,
    latestComments: (JSON.parse(row.comments) as { comment: string; helpful: number; createdAt: string }[]).map((c) => ({ ...c, helpful: c.helpful === 1 })),
  });
  const count = (statement: StatementSync) => Number((statement.get() as { n: number }).n);

  /**
   * The rows of `sql` in batches, from a read transaction on a connection of its own: in
   * WAL mode it sees the database as it was at the first row while writes go on, and
   * only one row at a time is held besides the batch. Ends (and closes) when the last
   * batch is taken or the caller stops early.
   */
  async function* snapshot<Row, T>(sql: string, map: (row: Row) => T, batchSize: number): AsyncGenerator<T[], void, undefined> {
    const reader = new DatabaseSync(file, { readOnly: true });
    try {
      reader.exec('PRAGMA busy_timeout = 5000; BEGIN');
      let batch: T[] = [];
      for (const row of reader.prepare(sql).iterate() as Iterable<Row>) {
        batch.push(map(row));
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    } finally {
      reader.close();
    }
  }

  /**
   * The rows a write's RETURNING clause gives. Such a statement must be stepped to its
   * end (all()): get() and run() step it once and then reset it, and SQLite commits a
   * write ended by a reset without running the WAL hook, which is where the automatic
   * checkpoint happens; the log then grows without end while wenda.db stays as it was.
   */
  const returning = (statement: StatementSync, ...params: SQLInputValue[]) => statement.all(...params);

  /** Inserts with a fresh random id, retrying on the (rare) collision. */
  function insertWithNewId(newId: () => string, insert: (id: string) => void): string {
    for (let attempt = 0; ; attempt++) {
      const id = newId();
      try {
        insert(id);
        return id;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  return {
    kind: 'sqlite',
    async saveQuote(quote) {
      const createdAt = new Date().toISOString();
      const id = insertWithNewId(newQuoteId, (id) =>
        q.insertQuote.run(id, JSON.stringify(quote.input), JSON.stringify(quote.estimate), quote.priceListVersion, createdAt),
      );
      written();
      return { ...quote, id, createdAt };
    },
    async getQuote(id) {
      const row = q.getQuote.get(id) as QuoteRow | undefined;
      return row && toQuote(row);
    },
    async listQuotes({ limit, offset }: Page) {
      return (q.listQuotes.all(limit, offset) as QuoteRow[]).map(toQuote);
    },
    async countQuotes() {
      return count(q.countQuotes);
    },
    allQuotes(batchSize = SNAPSHOT_BATCH): Snapshot<SavedQuote> {
      return snapshot(`SELECT * FROM quotes ${QUOTE_ORDER}`, toQuote, batchSize);
    },
    async addFeedback(vote: FeedbackVote) {
      const createdAt = new Date().toISOString();
      // RETURNING gives the row's own id on an update too (lastInsertRowid would not).
      // all(), never get() or run(): see `returning`.
      const [row] = returning(q.insertFeedback, vote.page, vote.helpful ? 1 : 0, vote.comment?.trim() || null, createdAt, vote.voter ?? null) as [{ id: number }];
      written();
      return { id: Number(row.id), createdAt };
    },
    async feedbackByPage({ limit, offset }: Page): Promise<PageFeedback[]> {
      return (q.listFeedback.all(limit, offset) as FeedbackRow[]).map(toFeedback);
    },
    async countFeedbackPages() {
      return count(q.countFeedback);
    },
    allFeedbackByPage(batchSize = SNAPSHOT_BATCH): Snapshot<PageFeedback> {
      return snapshot(feedbackSql(), toFeedback, batchSize);
    },
    // Search analytics and failed searches (src/store/sqlite-searches.ts); their writes count towards the checkpoint.
    ...sqliteSearches(db, (sql, map, batchSize = SNAPSHOT_BATCH) => snapshot(sql, map, batchSize), written),
    async saveDiagnosticsReport(report): Promise<DiagnosticsReport> {
      const createdAt = new Date().toISOString();
      const id = insertWithNewId(newReference, (id) => q.insertReport.run(id, JSON.stringify(report), createdAt));
      written();
      return { id, report, createdAt };
    },
    async getDiagnosticsReport(id) {
      const row = q.getReport.get(id) as { id: string; report: string; created_at: string } | undefined;
      return row && { id: row.id, report: JSON.parse(row.report), createdAt: row.created_at };
    },
    async ping() {
      return (q.ping.get() as { ok: number } | undefined)?.ok === 1;
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}
