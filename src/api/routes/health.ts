// GET /health: liveness, version and store.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { errorSchema, jsonContent } from '../schemas.ts';

const healthSchema = z.object({ status: z.literal('ok'), version: z.string(), store: z.string() }).meta({ id: 'Health' });

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness, version and store',
  responses: {
    200: jsonContent(healthSchema, 'The API and its store answer.'),
    503: jsonContent(errorSchema, 'The store does not answer.'),
  },
});

export function registerHealth(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  app.openapi(route, async (c) => {
    const ok = await deps.store.ping().catch(() => false);
    if (!ok) return c.json({ error: { code: 'unavailable' as const, message: '数据存储暂时不可用。' } }, 503);
    return c.json({ status: 'ok' as const, version: deps.version, store: deps.store.kind }, 200);
  });
}
