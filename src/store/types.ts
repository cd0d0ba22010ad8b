// What the support API keeps, as an interface: routes depend on this, never on SQLite,
// so a PostgreSQL store can be added without touching them.
import type { DayRange, SearchOutcomeKind } from '../lib/search/analytics.ts';

export interface SavedQuote<Input = unknown, Estimate = unknown> {
  id: string;
  input: Input;
  estimate: Estimate;
  priceListVersion: string;
  createdAt: string;
}

export interface FeedbackVote {
  page: string;
  helpful: boolean;
  comment?: string | undefined;
  /** A random id the browser keeps, so its vote can be changed instead of added again. */
  voter?: string | undefined;
}

export interface PageFeedback {
  page: string;
  helpful: number;
  notHelpful: number;
  lastVoteAt: string;
  latestComments: { comment: string; helpful: boolean; createdAt: string }[];
}

export interface SearchMiss {
  query: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

// Search analytics: daily totals per normalised query and outcome, and clicks per
// query, result page and position. Nothing about who searched.

export interface SettledSearch {
  /** Normalised (src/lib/search/query.ts). */
  query: string;
  outcome: SearchOutcomeKind;
  /** How many results the search showed. */
  results: number;
}

export interface SearchClick {
  query: string;
  /** The site path of the result opened. */
  page: string;
  /** 1-based, in the order the results were shown. */
  position: number;
}

export interface SearchTotals {
  searches: number;
  /** Searches per outcome. */
  outcomes: Record<SearchOutcomeKind, number>;
  /** Distinct queries. */
  queries: number;
  clicks: number;
  /** Sum of the clicked positions (÷ clicks = average position). */
  positionSum: number;
}

export interface QueryStats {
  query: string;
  searches: number;
  outcomes: Record<SearchOutcomeKind, number>;
  /** Results shown, summed over its searches. */
  resultTotal: number;
  clicks: number;
  positionSum: number;
  /** The last day (in China) it was searched in the range. */
  lastDay: string;
}

export interface ArticleStats {
  page: string;
  clicks: number;
  /** Distinct queries that led to it. */
  queries: number;
  positionSum: number;
  /** The query that led to it most often. */
  topQuery: string;
}

/** `all` queries; those whose searches showed results but got no click; those without a sure answer. */
export type QueryFilter = 'all' | 'no-click' | 'no-answer';

export interface DiagnosticsReport<Report = unknown> {
  id: string;
  report: Report;
  createdAt: string;
}

export interface Page {
  limit: number;
  offset: number;
}

/**
 * Every row of a list, in the list's order, read in batches from one consistent
 * snapshot: rows written while it is read are left out, none is skipped or repeated.
 * Stop early with `break` (or `return()`), which ends the read.
 */
export type Snapshot<T> = AsyncIterable<T[]>;

export interface Store {
  /** Short name shown by the health check, e.g. `sqlite`. */
  readonly kind: string;
  saveQuote(quote: Omit<SavedQuote, 'id' | 'createdAt'>): Promise<SavedQuote>;
  getQuote(id: string): Promise<SavedQuote | undefined>;
  /** Newest first. */
  listQuotes(page: Page): Promise<SavedQuote[]>;
  countQuotes(): Promise<number>;
  /** Every saved quote, newest first (as `listQuotes`), `batchSize` at a time. */
  allQuotes(batchSize?: number): Snapshot<SavedQuote>;
  addFeedback(vote: FeedbackVote): Promise<{ id: number; createdAt: string }>;
  /** One row per page voted on, most recent vote first (ties by page). */
  feedbackByPage(page: Page): Promise<PageFeedback[]>;
  /** How many pages have votes. */
  countFeedbackPages(): Promise<number>;
  /** Every page's feedback, in `feedbackByPage` order, `batchSize` at a time. */
  allFeedbackByPage(batchSize?: number): Snapshot<PageFeedback>;
  /** One settled search, added to its day's totals (`at`: now). */
  recordSearch(search: SettledSearch, at?: Date): Promise<void>;
  /**
   * A result opened, added to its day's totals, if the query was searched that day or
   * the day before; false (nothing kept) when it was not.
   */
  recordSearchClick(click: SearchClick, at?: Date): Promise<boolean>;
  searchTotals(range: DayRange): Promise<SearchTotals>;
  /** Most searched first (`no-answer`: most searches without a sure answer first), then by query. */
  searchQueries(range: DayRange, filter: QueryFilter, page: Page): Promise<QueryStats[]>;
  countSearchQueries(range: DayRange, filter: QueryFilter): Promise<number>;
  allSearchQueries(range: DayRange, filter: QueryFilter, batchSize?: number): Snapshot<QueryStats>;
  /** The articles searches led to, most clicked first, then by path. */
  articlesFromSearch(range: DayRange, page: Page): Promise<ArticleStats[]>;
  countArticlesFromSearch(range: DayRange): Promise<number>;
  allArticlesFromSearch(range: DayRange, batchSize?: number): Snapshot<ArticleStats>;
  /**
   * Failed searches of all time: every search whose outcome was not `results`, per
   * query. Most frequent first, then most recent.
   */
  searchMisses(page: Page): Promise<SearchMiss[]>;
  countSearchMisses(): Promise<number>;
  /** Every failed search, in `searchMisses` order, `batchSize` at a time. */
  allSearchMisses(batchSize?: number): Snapshot<SearchMiss>;
  saveDiagnosticsReport(report: unknown): Promise<DiagnosticsReport>;
  getDiagnosticsReport(id: string): Promise<DiagnosticsReport | undefined>;
  /** Newest first (the operator page lists them, not only looks them up). */
  listDiagnosticsReports(page: Page): Promise<DiagnosticsReport[]>;
  countDiagnosticsReports(): Promise<number>;
  /** True when the store answers a trivial query. */
  ping(): Promise<boolean>;
  close(): void;
}
