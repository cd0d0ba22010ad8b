// Search analytics as both stores read them: their SQL (the same text in SQLite and
// PostgreSQL, so the two list alike; each store adds its own LIMIT placeholders) and
// their rows' mapping to the objects of types.ts.
import { SEARCH_OUTCOMES, type DayRange, type SearchOutcomeKind } from '../lib/search/analytics.ts';
import type { ArticleStats, QueryFilter, QueryStats, SearchMiss } from './types.ts';

/** Searches per outcome, as columns named for the outcome. */
export const outcomeSums = SEARCH_OUTCOMES.map((o) => `SUM(CASE WHEN outcome = '${o}' THEN searches ELSE 0 END) AS "${o}"`).join(', ');
const UNANSWERED = `("partial" + "guess" + "none")`;
export const FILTERS: Record<QueryFilter, { where: string; order: string }> = {
  all: { where: '', order: 'ORDER BY searches DESC, clicks DESC, query' },
  'no-click': { where: 'WHERE result_total > 0 AND clicks = 0', order: 'ORDER BY searches DESC, query' },
  'no-answer': { where: `WHERE ${UNANSWERED} > 0`, order: `ORDER BY ${UNANSWERED} DESC, searches DESC, query` },
};
export const ARTICLE_ORDER = 'ORDER BY clicks DESC, page';
export const MISSES_ORDER = 'ORDER BY count DESC, last_seen DESC, query';



const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day as an SQL literal, for the snapshot readers (which take no parameters): only `YYYY-MM-DD` passes. */
function dayLiteral(day: string): string {
  if (!DAY.test(day)) throw new RangeError(`not a day: ${day}`);
  return `'${day}'`;
}
export const inRange = ({ from, to }: DayRange) => `day BETWEEN ${dayLiteral(from)} AND ${dayLiteral(to)}`;

/** Per query in the range: its searches by outcome and its clicks, in the filter's order (`extra`: a LIMIT); or `count` them. */
export const queriesSql = (range: DayRange, filter: QueryFilter, { extra = '', count = false } = {}) => `
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

export const articlesSql = (range: DayRange, extra = '') => `
  SELECT page, SUM(clicks) AS clicks, COUNT(DISTINCT query) AS queries, SUM(clicks * position) AS position_sum, (
    SELECT query FROM search_clicks AS other WHERE other.page = c.page AND ${inRange(range)}
    GROUP BY query ORDER BY SUM(clicks) DESC, query LIMIT 1
  ) AS top_query
  FROM search_clicks AS c WHERE ${inRange(range)} GROUP BY page ${ARTICLE_ORDER} ${extra}`;

export const MISSES_SQL = `
  SELECT query, SUM(searches) AS count, MIN(first_seen) AS first_seen, MAX(last_seen) AS last_seen
  FROM search_days WHERE outcome <> 'results' GROUP BY query
  ${MISSES_ORDER}`;

type Counted = number | string | bigint | null;
export type QueryRow = { query: string; searches: Counted; result_total: Counted; clicks: Counted; position_sum: Counted; last_day: string | Date } & Record<SearchOutcomeKind, Counted>;
export type ArticleRow = { page: string; clicks: Counted; queries: Counted; position_sum: Counted; top_query: string };
export type MissRow = { query: string; count: Counted; first_seen: string | Date; last_seen: string | Date };

/** A timestamp as the stores give it (ISO text from SQLite, a Date from PostgreSQL) as ISO text. */
export const isoTime = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString());

export const outcomesOf = (row: Record<SearchOutcomeKind, Counted>) =>
  Object.fromEntries(SEARCH_OUTCOMES.map((o) => [o, Number(row[o] ?? 0)])) as Record<SearchOutcomeKind, number>;
export const toQuery = (row: QueryRow): QueryStats => ({
  query: row.query,
  searches: Number(row.searches),
  outcomes: outcomesOf(row),
  resultTotal: Number(row.result_total),
  clicks: Number(row.clicks),
  positionSum: Number(row.position_sum),
  lastDay: typeof row.last_day === 'string' ? row.last_day : (row.last_day as Date).toISOString().slice(0, 10),
});
export const toArticle = (row: ArticleRow): ArticleStats => ({
  page: row.page,
  clicks: Number(row.clicks),
  queries: Number(row.queries),
  positionSum: Number(row.position_sum),
  topQuery: row.top_query,
});
export const toMiss = (row: MissRow): SearchMiss => ({ query: row.query, count: Number(row.count), firstSeen: isoTime(row.first_seen), lastSeen: isoTime(row.last_seen) });
