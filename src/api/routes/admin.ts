// Admin reads (Bearer WENDA_ADMIN_TOKEN): feedback per page, failed searches, search
// analytics, diagnostics reports (listed, or one by reference), saved quotes. The three lists come a page at a time
// with their total, or whole as NDJSON (one consistent snapshot, streamed): any site
// path can be voted on, so feedback is as long a list as the others.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { errorResponse } from '../errors.ts';
import { errorSchema, jsonContent, pageQuerySchema, quoteSchema } from '../schemas.ts';
import { diagnosticsReportSchema } from './diagnostics.ts';
import { toQuoteResponse } from './robot-quota.ts';
import { REFERENCE_PATTERN } from '../../lib/id-formats.ts';
import { streamBody, type BodyOutlet } from '../../server/adapters/stream-body.ts';
import { articleReport, DEFAULT_SEARCH_PERIOD, lastDays, queryReport, SEARCH_OUTCOMES, SEARCH_PERIODS, type SearchOutcomeKind } from '../../lib/search/analytics.ts';

const security = [{ adminToken: [] }];
const unauthorized = { 401: jsonContent(errorSchema, 'Missing or wrong token.'), 404: jsonContent(errorSchema, 'Admin is off (no token configured) or nothing found.') };
const badQuery = { 400: jsonContent(errorSchema, 'A query parameter is wrong or not taken here: `fields` names it.') };

const pageFeedbackSchema = z
  .object({
    page: z.string(),
    helpful: z.number().int(),
    notHelpful: z.number().int(),
    lastVoteAt: z.iso.datetime(),
    latestComments: z.array(z.object({ comment: z.string(), helpful: z.boolean(), createdAt: z.iso.datetime() })),
  })
  .meta({ id: 'PageFeedback' });
const searchMissSchema = z
  .object({ query: z.string(), count: z.number().int(), firstSeen: z.iso.datetime(), lastSeen: z.iso.datetime() })
  .meta({ id: 'SearchMiss' });
const totalSchema = z.number().int().min(0).meta({ description: 'How many there are in all, whatever `limit` and `offset`.' });
const NDJSON = 'application/x-ndjson';
/** A whole list: one JSON object a line. */
const ndjsonContent = (schema: z.ZodType, description: string) => ({ description, content: { [NDJSON]: { schema } } });

const feedbackRoute = createRoute({
  method: 'get',
  path: '/admin/feedback',
  summary: 'Votes and latest comments per page',
  security,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonContent(z.object({ pages: z.array(pageFeedbackSchema), total: totalSchema }), 'Per page, most recent vote first (ties by page).'),
    ...badQuery,
    ...unauthorized,
  },
});
const allFeedbackRoute = createRoute({
  method: 'get',
  path: '/admin/feedback/export',
  summary: 'Votes and latest comments of every page, as NDJSON',
  description: 'One `PageFeedback` a line, in the order of `/admin/feedback`, from one snapshot: votes given meanwhile are not in it.',
  security,
  request: { query: z.strictObject({}) },
  responses: { 200: ndjsonContent(pageFeedbackSchema, 'Most recent vote first (ties by page).'), ...badQuery, ...unauthorized },
});
const missesRoute = createRoute({
  method: 'get',
  path: '/admin/search-misses',
  summary: 'Searches without a sure answer, all time, grouped by query',
  description: 'Every search whose outcome was `partial`, `guess` or `none` (see `/searches`), counted per normalised query since the first one recorded.',
  security,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonContent(z.object({ misses: z.array(searchMissSchema), total: totalSchema }), 'Most frequent first, then most recent.'),
    ...badQuery,
    ...unauthorized,
  },
});
const allMissesRoute = createRoute({
  method: 'get',
  path: '/admin/search-misses/export',
  summary: 'Every failed search, as NDJSON',
  description: 'One `SearchMiss` a line, in the order of `/admin/search-misses`, from one snapshot: searches recorded meanwhile are not in it.',
  security,
  request: { query: z.strictObject({}) },
  responses: { 200: ndjsonContent(searchMissSchema, 'Most frequent first, then most recent.'), ...badQuery, ...unauthorized },
});
const reportRoute = createRoute({
  method: 'get',
  path: '/admin/diagnostics/reports/{id}',
  summary: 'A diagnostics report by its reference',
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: jsonContent(z.object({ id: z.string(), createdAt: z.iso.datetime(), report: diagnosticsReportSchema }), 'The report.'),
    ...unauthorized,
  },
});
const reportsRoute = createRoute({
  method: 'get',
  path: '/admin/diagnostics/reports',
  summary: 'Diagnostics reports, newest first',
  description: 'The reports customers sent, a page at a time, each as `/admin/diagnostics/reports/{id}` gives it.',
  security,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonContent(
      z.object({ reports: z.array(z.object({ id: z.string(), createdAt: z.iso.datetime(), report: diagnosticsReportSchema })), total: totalSchema }),
      'Newest first.',
    ),
    ...badQuery,
    ...unauthorized,
  },
});
const quotesRoute = createRoute({
  method: 'get',
  path: '/admin/quotes',
  summary: 'Saved quotes, newest first',
  security,
  request: { query: pageQuerySchema },
  responses: { 200: jsonContent(z.object({ quotes: z.array(quoteSchema), total: totalSchema }), 'Newest first.'), ...badQuery, ...unauthorized },
});
const allQuotesRoute = createRoute({
  method: 'get',
  path: '/admin/quotes/export',
  summary: 'Every saved quote, as NDJSON',
  description: 'One `Quote` a line, newest first, from one snapshot: quotes saved meanwhile are not in it.',
  security,
  request: { query: z.strictObject({}) },
  responses: { 200: ndjsonContent(quoteSchema, 'Newest first.'), ...badQuery, ...unauthorized },
});

// Search analytics (issue 18): totals, queries and the articles searches led to, over
// the last 7, 30 or 90 days in China (`days`), a page at a time or whole as NDJSON.
const daysSchema = z
  .enum(SEARCH_PERIODS.map(String) as ['7', '30', '90'], { error: `只能是 ${SEARCH_PERIODS.join('、')} 之一` })
  .default(String(DEFAULT_SEARCH_PERIOD) as '7')
  .transform(Number)
  .meta({ description: 'The last 7, 30 or 90 days in China, today included.' });
const queryFilterSchema = z
  .enum(['all', 'no-click', 'no-answer'], { error: '只能是 all、no-click、no-answer 之一' })
  .default('all')
  .meta({ description: '`all` queries (most searched first); `no-click`: results shown, none opened; `no-answer`: searches without a sure answer (outcome `partial`, `guess` or `none`), most of those first.' });
const periodSchema = { days: z.number().int(), from: z.iso.date(), to: z.iso.date() };
const outcomesSchema = z.object(Object.fromEntries(SEARCH_OUTCOMES.map((o) => [o, z.number().int()])) as Record<SearchOutcomeKind, z.ZodNumber>);
const queryReportSchema = z
  .object({
    query: z.string(),
    searches: z.number().int(),
    outcomes: outcomesSchema,
    averageResults: z.number(),
    clicks: z.number().int(),
    clickThroughRate: z.number().meta({ description: 'Clicks per search.' }),
    averagePosition: z.number().nullable().meta({ description: 'Of the results opened, 1 = first; null without clicks.' }),
    lastDay: z.iso.date(),
  })
  .meta({ id: 'SearchQueryReport' });
const articleReportSchema = z
  .object({ page: z.string(), clicks: z.number().int(), queries: z.number().int(), averagePosition: z.number(), topQuery: z.string() })
  .meta({ id: 'SearchArticleReport' });

const analyticsRoute = createRoute({
  method: 'get',
  path: '/admin/search-analytics',
  summary: 'Search totals over the last 7, 30 or 90 days',
  security,
  request: { query: z.strictObject({ days: daysSchema }) },
  responses: {
    200: jsonContent(
      z.object({ ...periodSchema, searches: z.number().int(), outcomes: outcomesSchema, queries: z.number().int(), clicks: z.number().int(), clickThroughRate: z.number(), averagePosition: z.number().nullable() }),
      'Searches (by outcome), distinct queries and result clicks in the period.',
    ),
    ...badQuery,
    ...unauthorized,
  },
});
const analyticsQueriesRoute = createRoute({
  method: 'get',
  path: '/admin/search-analytics/queries',
  summary: 'Queries over the last 7, 30 or 90 days, with click-through rate and average clicked position',
  security,
  request: { query: pageQuerySchema.extend({ days: daysSchema, filter: queryFilterSchema }) },
  responses: { 200: jsonContent(z.object({ ...periodSchema, queries: z.array(queryReportSchema), total: totalSchema }), 'Most searched first, then by query.'), ...badQuery, ...unauthorized },
});
const allAnalyticsQueriesRoute = createRoute({
  method: 'get',
  path: '/admin/search-analytics/queries/export',
  summary: 'Every query of the period, as NDJSON',
  description: 'One `SearchQueryReport` a line, in the order of `/admin/search-analytics/queries`, from one snapshot.',
  security,
  request: { query: z.strictObject({ days: daysSchema, filter: queryFilterSchema }) },
  responses: { 200: ndjsonContent(queryReportSchema, 'Most searched first, then by query.'), ...badQuery, ...unauthorized },
});
const analyticsArticlesRoute = createRoute({
  method: 'get',
  path: '/admin/search-analytics/articles',
  summary: 'The articles searches led to over the last 7, 30 or 90 days',
  security,
  request: { query: pageQuerySchema.extend({ days: daysSchema }) },
  responses: { 200: jsonContent(z.object({ ...periodSchema, articles: z.array(articleReportSchema), total: totalSchema }), 'Most clicked first, then by path.'), ...badQuery, ...unauthorized },
});
const allAnalyticsArticlesRoute = createRoute({
  method: 'get',
  path: '/admin/search-analytics/articles/export',
  summary: 'Every article searches led to in the period, as NDJSON',
  description: 'One `SearchArticleReport` a line, in the order of `/admin/search-analytics/articles`, from one snapshot.',
  security,
  request: { query: z.strictObject({ days: daysSchema }) },
  responses: { 200: ndjsonContent(articleReportSchema, 'Most clicked first, then by path.'), ...badQuery, ...unauthorized },
});

function registerSearchAnalytics(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  const period = (days: number) => ({ days, ...lastDays(days) });
  app.openapi(analyticsRoute, async (c) => {
    const { days } = c.req.valid('query');
    const range = period(days);
    const totals = await deps.store.searchTotals(range);
    const { clickThroughRate, averagePosition } = queryReport({ query: '', resultTotal: 0, lastDay: range.to, ...totals });
    return c.json({ ...range, searches: totals.searches, outcomes: totals.outcomes, queries: totals.queries, clicks: totals.clicks, clickThroughRate, averagePosition }, 200);
  });
  app.openapi(analyticsQueriesRoute, async (c) => {
    const { days, filter, limit, offset } = c.req.valid('query');
    const range = period(days);
    const [queries, total] = await Promise.all([deps.store.searchQueries(range, filter, { limit, offset }), deps.store.countSearchQueries(range, filter)]);
    return c.json({ ...range, queries: queries.map(queryReport), total }, 200);
  });
  app.openapi(allAnalyticsQueriesRoute, async (c) => {
    const { days, filter } = c.req.valid('query');
    return (await ndjson(c, () => deps.store.allSearchQueries(period(days), filter), queryReport)) as never;
  });
  app.openapi(analyticsArticlesRoute, async (c) => {
    const { days, limit, offset } = c.req.valid('query');
    const range = period(days);
    const [articles, total] = await Promise.all([deps.store.articlesFromSearch(range, { limit, offset }), deps.store.countArticlesFromSearch(range)]);
    return c.json({ ...range, articles: articles.map(articleReport), total }, 200);
  });
  app.openapi(allAnalyticsArticlesRoute, async (c) => (await ndjson(c, () => deps.store.allArticlesFromSearch(period(c.req.valid('query').days)), articleReport)) as never);
}

/**
 * A whole list as an NDJSON response, written as the client reads it (see `streamBody`).
 * A HEAD gets the headers alone and opens no snapshot: Hono answers it from the GET
 * route and drops the body unread, which would hold the snapshot's read transaction
 * open (and the database's write-ahead log unshrinkable). On the Node server the body
 * is tied to the response going out (node-server's `outgoing`), so one never read
 * for any other reason is closed when the response is; called in process (the
 * operator page's CSV) the caller reads or cancels it.
 */
async function ndjson<T>(c: Context, snapshot: () => AsyncIterable<T[]>, toJson: (row: T) => unknown) {
  const headers = { 'Content-Type': `${NDJSON}; charset=utf-8` };
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  const lines = async function* () {
    for await (const batch of snapshot()) yield batch.map((row) => `${JSON.stringify(toJson(row))}\n`).join('');
  };
  const outgoing = (c.env as { outgoing?: BodyOutlet } | undefined)?.outgoing;
  return c.body(await streamBody(lines(), outgoing), 200, headers);
}

export function registerAdmin(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', { type: 'http', scheme: 'bearer' });

  app.openapi(feedbackRoute, async (c) => {
    const [pages, total] = await Promise.all([deps.store.feedbackByPage(c.req.valid('query')), deps.store.countFeedbackPages()]);
    return c.json({ pages, total }, 200);
  });
  // (The typed handlers know JSON answers only: a stream is passed as it is.)
  app.openapi(allFeedbackRoute, async (c) => (await ndjson(c, () => deps.store.allFeedbackByPage(), (feedback) => feedback)) as never);
  app.openapi(missesRoute, async (c) => {
    const [misses, total] = await Promise.all([deps.store.searchMisses(c.req.valid('query')), deps.store.countSearchMisses()]);
    return c.json({ misses, total }, 200);
  });
  app.openapi(allMissesRoute, async (c) => (await ndjson(c, () => deps.store.allSearchMisses(), (miss) => miss)) as never);
  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const found = REFERENCE_PATTERN.test(id) ? await deps.store.getDiagnosticsReport(id) : undefined;
    if (!found) return errorResponse(c, 404, 'not_found', '没有这个检测编号。');
    return c.json({ id: found.id, createdAt: found.createdAt, report: found.report as z.output<typeof diagnosticsReportSchema> }, 200);
  });
  app.openapi(reportsRoute, async (c) => {
    const [reports, total] = await Promise.all([deps.store.listDiagnosticsReports(c.req.valid('query')), deps.store.countDiagnosticsReports()]);
    return c.json({ reports: reports.map((r) => ({ id: r.id, createdAt: r.createdAt, report: r.report as z.output<typeof diagnosticsReportSchema> })), total }, 200);
  });
  app.openapi(quotesRoute, async (c) => {
    const [quotes, total] = await Promise.all([deps.store.listQuotes(c.req.valid('query')), deps.store.countQuotes()]);
    return c.json({ quotes: quotes.map(toQuoteResponse), total }, 200);
  });
  app.openapi(allQuotesRoute, async (c) => (await ndjson(c, () => deps.store.allQuotes(), toQuoteResponse)) as never);
  registerSearchAnalytics(app, deps);
}
