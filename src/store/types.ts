// What the support API keeps, as an interface: routes depend on this, never on SQLite,
// so a PostgreSQL store can be added without touching them.

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
  recordSearchMiss(query: string): Promise<void>;
  /** Most frequent first, then most recent. */
  searchMisses(page: Page): Promise<SearchMiss[]>;
  countSearchMisses(): Promise<number>;
  /** Every failed search, in `searchMisses` order, `batchSize` at a time. */
  allSearchMisses(batchSize?: number): Snapshot<SearchMiss>;
  saveDiagnosticsReport(report: unknown): Promise<DiagnosticsReport>;
  getDiagnosticsReport(id: string): Promise<DiagnosticsReport | undefined>;
  /** True when the store answers a trivial query. */
  ping(): Promise<boolean>;
  close(): void;
}
