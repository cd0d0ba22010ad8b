// Search analytics in the SQLite store (tables of migration 3): one row per day, query
// and outcome with its searches, and one per day, query, result page and position with
// its clicks. The store grows with distinct queries a day, not with traffic, and keeps
// nothing about who searched (the first and last search of a day to the hour only). Failed searches of all time are a view of the same rows.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { chinaDate } from '../lib/china-time.ts';
import { dayBefore, SEARCH_OUTCOMES, type DayRange, type SearchOutcomeKind } from '../lib/search/analytics.ts';
import type { ArticleStats, Page, QueryFilter, QueryStats, SearchMiss, SearchTotals, Snapshot, Store } from './types.ts';

/** Reads every row of `sql` from one snapshot, in batches (the store's own `snapshot`; its batch size when not given). */
export type SnapshotReader = <Row, T>(sql: string, map: (row: Row) => T, batchSize?: number) => AsyncGenerator<T[], void, undefined>;

type SearchMethods = Pick<
  Store,
  | 'recordSearch'
  | 'recordSearchClick'
  | 'searchTotals'
  | 'searchQueries'
  | 'countSearchQueries'
  | 'allSearchQueries'
  | 'articlesFromSearch'
  | 'countArticlesFromSearch'
  | 'allArticlesFromSearch'
  | 'searchMisses'
  | 'countSearchMisses'
  | 'allSearchMisses'
>;

const HOUR_MS = 3_600_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day as an SQL literal, for the snapshot reader (which takes no parameters): only `YYYY-MM-DD` passes. */
function dayLiteral(day: string): string {
  if (!DAY.test(day)) throw new RangeError(`not a day: ${day}`);
  return `'${day}'`;
}
const inRange = ({ from, to }: DayRange) => `day BETWEEN ${dayLiteral(from)} AND ${dayLiteral(to)}`;

const outcomeSums = SEARCH_OUTCOMES.map((o) => `SUM(CASE WHEN outcome = '${o}' THEN searches ELSE 0 END) AS "${o}"`).join(', ');
const UNANSWERED = `("partial" + "guess" + "none")`;
const FILTERS: Record<QueryFilter, { where: string; order: string }> = {
  all: { where: '', order: 'ORDER BY searches DESC, clicks DESC, query' },
  'no-click': { where: 'WHERE result_total > 0 AND clicks = 0', order: 'ORDER BY searches DESC, query' },
  'no-answer': { where: `WHERE ${UNANSWERED} > 0`, order: `ORDER BY ${UNANSWERED} DESC, searches DESC, query` },
};

/** Per query in the range: its searches by outcome and its clicks, in the filter's order (`extra`: a LIMIT); or `count` them. */
const queriesSql = (range: DayRange, filter: QueryFilter, { extra = '', count = false } = {}) => `
  WITH searched AS (
    SELECT query, SUM(searches) AS searches, ${outcomeSums}, SUM(result_total) AS result_total, MAX(day) AS last_day
    FROM search_days WHERE ${inRange(range)} GROUP BY query
  ), clicked AS (
    SELECT query, SUM(clicks) AS clicks, SUM(clicks * position) AS position_sum
    FROM search_clicks WHERE ${inRange(range)} GROUP BY query
  ), merged AS (
    SELECT searched.*, COALESCE(clicked.clicks, 0) AS clicks, COALESCE(clicked.position_sum, 0) AS position_sum
    FROM searched LEFT JOIN clicked USING (query)
  )
  SELECT ${count ? 'COUNT(*) AS n' : '*'} FROM merged ${FILTERS[filter].where} ${count ? '' : FILTERS[filter].order} ${extra}`;

const ARTICLE_ORDER = 'ORDER BY clicks DESC, page';
const articlesSql = (range: DayRange, extra = '') => `
  SELECT page, SUM(clicks) AS clicks, COUNT(DISTINCT query) AS queries, SUM(clicks * position) AS position_sum, (
    SELECT query FROM search_clicks AS other WHERE other.page = c.page AND ${inRange(range)}
    GROUP BY query ORDER BY SUM(clicks) DESC, query LIMIT 1
  ) AS top_query
  FROM search_clicks AS c WHERE ${inRange(range)} GROUP BY page ${ARTICLE_ORDER} ${extra}`;

const MISSES_SQL = `
  SELECT query, SUM(searches) AS count, MIN(first_seen) AS first_seen, MAX(last_seen) AS last_seen
  FROM search_days WHERE outcome <> 'results' GROUP BY query
  ORDER BY count DESC, last_seen DESC, query`;

type QueryRow = { query: string; searches: number; result_total: number; clicks: number; position_sum: number; last_day: string } & Record<SearchOutcomeKind, number>;
type ArticleRow = { page: string; clicks: number; queries: number; position_sum: number; top_query: string };
type MissRow = { query: string; count: number; first_seen: string; last_seen: string };

const outcomesOf = (row: Record<SearchOutcomeKind, number | null>) =>
  Object.fromEntries(SEARCH_OUTCOMES.map((o) => [o, Number(row[o] ?? 0)])) as Record<SearchOutcomeKind, number>;
const toQuery = (row: QueryRow): QueryStats => ({
  query: row.query,
  searches: Number(row.searches),
  outcomes: outcomesOf(row),
  resultTotal: Number(row.result_total),
  clicks: Number(row.clicks),
  positionSum: Number(row.position_sum),
  lastDay: row.last_day,
});
const toArticle = (row: ArticleRow): ArticleStats => ({
  page: row.page,
  clicks: Number(row.clicks),
  queries: Number(row.queries),
  positionSum: Number(row.position_sum),
  topQuery: row.top_query,
});
const toMiss = (row: MissRow): SearchMiss => ({ query: row.query, count: Number(row.count), firstSeen: row.first_seen, lastSeen: row.last_seen });

/**
 * The analytics methods of the store on `db`. `written` is called after each write (the
 * store counts them, e.g. to checkpoint its log).
 */
export function sqliteSearches(db: DatabaseSync, snapshot: SnapshotReader, written: () => void = () => {}): SearchMethods {
  const q = {
    recordSearch: db.prepare(
      `INSERT INTO search_days (day, query, outcome, searches, result_total, first_seen, last_seen) VALUES (?, ?, ?, 1, ?, ?, ?)
       ON CONFLICT (day, query, outcome) DO UPDATE SET searches = searches + 1, result_total = result_total + excluded.result_total, last_seen = excluded.last_seen`,
    ),
    // Only for a query searched that day or the day before (a search just before midnight).
    recordClick: db.prepare(
      `INSERT INTO search_clicks (day, query, page, position, clicks)
       SELECT ?1, ?2, ?3, ?4, 1 WHERE EXISTS (SELECT 1 FROM search_days WHERE day IN (?1, ?5) AND query = ?2)
       ON CONFLICT (day, query, page, position) DO UPDATE SET clicks = clicks + 1`,
    ),
    listMisses: db.prepare(`${MISSES_SQL} LIMIT ? OFFSET ?`),
    countMisses: db.prepare(`SELECT COUNT(DISTINCT query) AS n FROM search_days WHERE outcome <> 'results'`),
  };
  const count = (statement: StatementSync, ...params: (string | number)[]) => Number((statement.get(...params) as { n: number }).n);

  return {
    async recordSearch({ query, outcome, results }, at = new Date()) {
      // The hour only: an exact time could be matched with a proxy's access log.
      const hour = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS).toISOString();
      q.recordSearch.run(chinaDate(at), query, outcome, results, hour, hour);
      written();
    },
    async recordSearchClick({ query, page, position }, at = new Date()) {
      const day = chinaDate(at);
      const counted = Number(q.recordClick.run(day, query, page, position, dayBefore(day)).changes) > 0;
      if (counted) written();
      return counted;
    },
    async searchTotals(range) {
      const searched = db.prepare(`SELECT COALESCE(SUM(searches), 0) AS searches, ${outcomeSums}, COUNT(DISTINCT query) AS queries FROM search_days WHERE ${inRange(range)}`).get() as Record<
        SearchOutcomeKind | 'searches' | 'queries',
        number | null
      >;
      const clicked = db.prepare(`SELECT COALESCE(SUM(clicks), 0) AS clicks, COALESCE(SUM(clicks * position), 0) AS position_sum FROM search_clicks WHERE ${inRange(range)}`).get() as {
        clicks: number;
        position_sum: number;
      };
      return {
        searches: Number(searched.searches),
        outcomes: outcomesOf(searched),
        queries: Number(searched.queries),
        clicks: Number(clicked.clicks),
        positionSum: Number(clicked.position_sum),
      } satisfies SearchTotals;
    },
    async searchQueries(range, filter, { limit, offset }: Page) {
      return (db.prepare(queriesSql(range, filter, { extra: 'LIMIT ? OFFSET ?' })).all(limit, offset) as QueryRow[]).map(toQuery);
    },
    async countSearchQueries(range, filter) {
      return count(db.prepare(queriesSql(range, filter, { count: true })));
    },
    allSearchQueries(range, filter, batchSize): Snapshot<QueryStats> {
      return snapshot(queriesSql(range, filter), toQuery, batchSize);
    },
    async articlesFromSearch(range, { limit, offset }: Page) {
      return (db.prepare(articlesSql(range, 'LIMIT ? OFFSET ?')).all(limit, offset) as ArticleRow[]).map(toArticle);
    },
    async countArticlesFromSearch(range) {
      return count(db.prepare(`SELECT COUNT(DISTINCT page) AS n FROM search_clicks WHERE ${inRange(range)}`));
    },
    allArticlesFromSearch(range, batchSize): Snapshot<ArticleStats> {
      return snapshot(articlesSql(range), toArticle, batchSize);
    },
    async searchMisses({ limit, offset }: Page) {
      return (q.listMisses.all(limit, offset) as MissRow[]).map(toMiss);
    },
    async countSearchMisses() {
      return count(q.countMisses);
    },
    allSearchMisses(batchSize): Snapshot<SearchMiss> {
      return snapshot(MISSES_SQL, toMiss, batchSize);
    },
  };
}
