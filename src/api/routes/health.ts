// GET /health: liveness, version and store.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { asciiJson, jsonAnswer } from '../json-cache.ts';
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
  // Both answers are made once: health is polled often, and may be load-tested.
  const up = asciiJson({ status: 'ok', version: deps.version, store: deps.store.kind } satisfies z.input<typeof healthSchema>);
  const down = asciiJson({ error: { code: 'unavailable', message: '数据存储暂时不可用。' } } satisfies z.input<typeof errorSchema>);
  const answer = (ok: boolean) => (ok ? jsonAnswer(up) : jsonAnswer(down, 503)) as never;
  app.openapi(route, () => {
    const now = performance.now();
    // Answered without waiting while the last store check is fresh.
    if (now - checked.at <= PING_TTL_MS) return answer(checked.ok);
    return deps.store.ping().then(
      (ok) => answer((checked = { at: now, ok }).ok),
      () => answer((checked = { at: now, ok: false }).ok),
    );
  });
}
