// Search analytics in the SQLite store (tables of migration 3): one row per day, query
// and outcome with its searches, and one per day, query, result page and position with
// its clicks. The store grows with distinct queries a day, not with traffic, and keeps
// nothing about who searched (the first and last search of a day to the hour only). Failed searches of all time are a view of the same rows.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { chinaDate } from '../lib/china-time.ts';
import { dayBefore, type SearchOutcomeKind } from '../lib/search/analytics.ts';
import { articlesSql, inRange, MISSES_SQL, outcomeSums, outcomesOf, queriesSql, toArticle, toMiss, toQuery, type ArticleRow, type MissRow, type QueryRow } from './search-rows.ts';
import type { ArticleStats, Page, QueryStats, SearchMiss, SearchTotals, Snapshot, Store } from './types.ts';

/** Reads every row of `sql` from one snapshot, in batches (the store's own `snapshot`; its batch size when not given). */
export type SnapshotReader = <Row, T>(sql: string, map: (row: Row) => T, batchSize?: number) => AsyncGenerator<T[], void, undefined>;

export type SearchMethods = Pick<
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
