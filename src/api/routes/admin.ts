// Admin reads (Bearer WENDA_ADMIN_TOKEN): feedback per page, failed searches, a
// diagnostics report by reference, saved quotes. The three lists come a page at a time
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
import { streamBody, type BodyOutlet } from '../../lib/stream-body.ts';

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
  summary: 'Searches that found nothing, grouped by query',
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
  app.openapi(quotesRoute, async (c) => {
    const [quotes, total] = await Promise.all([deps.store.listQuotes(c.req.valid('query')), deps.store.countQuotes()]);
    return c.json({ quotes: quotes.map(toQuoteResponse), total }, 200);
  });
  app.openapi(allQuotesRoute, async (c) => (await ndjson(c, () => deps.store.allQuotes(), toQuoteResponse)) as never);
}
