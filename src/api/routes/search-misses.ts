// POST /search-misses: a search that found nothing, counted per normalised query.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { MAX_QUERY_LENGTH, normaliseQuery } from '../../lib/search/query.ts';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { readJsonBody } from '../json-body.ts';
import { errorResponses, jsonBody, jsonContent, storedText } from '../schemas.ts';

export const searchMissInputSchema = z
  .strictObject({ query: storedText(MAX_QUERY_LENGTH, { name: '搜索词' }) })
  .meta({ id: 'SearchMissInput' });

const route = createRoute({
  method: 'post',
  path: '/search-misses',
  summary: 'Record a search that found nothing',
  request: { body: jsonBody(searchMissInputSchema) },
  responses: { 202: jsonContent(z.object({ recorded: z.literal(true) }), 'Recorded.'), ...errorResponses },
});

export function registerSearchMisses(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  app.openAPIRegistry.registerPath(route);
  app.post(route.path, async (c) => {
    const body = await readJsonBody(c, searchMissInputSchema);
    if (body instanceof Response) return body;
    await deps.store.recordSearchMiss(normaliseQuery(body.data.query));
    return c.json({ recorded: true as const }, 202);
  });
}
