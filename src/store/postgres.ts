// The store on PostgreSQL (WENDA_DATABASE_URL): any number of server processes share one
// database. The same answers as the SQLite store (sqlite.ts), table for table
// (postgres-migrations.ts): the contract tests (tests/support/store-contract.ts) hold
// both to it. A database that does not answer (stopped, unreachable, too slow) makes a
// call fail with StoreUnavailableError, which the API answers with 503; the pool
// reconnects by itself once it is back.
import type { Sql } from 'postgres';
import { chinaDate } from '../lib/china-time.ts';
import { dayBefore, type SearchOutcomeKind } from '../lib/search/analytics.ts';
import { StoreUnavailableError } from './errors.ts';
import { newQuoteId, newReference } from './ids.ts';
import { connect, isUnavailable, migratePostgres, type PostgresSettings } from './postgres-open.ts';
import { articlesSql, inRange, MISSES_SQL, outcomeSums, outcomesOf, queriesSql, toArticle, toMiss, toQuery, type ArticleRow, type MissRow, type QueryRow } from './search-rows.ts';
import type { DiagnosticsReport, FeedbackVote, Page, PageFeedback, SavedQuote, Snapshot, Store } from './types.ts';

/** Rows per batch when a whole list is read (an export), as the SQLite store. */
const SNAPSHOT_BATCH = 500;
const LATEST_COMMENTS = 5;
const HOUR_MS = 3_600_000;
const QUOTE_ORDER = 'ORDER BY created_at DESC, seq DESC';
const FEEDBACK_ORDER = 'ORDER BY last_vote_at DESC, page';

// JSON goes in and comes out as its text (`::text`), as SQLite keeps it: the driver's own
// json handling would encode a string twice.
const QUOTE_COLUMNS = 'id, input::text AS input, estimate::text AS estimate, price_list_version, created_at';
const QUOTES_SQL = `SELECT ${QUOTE_COLUMNS} FROM quotes ${QUOTE_ORDER}`;
const REPORTS_SQL = 'SELECT id, report::text AS report, created_at FROM diagnostics_reports';
const feedbackSql = (extra = '') => `
  WITH totals AS (
    SELECT page, COUNT(*) FILTER (WHERE helpful) AS helpful, COUNT(*) FILTER (WHERE NOT helpful) AS not_helpful, MAX(created_at) AS last_vote_at
    FROM feedback GROUP BY page ${FEEDBACK_ORDER} ${extra}
  )
  SELECT totals.*, COALESCE((
    SELECT json_agg(json_build_object('comment', comment, 'helpful', helpful, 'createdAt', created_at) ORDER BY created_at DESC, id DESC)
    FROM (
      SELECT id, comment, helpful, created_at FROM feedback
      WHERE feedback.page = totals.page AND comment IS NOT NULL AND comment <> ''
      ORDER BY created_at DESC, id DESC LIMIT ${LATEST_COMMENTS}
    ) AS latest
  )::text, '[]') AS comments
  FROM totals ${FEEDBACK_ORDER}`;

type QuoteRow = { id: string; input: string; estimate: string; price_list_version: string; created_at: Date };
type FeedbackRow = { page: string; helpful: string; not_helpful: string; last_vote_at: Date; comments: string };
type ReportRow = { id: string; report: string; created_at: Date };

const toQuote = (row: QuoteRow): SavedQuote => ({
  id: row.id,
  input: JSON.parse(row.input),
  estimate: JSON.parse(row.estimate),
  priceListVersion: row.price_list_version,
  createdAt: row.created_at.toISOString(),
});
const toFeedback = (row: FeedbackRow): PageFeedback => ({
  page: row.page,
  helpful: Number(row.helpful),
  notHelpful: Number(row.not_helpful),
  lastVoteAt: row.last_vote_at.toISOString(),
  // json_build_object writes times as `2026-01-01T00:37:00+00:00`: as ISO text, as SQLite keeps them.
  latestComments: (JSON.parse(row.comments) as { comment: string; helpful: boolean; createdAt: string }[]).map((c) => ({ comment: c.comment, helpful: c.helpful, createdAt: new Date(c.createdAt).toISOString() })),
});
const toReport = (row: ReportRow): DiagnosticsReport => ({ id: row.id, report: JSON.parse(row.report), createdAt: row.created_at.toISOString() });

/** `work`, with a database that does not answer turned into StoreUnavailableError. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error)) throw new StoreUnavailableError(`数据库暂时不可用（${(error as Error).message}）`, { cause: error });
    throw error;
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

export type PostgresStore = Store & {
  /** The pool, for the store's other users in this process (counters, price list). */
  readonly sql: Sql;
  /** Closes the pool and resolves once every connection is closed. */
  end(): Promise<void>;
};

export const isPostgresStore = (store: Store): store is PostgresStore => store.kind === 'postgresql' && 'sql' in store;

/** Connects, migrates (under the advisory lock) and returns the store. */
export async function openPostgresStore(settings: PostgresSettings): Promise<PostgresStore> {
  const sql = connect(settings);
  try {
    await migratePostgres(sql, settings.url);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
  return postgresStore(sql);
}

/** The store on a pool whose database is migrated. */
export function postgresStore(sql: Sql): PostgresStore {
  const rows = <Row>(text: string, params: (string | number)[] = []) => guarded(async () => (await sql.unsafe(text, params)) as unknown as Row[]);
  const count = async (text: string) => Number((await rows<{ n: string }>(text))[0]!.n);

  /**
   * The rows of `text` in batches, from a read-only REPEATABLE READ transaction on a
   * connection of its own, through a cursor: it sees the database as it was at the first
   * batch while writes go on. Ends (commits, gives the connection back) when the last
   * batch is taken or the caller stops early.
   */
  async function* snapshot<Row, T>(text: string, map: (row: Row) => T, batchSize = SNAPSHOT_BATCH): AsyncGenerator<T[], void, undefined> {
    const reserved = await guarded(() => sql.reserve());
    let began = false;
    try {
      await guarded(() => reserved.unsafe('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'));
      began = true;
      await guarded(() => reserved.unsafe(`DECLARE snapshot NO SCROLL CURSOR FOR ${text}`));
      for (;;) {
        const batch = (await guarded(() => reserved.unsafe(`FETCH ${Math.max(1, Math.floor(batchSize))} FROM snapshot`))) as unknown as Row[];
        if (batch.length) yield batch.map(map);
        if (batch.length < batchSize) break;
      }
    } finally {
      if (began) await reserved.unsafe('COMMIT').catch(() => {});
      reserved.release();
    }
  }

  /** Inserts with a fresh random id, retrying on the (rare) collision. */
  async function insertWithNewId(newId: () => string, insert: (id: string) => Promise<unknown>): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const id = newId();
      try {
        await guarded(() => insert(id));
        return id;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  return {
    kind: 'postgresql',
    sql,
    async saveQuote(quote) {
      const createdAt = new Date();
      const id = await insertWithNewId(
        newQuoteId,
        (id) => sql`INSERT INTO quotes (id, input, estimate, price_list_version, created_at)
          VALUES (${id}, ${JSON.stringify(quote.input)}::text::json, ${JSON.stringify(quote.estimate)}::text::json, ${quote.priceListVersion}, ${createdAt})`,
      );
      return { ...quote, id, createdAt: createdAt.toISOString() };
    },
    async getQuote(id) {
      const [row] = await rows<QuoteRow>(`SELECT ${QUOTE_COLUMNS} FROM quotes WHERE id = $1`, [id]);
      return row && toQuote(row);
    },
    async listQuotes({ limit, offset }: Page) {
      return (await rows<QuoteRow>(`${QUOTES_SQL} LIMIT $1 OFFSET $2`, [limit, offset])).map(toQuote);
    },
    async countQuotes() {
      return count('SELECT COUNT(*) AS n FROM quotes');
    },
    allQuotes(batchSize = SNAPSHOT_BATCH): Snapshot<SavedQuote> {
      return snapshot(QUOTES_SQL, toQuote, batchSize);
    },
    async addFeedback(vote: FeedbackVote) {
      const createdAt = new Date();
      const [row] = (await guarded(
        () => sql`INSERT INTO feedback (page, helpful, comment, created_at, voter)
          VALUES (${vote.page}, ${vote.helpful}, ${vote.comment?.trim() || null}, ${createdAt}, ${vote.voter ?? null})
          ON CONFLICT (page, voter) WHERE voter IS NOT NULL
          DO UPDATE SET helpful = excluded.helpful, comment = excluded.comment, created_at = excluded.created_at
          RETURNING id`,
      )) as unknown as [{ id: string }];
      return { id: Number(row.id), createdAt: createdAt.toISOString() };
    },
    async feedbackByPage({ limit, offset }: Page): Promise<PageFeedback[]> {
      return (await rows<FeedbackRow>(feedbackSql('LIMIT $1 OFFSET $2'), [limit, offset])).map(toFeedback);
    },
    async countFeedbackPages() {
      return count('SELECT COUNT(DISTINCT page) AS n FROM feedback');
    },
    allFeedbackByPage(batchSize = SNAPSHOT_BATCH): Snapshot<PageFeedback> {
      return snapshot(feedbackSql(), toFeedback, batchSize);
    },
    async recordSearch({ query, outcome, results }, at = new Date()) {
      // The hour only, as the SQLite store: an exact time could be matched with a proxy's access log.
      const hour = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
      await guarded(
        () => sql`INSERT INTO search_days (day, query, outcome, searches, result_total, first_seen, last_seen)
          VALUES (${chinaDate(at)}, ${query}, ${outcome}, 1, ${results}, ${hour}, ${hour})
          ON CONFLICT (day, query, outcome) DO UPDATE SET searches = search_days.searches + 1,
            result_total = search_days.result_total + excluded.result_total, last_seen = excluded.last_seen`,
      );
    },
    async recordSearchClick({ query, page, position }, at = new Date()) {
      const day = chinaDate(at);
      const result = await guarded(
        () => sql`INSERT INTO search_clicks (day, query, page, position, clicks)
          SELECT ${day}::date, ${query}::text, ${page}::text, ${position}::int, 1
          WHERE EXISTS (SELECT 1 FROM search_days WHERE day IN (${day}::date, ${dayBefore(day)}::date) AND query = ${query}::text)
          ON CONFLICT (day, query, page, position) DO UPDATE SET clicks = search_clicks.clicks + 1`,
      );
      return result.count > 0;
    },
    async searchTotals(range) {
      const [searched] = await rows<Record<SearchOutcomeKind | 'searches' | 'queries', string | null>>(
        `SELECT COALESCE(SUM(searches), 0) AS searches, ${outcomeSums}, COUNT(DISTINCT query) AS queries FROM search_days WHERE ${inRange(range)}`,
      );
      const [clicked] = await rows<{ clicks: string; position_sum: string }>(
        `SELECT COALESCE(SUM(clicks), 0) AS clicks, COALESCE(SUM(clicks * position), 0) AS position_sum FROM search_clicks WHERE ${inRange(range)}`,
      );
      return {
        searches: Number(searched!.searches),
        outcomes: outcomesOf(searched!),
        queries: Number(searched!.queries),
        clicks: Number(clicked!.clicks),
        positionSum: Number(clicked!.position_sum),
      };
    },
    async searchQueries(range, filter, { limit, offset }: Page) {
      return (await rows<QueryRow>(queriesSql(range, filter, { extra: 'LIMIT $1 OFFSET $2' }), [limit, offset])).map(toQuery);
    },
    async countSearchQueries(range, filter) {
      return count(queriesSql(range, filter, { count: true }));
    },
    allSearchQueries(range, filter, batchSize) {
      return snapshot(queriesSql(range, filter), toQuery, batchSize);
    },
    async articlesFromSearch(range, { limit, offset }: Page) {
      return (await rows<ArticleRow>(articlesSql(range, 'LIMIT $1 OFFSET $2'), [limit, offset])).map(toArticle);
    },
    async countArticlesFromSearch(range) {
      return count(`SELECT COUNT(DISTINCT page) AS n FROM search_clicks WHERE ${inRange(range)}`);
    },
    allArticlesFromSearch(range, batchSize) {
      return snapshot(articlesSql(range), toArticle, batchSize);
    },
    async searchMisses({ limit, offset }: Page) {
      return (await rows<MissRow>(`${MISSES_SQL} LIMIT $1 OFFSET $2`, [limit, offset])).map(toMiss);
    },
    async countSearchMisses() {
      return count(`SELECT COUNT(DISTINCT query) AS n FROM search_days WHERE outcome <> 'results'`);
    },
    allSearchMisses(batchSize) {
      return snapshot(MISSES_SQL, toMiss, batchSize);
    },
    async saveDiagnosticsReport(report): Promise<DiagnosticsReport> {
      const createdAt = new Date();
      const id = await insertWithNewId(newReference, (id) => sql`INSERT INTO diagnostics_reports (id, report, created_at) VALUES (${id}, ${JSON.stringify(report)}::text::json, ${createdAt})`);
      return { id, report, createdAt: createdAt.toISOString() };
    },
    async getDiagnosticsReport(id) {
      const [row] = await rows<ReportRow>(`${REPORTS_SQL} WHERE id = $1`, [id]);
      return row && toReport(row);
    },
    async listDiagnosticsReports({ limit, offset }: Page) {
      const found = await rows<ReportRow>(`${REPORTS_SQL} ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`, [limit, offset]);
      return found.map(toReport);
    },
    async countDiagnosticsReports() {
      return count('SELECT COUNT(*) AS n FROM diagnostics_reports');
    },
    async ping() {
      try {
        return (await rows<{ ok: number }>('SELECT 1 AS ok'))[0]?.ok === 1;
      } catch {
        return false;
      }
    },
    close() {
      void sql.end({ timeout: 5 });
    },
    end: () => sql.end({ timeout: 5 }),
  };
}

