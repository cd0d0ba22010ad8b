// The support API (`/api/v1`): a Hono app independent of Astro, served by the server
// entry in production and mounted on the dev server by src/integrations/support-api.ts.
// Routes are thin adapters over src/lib (rules) and src/store (what is kept).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { chineseMessage } from '../config/chinese-messages.ts';
import { API_BASE } from '../lib/api-paths.ts';
import { apiAnswers } from './answers.ts';
import { clientAddress, requestHost, type ApiDeps, type ApiEnv } from './deps.ts';
import { apiErrors } from './errors.ts';
import { MAX_BODY_BYTES } from './limits.ts';
import { adminAuth } from './middleware/admin-auth.ts';
import { jsonBody } from './middleware/json-body.ts';
import { originGuard } from './middleware/origin-guard.ts';
import { countWritesInMemory, rateLimitWrites } from './middleware/rate-limit.ts';
import { createLog } from '../server/log.ts';
import { createMetrics } from '../server/metrics.ts';
import type { RouteKit } from './route-kit.ts';
import { registerAdmin } from './routes/admin.ts';
import { registerDiagnostics } from './routes/diagnostics.ts';
import { registerFeedback } from './routes/feedback.ts';
import { registerHealth } from './routes/health.ts';
import { registerMetrics } from './routes/metrics.ts';
import { registerRobotQuota } from './routes/robot-quota.ts';
import { registerSearch } from './routes/search.ts';
import { registerSearches } from './routes/searches.ts';

/** Builds the API app; every path is under `/api/v1`. */
export function createApiApp(deps: ApiDeps) {
  // Field messages a person can read, in Chinese, wherever a schema has no message of its own.
  z.config({ localeError: chineseMessage });
  // Every answer, refusals and errors included, is made by `answer` with the API's headers.
  const answer = apiAnswers({ siteUrlIsHttps: deps.siteUrlIsHttps ?? false, trustProxy: deps.trustProxy });
  const log = deps.log ?? createLog('info');
  const metrics = deps.metrics ?? createMetrics({ store: deps.store, priceListVersion: () => deps.priceList().version, version: deps.version, poolSize: 1 });
  const { error, validationHook, handleError } = apiErrors(answer, { log, metrics });
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath(API_BASE);

  // Middleware that only writes need runs only on writes, so a read is answered by its
  // route alone, synchronously where it can be. The methods each path answers are known
  // once every route is registered (below).
  let allowedMethods: (path: string) => string[] = () => [];
  app.on(
    ['POST', 'OPTIONS'],
    '*',
    originGuard({
      allowedOrigins: deps.allowedOrigins,
      requestHost: (c) => requestHost(c, deps.trustProxy),
      isRoute: (path) => allowedMethods(path).length > 0,
      answer,
      error,
    }),
  );
  app.post('*', jsonBody({ maxBytes: MAX_BODY_BYTES, error }));
  const client = (c: Context<ApiEnv>) => clientAddress(c, deps.trustProxy);
  app.use('/admin/*', adminAuth({ token: deps.adminToken, throttle: deps.tokenThrottle, clientAddress: client, error }));
  // One write budget per client, attached by each route that stores something where it is defined.
  const storingWrite = rateLimitWrites({ count: deps.countWrite ?? countWritesInMemory(deps.writesPerMinute), clientAddress: client, error });
  const kit: RouteKit = { answer, error, storingWrite, log };

  registerHealth(app, deps, kit);
  registerRobotQuota(app, deps, kit);
  registerFeedback(app, deps, kit);
  registerSearch(app, deps, kit);
  registerSearches(app, deps, kit);
  registerDiagnostics(app, deps, kit);
  registerAdmin(app, deps, kit);
  registerMetrics(app, metrics, kit);

  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Wenda support API',
      version: deps.version,
      description: 'The JSON API behind the help center’s tools. Errors share one shape: `{error: {code, message, fields?, requestId?}}`.',
    },
    servers: [{ url: '/' }],
  };
  app.get('/openapi.json', (c) => answer.json(c, app.getOpenAPI31Document(document), 200));

  // Only requests that match no route pay for the 405 check.
  allowedMethods = methodsByPath(app);
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (!allowed.length) return error(c, 404, 'not_found', '没有这个接口。');
    return error(c, 405, 'method_not_allowed', `这个接口不支持 ${c.req.method}，可用：${allowed.join('、')}。`, {}, { Allow: allowed.join(', ') });
  });
  app.onError(handleError);
  return app;
}

export type ApiApp = ReturnType<typeof createApiApp>;

/** The methods each route path answers, for the `Allow` header of a 405. */
function methodsByPath(app: { routes: { method: string; path: string }[] }): (path: string) => string[] {
  const table = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const { method, path } of app.routes) {
    if (method === 'ALL' || path.endsWith('*')) continue;
    const entry = table.get(path) ?? { pattern: new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}$`), methods: new Set<string>() };
    entry.methods.add(method);
    if (method === 'GET') entry.methods.add('HEAD');
    table.set(path, entry);
  }
  return (path) => [...new Set([...table.values()].filter((e) => e.pattern.test(path)).flatMap((e) => [...e.methods]))];
}
