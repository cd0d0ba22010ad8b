// GET /admin/metrics: the server's Prometheus metrics (src/server/metrics.ts), behind the
// admin token as every admin route is: they tell how busy the site is and which price
// list is in force, which is the operator's business.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiEnv } from '../deps.ts';
import type { RouteKit } from '../route-kit.ts';
import { errorSchema, jsonContent } from '../schemas.ts';
import type { Metrics } from '../../server/metrics.ts';

/** Typed as any string, so that the route may answer a plain Response (as admin.ts's NDJSON). */
const TEXT: string = 'text/plain';

const route = createRoute({
  method: 'get',
  path: '/admin/metrics',
  summary: 'Prometheus metrics (admin)',
  description:
    'Requests by route and status, latency histograms, the store (up, pool size, failures), the price list in force, and Node’s process metrics, in Prometheus’s text format. Scrape with `Authorization: Bearer <WENDA_ADMIN_TOKEN>`.',
  security: [{ adminToken: [] }],
  responses: {
    200: { description: 'The metrics, in Prometheus’s text exposition format.', content: { [TEXT]: { schema: z.string() } } },
    401: jsonContent(errorSchema, 'Missing or wrong token.'),
    404: jsonContent(errorSchema, 'Admin is off (no token configured).'),
    429: jsonContent(errorSchema, 'Too many wrong tokens from this client; see Retry-After.'),
  },
});

export function registerMetrics(app: OpenAPIHono<ApiEnv>, metrics: Pick<Metrics, 'exposition' | 'contentType'>, { answer }: RouteKit) {
  app.openapi(route, async (c) => answer.text(c, await metrics.exposition(), metrics.contentType));
}
