// Admin reads (Bearer WENDA_ADMIN_TOKEN): feedback per page, failed searches, saved
// quotes, search analytics, diagnostics reports (listed newest first, or one by reference). The long lists, one table
// (`ADMIN_LISTS`), each come a page at a time with their total, or whole as NDJSON at
// `<list>/export` (one consistent snapshot, streamed): any site path can be voted on, so
// feedback is as long a list as the others.
import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import type { RouteKit } from '../route-kit.ts';
import { errorSchema, jsonContent, pageQuerySchema, quoteSchema } from '../schemas.ts';
import { diagnosticsReportSchema } from './diagnostics.ts';
import { toQuoteResponse } from './robot-quota.ts';
import { REFERENCE_PATTERN } from '../../lib/id-formats.ts';
import { streamBody } from '../../server/adapters/stream-body.ts';
import type { DiagnosticsReport, Snapshot, Store } from '../../store/types.ts';
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
/**
 * NDJSON, typed as any string: @hono/zod-openapi takes `application/x-ndjson` for a JSON
 * type it cannot answer, where any other type is answered with a plain Response.
 */
const NDJSON: string = 'application/x-ndjson';

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

/**
 * One long list: `GET <path>` a page at a time (`limit`, `offset`) with its total,
 * `GET <path>/export` whole as NDJSON, one `row` a line in the same order.
 */
interface AdminList<Key extends string, Filter extends z.ZodRawShape, Row, Shown extends z.ZodRawShape> {
  path: `/admin/${string}`;
  /** The rows' name in a page's answer. */
  key: Key;
  row: z.ZodType;
  /** The schema's id, as the export's description names it. */
  rowName: string;
  summary: string;
  description?: string;
  exportSummary: string;
  /** The order of the rows, for both; and what the export leaves out. */
  order: string;
  exportOrder: string;
  meanwhile?: string;
  /** The list's own query fields (the period, a filter), taken by both. */
  filter: Filter;
  /** What a page says besides its rows and total (the period's fields). */
  shown: Shown;
  /** The facts a page shows besides its rows, from the filter. */
  about: (filter: ListFilter<Filter>) => z.output<z.ZodObject<Shown>>;
  page: (store: Store, filter: ListFilter<Filter>, paging: { limit: number; offset: number }) => Promise<[Row[], number]>;
  all: (store: Store, filter: ListFilter<Filter>) => Snapshot<Row>;
  toJson: (row: Row) => unknown;
}

/** What a list's own query fields are once checked. */
type ListFilter<Filter extends z.ZodRawShape> = z.output<z.ZodObject<Filter>>;
/** A handler's context for any route's input (see `adminList`). */
type ListContext = Context<ApiEnv, string, any>;

/** A list of the table, registered as its two routes. */
const adminList =
  <Key extends string, Filter extends z.ZodRawShape, Row, Shown extends z.ZodRawShape>(list: AdminList<Key, Filter, Row, Shown>) =>
  (app: OpenAPIHono<ApiEnv>, deps: ApiDeps, { answer }: RouteKit) => {
    // Typed as any route, their handlers given the query as the list's own schema checked it:
    // the typed handlers cannot follow query fields that differ from list to list.
    const pageRoute: RouteConfig = createRoute({
      method: 'get',
      path: list.path,
      summary: list.summary,
      ...(list.description ? { description: list.description } : {}),
      security,
      request: { query: pageQuerySchema.extend(list.filter) },
      responses: { 200: jsonContent(z.object({ ...list.shown, [list.key]: z.array(list.row), total: totalSchema }), list.order), ...badQuery, ...unauthorized },
    });
    app.openapi(pageRoute, async (c: ListContext) => {
      const { limit, offset, ...rest } = c.req.valid('query') as { limit: number; offset: number };
      const filter = rest as ListFilter<Filter>;
      const [rows, total] = await list.page(deps.store, filter, { limit, offset });
      return answer.json(c, { ...list.about(filter), [list.key]: rows.map(list.toJson), total }, 200);
    });
    const exportRoute: RouteConfig = createRoute({
      method: 'get',
      path: `${list.path}/export`,
      summary: list.exportSummary,
      description: `One \`${list.rowName}\` a line, ${list.exportOrder}, from one snapshot${list.meanwhile ? `: ${list.meanwhile} are not in it` : ''}.`,
      security,
      request: { query: z.strictObject(list.filter) },
      responses: { 200: { description: list.order, content: { [NDJSON]: { schema: list.row } } }, ...badQuery, ...unauthorized },
    });
    app.openapi(exportRoute, async (c: ListContext) => ndjson(c, answer, () => list.all(deps.store, c.req.valid('query') as ListFilter<Filter>), list.toJson));
  };

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
/** A diagnostics report as the operator's routes give it. */
const reportJsonSchema = z.object({ id: z.string(), createdAt: z.iso.datetime(), report: diagnosticsReportSchema });
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

/**
 * A whole list as an NDJSON response, written as the client reads it (see `streamBody`).
 * A HEAD gets the headers alone and opens no snapshot: Hono answers it from the GET
 * route and drops the body unread, which would hold the snapshot's read transaction
 * open (and the database's write-ahead log unshrinkable). On the Node server the body
 * is tied to the response going out (node-server's `outgoing`), so one never read
 * for any other reason is closed when the response is; called in process (the
 * operator page's CSV) the caller reads or cancels it.
 */
async function ndjson<T>(c: Context<ApiEnv>, answer: RouteKit['answer'], snapshot: () => Snapshot<T>, toJson: (row: T) => unknown) {
  if (c.req.method === 'HEAD') return answer.ndjson(c, null);
  const lines = async function* () {
    for await (const batch of snapshot()) yield batch.map((row) => `${JSON.stringify(toJson(row))}\n`).join('');
  };
  return answer.ndjson(c, await streamBody(lines(), c.env?.outgoing));
}

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
