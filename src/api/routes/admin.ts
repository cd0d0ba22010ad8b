// Admin reads (Bearer WENDA_ADMIN_TOKEN): feedback per page, failed searches, saved
// quotes, search analytics, diagnostics reports (listed newest first, or one by
// reference). The long lists, one table (`ADMIN_LISTS`), each come a page at a time with
// their total, or whole as NDJSON at `<list>/export` (admin-list.ts): any site path can be
// voted on, so feedback is as long a list as the others.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import type { RouteKit } from '../route-kit.ts';
import { jsonContent, pageQuerySchema, quoteSchema } from '../schemas.ts';
import { adminList, badQuery, security, totalSchema, unauthorized } from './admin-list.ts';
import { diagnosticsReportSchema } from './diagnostics.ts';
import { toQuoteResponse } from './robot-quota.ts';
import { REFERENCE_PATTERN } from '../../lib/id-formats.ts';
import type { DiagnosticsReport } from '../../store/types.ts';
import { articleReport, DEFAULT_SEARCH_PERIOD, lastDays, queryReport, SEARCH_OUTCOMES, SEARCH_PERIODS, type SearchOutcomeKind } from '../../lib/search/analytics.ts';

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

const period = (days: number) => ({ days, ...lastDays(days) });
const noPeriod = {};

/** The admin API's long lists. */
const ADMIN_LISTS = [
  adminList({
    path: '/admin/feedback',
    key: 'pages',
    row: pageFeedbackSchema,
    rowName: 'PageFeedback',
    summary: 'Votes and latest comments per page',
    exportSummary: 'Votes and latest comments of every page, as NDJSON',
    order: 'Per page, most recent vote first (ties by page).',
    exportOrder: 'in the order of `/admin/feedback`',
    meanwhile: 'votes given meanwhile',
    filter: {},
    shown: {},
    about: () => noPeriod,
    page: (store, _, paging) => Promise.all([store.feedbackByPage(paging), store.countFeedbackPages()]),
    all: (store) => store.allFeedbackByPage(),
    toJson: (feedback) => feedback,
  }),
  adminList({
    path: '/admin/search-misses',
    key: 'misses',
    row: searchMissSchema,
    rowName: 'SearchMiss',
    summary: 'Searches without a sure answer, all time, grouped by query',
    description: 'Every search whose outcome was `partial`, `guess` or `none` (see `/searches`), counted per normalised query since the first one recorded.',
    exportSummary: 'Every failed search, as NDJSON',
    order: 'Most frequent first, then most recent.',
    exportOrder: 'in the order of `/admin/search-misses`',
    meanwhile: 'searches recorded meanwhile',
    filter: {},
    shown: {},
    about: () => noPeriod,
    page: (store, _, paging) => Promise.all([store.searchMisses(paging), store.countSearchMisses()]),
    all: (store) => store.allSearchMisses(),
    toJson: (miss) => miss,
  }),
  adminList({
    path: '/admin/quotes',
    key: 'quotes',
    row: quoteSchema,
    rowName: 'Quote',
    summary: 'Saved quotes, newest first',
    exportSummary: 'Every saved quote, as NDJSON',
    order: 'Newest first.',
    exportOrder: 'newest first',
    meanwhile: 'quotes saved meanwhile',
    filter: {},
    shown: {},
    about: () => noPeriod,
    page: (store, _, paging) => Promise.all([store.listQuotes(paging), store.countQuotes()]),
    all: (store) => store.allQuotes(),
    toJson: toQuoteResponse,
  }),
  adminList({
    path: '/admin/search-analytics/queries',
    key: 'queries',
    row: queryReportSchema,
    rowName: 'SearchQueryReport',
    summary: 'Queries over the last 7, 30 or 90 days, with click-through rate and average clicked position',
    exportSummary: 'Every query of the period, as NDJSON',
    order: 'Most searched first, then by query.',
    exportOrder: 'in the order of `/admin/search-analytics/queries`',
    filter: { days: daysSchema, filter: queryFilterSchema },
    shown: periodSchema,
    about: ({ days }) => period(days),
    page: (store, { days, filter }, paging) => Promise.all([store.searchQueries(period(days), filter, paging), store.countSearchQueries(period(days), filter)]),
    all: (store, { days, filter }) => store.allSearchQueries(period(days), filter),
    toJson: queryReport,
  }),
  adminList({
    path: '/admin/search-analytics/articles',
    key: 'articles',
    row: articleReportSchema,
    rowName: 'SearchArticleReport',
    summary: 'The articles searches led to over the last 7, 30 or 90 days',
    exportSummary: 'Every article searches led to in the period, as NDJSON',
    order: 'Most clicked first, then by path.',
    exportOrder: 'in the order of `/admin/search-analytics/articles`',
    filter: { days: daysSchema },
    shown: periodSchema,
    about: ({ days }) => period(days),
    page: (store, { days }, paging) => Promise.all([store.articlesFromSearch(period(days), paging), store.countArticlesFromSearch(period(days))]),
    all: (store, { days }) => store.allArticlesFromSearch(period(days)),
    toJson: articleReport,
  }),
];

/** What GET /admin/search-analytics answers. */
export const searchTotalsSchema = z.object({ ...periodSchema, searches: z.number().int(), outcomes: outcomesSchema, queries: z.number().int(), clicks: z.number().int(), clickThroughRate: z.number(), averagePosition: z.number().nullable() });

const analyticsRoute = createRoute({
  method: 'get',
  path: '/admin/search-analytics',
  summary: 'Search totals over the last 7, 30 or 90 days',
  security,
  request: { query: z.strictObject({ days: daysSchema }) },
  responses: {
    200: jsonContent(searchTotalsSchema, 'Searches (by outcome), distinct queries and result clicks in the period.'),
    ...badQuery,
    ...unauthorized,
  },
});
/** A diagnostics report as the operator's routes give it. */
export const reportJsonSchema = z.object({ id: z.string(), createdAt: z.iso.datetime(), report: diagnosticsReportSchema });
const toReportJson = (r: DiagnosticsReport) => ({ id: r.id, createdAt: r.createdAt, report: r.report as z.output<typeof diagnosticsReportSchema> });

const reportRoute = createRoute({
  method: 'get',
  path: '/admin/diagnostics/reports/{id}',
  summary: 'A diagnostics report by its reference',
  security,
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: jsonContent(reportJsonSchema, 'The report.'),
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
      z.object({ reports: z.array(reportJsonSchema), total: totalSchema }),
      'Newest first.',
    ),
    ...badQuery,
    ...unauthorized,
  },
});

export function registerAdmin(app: OpenAPIHono<ApiEnv>, deps: ApiDeps, kit: RouteKit) {
  const { answer, error } = kit;
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', { type: 'http', scheme: 'bearer' });
  for (const register of ADMIN_LISTS) register(app, deps, kit);

  app.openapi(analyticsRoute, async (c) => {
    const range = period(c.req.valid('query').days);
    const totals = await deps.store.searchTotals(range);
    const { clickThroughRate, averagePosition } = queryReport({ query: '', resultTotal: 0, lastDay: range.to, ...totals });
    return answer.json(c, { ...range, searches: totals.searches, outcomes: totals.outcomes, queries: totals.queries, clicks: totals.clicks, clickThroughRate, averagePosition }, 200);
  });
  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const found = REFERENCE_PATTERN.test(id) ? await deps.store.getDiagnosticsReport(id) : undefined;
    if (!found) return error(c, 404, 'not_found', '没有这个检测编号。');
    return answer.json(c, toReportJson(found), 200);
  });
  app.openapi(reportsRoute, async (c) => {
    const [reports, total] = await Promise.all([deps.store.listDiagnosticsReports(c.req.valid('query')), deps.store.countDiagnosticsReports()]);
    return answer.json(c, { reports: reports.map(toReportJson), total }, 200);
  });
}
