// The store's SQL: its prepared statements, the orders lists are read in, and the one
// rule for writes with RETURNING. Row shapes and their mapping: sqlite-rows.ts.
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

const LATEST_COMMENTS = 5;
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

/** Whole lists, for an export: the same order as the pages'. */
export const QUOTES_SQL_ALL = `SELECT * FROM quotes ${QUOTE_ORDER}`;
export const FEEDBACK_SQL_ALL = feedbackSql();

/** The store's statements, prepared once on `db`. */
export function prepareStatements(db: DatabaseSync) {
  return {
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
    // Reports are few (each is a customer pressing 发送): no index on created_at.
    listReports: db.prepare('SELECT * FROM diagnostics_reports ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?'),
    countReports: db.prepare('SELECT COUNT(*) AS n FROM diagnostics_reports'),
    ping: db.prepare('SELECT 1 AS ok'),
    checkpoint: db.prepare('PRAGMA wal_checkpoint(PASSIVE)'),
  };
}

/** The number a `SELECT COUNT(*) AS n` statement gives. */
export const count = (statement: StatementSync) => Number((statement.get() as { n: number }).n);

/**
 * The rows a write's RETURNING clause gives. Such a statement must be stepped to its
 * end (all()): get() and run() step it once and then reset it, and SQLite commits a
 * write ended by a reset without running the WAL hook, which is where the automatic
 * checkpoint happens; the log then grows without end while wenda.db stays as it was.
 */
export const returning = (statement: StatementSync, ...params: SQLInputValue[]) => statement.all(...params);
