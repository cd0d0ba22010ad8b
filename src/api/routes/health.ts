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

/** How long a store check is trusted: health is polled often, and may be load-tested. */
const PING_TTL_MS = 1000;

export function registerHealth(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  let checked = { at: -Infinity, ok: false };
  const storeAnswers = async () => {
    const now = performance.now();
    if (now - checked.at > PING_TTL_MS) checked = { at: now, ok: await deps.store.ping().catch(() => false) };
    return checked.ok;
  };
  app.openapi(route, async (c) => {
    const ok = await storeAnswers();
    if (!ok) return c.json({ error: { code: 'unavailable' as const, message: '数据存储暂时不可用。' } }, 503);
    return c.json({ status: 'ok' as const, version: deps.version, store: deps.store.kind }, 200);
  });
}
