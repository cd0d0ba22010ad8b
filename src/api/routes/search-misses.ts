// POST /search-misses: a search that found nothing, counted per normalised query.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { errorResponses, jsonBody, jsonContent } from '../schemas.ts';

/** One spelling per query: trimmed, inner spaces folded, Latin letters lowercased. */
export const normaliseQuery = (query: string) => query.trim().replace(/\s+/g, ' ').toLowerCase();

export const searchMissInputSchema = z
  .strictObject({ query: z.string().trim().min(1, '搜索词不能为空').max(100, '搜索词最多 100 个字') })
  .meta({ id: 'SearchMissInput' });

const route = createRoute({
  method: 'post',
  path: '/search-misses',
  summary: 'Record a search that found nothing',
  request: { body: jsonBody(searchMissInputSchema) },
  responses: { 202: jsonContent(z.object({ recorded: z.literal(true) }), 'Recorded.'), ...errorResponses },
});

export function registerSearchMisses(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  app.openapi(route, async (c) => {
    await deps.store.recordSearchMiss(normaliseQuery(c.req.valid('json').query));
    return c.json({ recorded: true as const }, 202);
  });
}
