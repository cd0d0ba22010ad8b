// Admin reads (Bearer WENDA_ADMIN_TOKEN): feedback per page, failed searches, a
// diagnostics report by reference, saved quotes.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { errorResponse } from '../errors.ts';
import { errorSchema, jsonContent, pageQuerySchema, quoteSchema } from '../schemas.ts';
import { diagnosticsReportSchema } from './diagnostics.ts';
import { toQuoteResponse } from './robot-quota.ts';
import { REFERENCE_PATTERN } from '../../store/ids.ts';

const security = [{ adminToken: [] }];
const unauthorized = { 401: jsonContent(errorSchema, 'Missing or wrong token.'), 404: jsonContent(errorSchema, 'Admin is off (no token configured) or nothing found.') };

const pageFeedbackSchema = z.object({
  page: z.string(),
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  lastVoteAt: z.iso.datetime(),
  latestComments: z.array(z.object({ comment: z.string(), helpful: z.boolean(), createdAt: z.iso.datetime() })),
});
const searchMissSchema = z.object({ query: z.string(), count: z.number().int(), firstSeen: z.iso.datetime(), lastSeen: z.iso.datetime() });

const feedbackRoute = createRoute({
  method: 'get',
  path: '/admin/feedback',
  summary: 'Votes and latest comments per page',
  security,
  // One row per article, so no paging; any query parameter is a mistake, as on the others.
  request: { query: z.strictObject({}) },
  responses: { 200: jsonContent(z.object({ pages: z.array(pageFeedbackSchema) }), 'Per page, most recent vote first.'), ...unauthorized },
});
const missesRoute = createRoute({
  method: 'get',
  path: '/admin/search-misses',
  summary: 'Searches that found nothing, grouped by query',
  security,
  request: { query: pageQuerySchema },
  responses: { 200: jsonContent(z.object({ misses: z.array(searchMissSchema) }), 'Most frequent first.'), ...unauthorized },
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
  responses: { 200: jsonContent(z.object({ quotes: z.array(quoteSchema) }), 'Newest first.'), ...unauthorized },
});

export function registerAdmin(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', { type: 'http', scheme: 'bearer' });

  app.openapi(feedbackRoute, async (c) => c.json({ pages: await deps.store.feedbackByPage() }, 200));
  app.openapi(missesRoute, async (c) => c.json({ misses: await deps.store.searchMisses(c.req.valid('query')) }, 200));
  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const found = REFERENCE_PATTERN.test(id) ? await deps.store.getDiagnosticsReport(id) : undefined;
    if (!found) return errorResponse(c, 404, 'not_found', '没有这个诊断编号。');
    return c.json({ id: found.id, createdAt: found.createdAt, report: found.report as z.output<typeof diagnosticsReportSchema> }, 200);
  });
  app.openapi(quotesRoute, async (c) => c.json({ quotes: (await deps.store.listQuotes(c.req.valid('query'))).map(toQuoteResponse) }, 200));
}
