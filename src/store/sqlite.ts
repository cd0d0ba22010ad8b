// The embedded store: one SQLite file through node:sqlite, WAL mode, migrations applied
// at open (sqlite-open.ts). Synchronous calls behind the async Store interface; the SQL
// is in sqlite-statements.ts, the rows' mapping in sqlite-rows.ts, search analytics in
// sqlite-searches.ts.
import { DatabaseSync } from 'node:sqlite';
import { newQuoteId, newReference } from './ids.ts';
import { openMigratedDatabase } from './sqlite-open.ts';
import { toFeedback, toQuote, toReport, type FeedbackRow, type QuoteRow, type ReportRow } from './sqlite-rows.ts';
import { count, FEEDBACK_SQL_ALL, prepareStatements, QUOTES_SQL_ALL, returning } from './sqlite-statements.ts';
import { sqliteSearches } from './sqlite-searches.ts';
import type { DiagnosticsReport, FeedbackVote, Page, PageFeedback, SavedQuote, Snapshot, Store } from './types.ts';

/** Rows per batch when a whole list is read (an export). */
const SNAPSHOT_BATCH = 500;
/**
 * Besides SQLite's own checkpoints (sqlite-open.ts), the store checkpoints itself after
 * this many writes: a write that ends without SQLite's own checkpoint (see `returning` in
 * sqlite-statements.ts) cannot make the log grow for long.
 */
const CHECKPOINT_EVERY_WRITES = 250;

const isUniqueViolation = (error: unknown) => error instanceof Error && /UNIQUE constraint failed/.test(error.message);

/** Opens (or creates) `<dataDir>/wenda.db`. */
export function openSqliteStore(dataDir: string): Store {
  const { db, file } = openMigratedDatabase(dataDir);
  const q = prepareStatements(db);

  let writesSinceCheckpoint = 0;
  /** Counts a write, and checkpoints every CHECKPOINT_EVERY_WRITES of them. */
  function written(): void {
    if (++writesSinceCheckpoint < CHECKPOINT_EVERY_WRITES) return;
    writesSinceCheckpoint = 0;
    q.checkpoint.all();
  }

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
      return snapshot(QUOTES_SQL_ALL, toQuote, batchSize);
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
      return snapshot(FEEDBACK_SQL_ALL, toFeedback, batchSize);
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
      const row = q.getReport.get(id) as ReportRow | undefined;
      return row && toReport(row);
    },
    async listDiagnosticsReports({ limit, offset }: Page) {
      return (q.listReports.all(limit, offset) as ReportRow[]).map(toReport);
    },
    async countDiagnosticsReports() {
      return count(q.countReports);
    },
    async ping() {
      return (q.ping.get() as { ok: number } | undefined)?.ok === 1;
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}
