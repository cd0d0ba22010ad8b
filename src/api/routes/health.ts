// GET /health: liveness, version and store, and whether the pages' build is still the loaded one.
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
    503: jsonContent(errorSchema, 'The store does not answer (`unavailable`, with `store: "down"` beside the error), or the site was rebuilt under the running server and pages answer 503 until it restarts (`restart_needed`).'),
  },
});

/** How long a store check is trusted: health is polled often, and may be load-tested. */
const PING_TTL_MS = 1000;

export function registerHealth(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  type State = 'up' | 'down' | 'rebuilt';
  let checked: { at: number; state: State } = { at: -Infinity, state: 'down' };
  // Every answer's text is made once: health is polled often, and may be load-tested.
  const answers: Record<State, [text: string, status: 200 | 503]> = {
    up: [asciiJson({ status: 'ok', version: deps.version, store: deps.store.kind } satisfies z.input<typeof healthSchema>), 200],
    down: [asciiJson({ error: { code: 'unavailable', message: '数据存储暂时不可用。' }, store: 'down' } satisfies z.input<typeof errorSchema> & { store: 'down' }), 503],
    // A load balancer takes the server out, and a monitor raises the alarm, while its pages are 503s.
    rebuilt: [
      asciiJson({
        error: { code: 'restart_needed', message: '网站已重新构建，这个进程还在用启动时的构建：请重启服务器。在那之前页面回答 503，其余接口照常。' },
      } satisfies z.input<typeof errorSchema>),
      503,
    ],
  };
  const answer = (state: State) => jsonAnswer(...answers[state]) as never;
  const check = (now: number, storeOk: boolean): State => (checked = { at: now, state: deps.siteBuild?.replaced() ? 'rebuilt' : storeOk ? 'up' : 'down' }).state;
  app.openapi(route, () => {
    const now = performance.now();
    // Answered without waiting while the last check is fresh.
    if (now - checked.at <= PING_TTL_MS) return answer(checked.state);
    return deps.store.ping().then(
      (ok) => answer(check(now, ok)),
      () => answer(check(now, false)),
    );
  });
}
