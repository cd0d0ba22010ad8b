// GET /health: version and store, and whether the pages' build is still the loaded one;
// and the same split for load balancers and orchestrators: /health/live (is this process
// worth keeping? only a restart mends a replaced build) and /health/ready (should it get
// requests? not while its store or its build is missing). /health answers as /health/ready.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { asciiJson } from '../json-cache.ts';
import type { RouteKit } from '../route-kit.ts';
import { errorSchema, jsonContent } from '../schemas.ts';

const healthSchema = z.object({ status: z.literal('ok'), version: z.string(), store: z.string() }).meta({ id: 'Health' });
const liveSchema = z.object({ status: z.literal('ok'), version: z.string() }).meta({ id: 'Liveness' });

const notReady =
  'The store does not answer (`unavailable`, with `store: "down"` beside the error), or the site was rebuilt under the running server and pages answer 503 until it restarts (`restart_needed`).';
const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Version and store (as /health/ready)',
  responses: {
    200: jsonContent(healthSchema, 'The API and its store answer.'),
    503: jsonContent(errorSchema, notReady),
  },
});
const readyRoute = createRoute({
  method: 'get',
  path: '/health/ready',
  summary: 'Readiness: send this process requests?',
  description: 'For a load balancer: while this fails, take the process out of rotation (do not restart it: a store outage is not mended by a restart).',
  responses: {
    200: jsonContent(healthSchema, 'The API and its store answer.'),
    503: jsonContent(errorSchema, notReady),
  },
});
const liveRoute = createRoute({
  method: 'get',
  path: '/health/live',
  summary: 'Liveness: keep this process?',
  description: 'For an orchestrator’s restart policy: answers without asking the store, and fails only when a restart is what mends the process.',
  responses: {
    200: jsonContent(liveSchema, 'The process answers.'),
    503: jsonContent(errorSchema, 'The site was rebuilt under the running server (`restart_needed`): restart it.'),
  },
});

/** How long a store check is trusted: health is polled often, and may be load-tested. */
const PING_TTL_MS = 1000;

export function registerHealth(app: OpenAPIHono<ApiEnv>, deps: ApiDeps, { answer, error }: RouteKit) {
  type State = 'up' | 'down' | 'rebuilt';
  let checked: { at: number; state: State } = { at: -Infinity, state: 'down' };
  // Made once: health is what load balancers poll, and what bench:api holds to 0.7 of Hono's hello-JSON.
  const up = asciiJson({ status: 'ok' as const, version: deps.version, store: deps.store.kind });
  const reply = (c: Context<ApiEnv>, state: State) => {
    if (state === 'up') return answer.jsonText(c, up, 200);
    // `store: "down"` beside the error tells a monitor which part failed.
    if (state === 'down') return answer.json(c, { error: { code: 'unavailable' as const, message: '数据存储暂时不可用。' }, store: 'down' as const }, 503);
    // A load balancer takes the server out, and a monitor raises the alarm, while its pages are 503s.
    return error(c, 503, 'restart_needed', '网站已重新构建，这个进程还在用启动时的构建：请重启服务器。在那之前页面回答 503，其余接口照常。');
  };
  const check = (now: number, storeOk: boolean): State => (checked = { at: now, state: deps.siteBuild?.replaced() ? 'rebuilt' : storeOk ? 'up' : 'down' }).state;
  const ready = (c: Context<ApiEnv>) => {
    const now = performance.now();
    // Answered at once, without waiting for the store, while the last check is fresh.
    if (now - checked.at <= PING_TTL_MS) return reply(c, checked.state);
    return deps.store.ping().then(
      (ok) => reply(c, check(now, ok)),
      () => reply(c, check(now, false)),
    );
  };
  app.openapi(route, ready);
  app.openapi(readyRoute, ready);
  const alive = { status: 'ok' as const, version: deps.version };
  app.openapi(liveRoute, (c) => (deps.siteBuild?.replaced() ? reply(c, 'rebuilt') : answer.json(c, alive, 200)));
}
