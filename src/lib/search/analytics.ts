// Search analytics as the operator reads them: the periods the operator page offers (the
// last 7, 30 or 90 days in China) and the figures made from daily totals (click-through
// rate, average clicked position). Shared by the browser (what it reports), the API
// (what it takes) and the store.
import { chinaDate } from '../china-time.ts';

// What a settled search's outcome can be is src/lib/search/outcome.ts, which the search
// views use too.
import { SEARCH_OUTCOMES, type SearchOutcomeKind } from './outcome.ts';
export { SEARCH_OUTCOMES, type SearchOutcomeKind };

/** Every outcome but `results` leaves the visitor without a sure answer. */
export const isAnswered = (outcome: SearchOutcomeKind) => outcome === 'results';

/** The periods offered, in days; the first is the default. */
export const SEARCH_PERIODS = [7, 30, 90] as const;
export type SearchPeriod = (typeof SEARCH_PERIODS)[number];
export const DEFAULT_SEARCH_PERIOD: SearchPeriod = 7;

/** The operator page's parameter for the period: `?search-days=30`. */
export const PERIOD_PARAM = 'search-days';

/** The period an address asks for; anything else (left out, `abc`, `14`) is the default. */
export function requestedPeriod(value: string | null | undefined): SearchPeriod {
  const days = Number(value?.trim());
  return (SEARCH_PERIODS as readonly number[]).includes(days) ? (days as SearchPeriod) : DEFAULT_SEARCH_PERIOD;
}

/** A span of whole days in China, both ends included, as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** The last `days` days in China up to and including the day of `now`. */
export function lastDays(days: number, now: Date = new Date()): DayRange {
  const to = chinaDate(now);
  // Noon UTC of that day is the same day in China; step back whole days from there.
  const from = new Date(Date.parse(`${to}T12:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/** The day before `day` (`YYYY-MM-DD`). */
export const dayBefore = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** The highest result position counted: the search page lists at most 30. */
export const MAX_RESULT_POSITION = 100;

/** Rounded to `places` decimals. */
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** A query's figures as the admin API gives them (and the operator page shows them). */
export interface QueryReport {
  query: string;
  searches: number;
  outcomes: Record<SearchOutcomeKind, number>;
  /** Results shown per search, on average. */
  averageResults: number;
  clicks: number;
  /** Clicks per search (0.5 = one in two). */
  clickThroughRate: number;
  /** The average position (1 = first) of the results opened; null without clicks. */
  averagePosition: number | null;
  lastDay: string;
}

export interface ArticleReport {
  page: string;
  clicks: number;
  queries: number;
  averagePosition: number;
  topQuery: string;
}

export function queryReport(q: { query: string; searches: number; outcomes: Record<SearchOutcomeKind, number>; resultTotal: number; clicks: number; positionSum: number; lastDay: string }): QueryReport {
  return {
    query: q.query,
    searches: q.searches,
    outcomes: q.outcomes,
    averageResults: q.searches ? round(q.resultTotal / q.searches, 1) : 0,
    clicks: q.clicks,
    clickThroughRate: q.searches ? round(q.clicks / q.searches, 3) : 0,
    averagePosition: q.clicks ? round(q.positionSum / q.clicks, 1) : null,
    lastDay: q.lastDay,
  };
}

export function articleReport(a: { page: string; clicks: number; queries: number; positionSum: number; topQuery: string }): ArticleReport {
  return { page: a.page, clicks: a.clicks, queries: a.queries, averagePosition: a.clicks ? round(a.positionSum / a.clicks, 1) : 0, topQuery: a.topQuery };
}

/**
 * The operator page with the period changed to `days` (the default leaves the parameter
 * out), keeping the rest of the address (tables' pages, a report looked up), opening at
 * the analytics section.
 */
export function periodHref(url: URL, days: SearchPeriod): string {
  const params = new URLSearchParams(url.search);
  if (days === DEFAULT_SEARCH_PERIOD) params.delete(PERIOD_PARAM);
  else params.set(PERIOD_PARAM, String(days));
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}#search-analytics`;
}

/** A rate as a whole percentage: 0.375 → `38%`. */
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Searches of a query or a period that found no sure answer (`partial`, `guess`, `none`). */
export const unanswered = (outcomes: Record<SearchOutcomeKind, number>) => SEARCH_OUTCOMES.filter((o) => !isAnswered(o)).reduce((sum, o) => sum + outcomes[o], 0);
