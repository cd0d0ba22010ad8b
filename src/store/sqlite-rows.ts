// The store's rows as the rest of Wenda sees them: snake_case columns and JSON text
// become the objects of types.ts.
import type { DiagnosticsReport, PageFeedback, SavedQuote } from './types.ts';

export type QuoteRow = { id: string; input: string; estimate: string; price_list_version: string; created_at: string };
export type FeedbackRow = { page: string; helpful: number; not_helpful: number; last_vote_at: string; comments: string };
export const toQuote = (row: QuoteRow): SavedQuote => ({
  id: row.id,
  input: JSON.parse(row.input),
  estimate: JSON.parse(row.estimate),
  priceListVersion: row.price_list_version,
  createdAt: row.created_at,
});
export const toFeedback = (row: FeedbackRow): PageFeedback => ({
  page: row.page,
  helpful: row.helpful,
  notHelpful: row.not_helpful,
  lastVoteAt: row.last_vote_at,
  latestComments: (JSON.parse(row.comments) as { comment: string; helpful: number; createdAt: string }[]).map((c) => ({ ...c, helpful: c.helpful === 1 })),
});
export type ReportRow = { id: string; report: string; created_at: string };
export const toReport = (row: ReportRow): DiagnosticsReport => ({ id: row.id, report: JSON.parse(row.report), createdAt: row.created_at });
