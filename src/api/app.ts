// The support API (`/api/v1`): a Hono app independent of Astro, served by the server
// entry in production and mounted on the dev server by src/integrations/support-api.ts.
// Routes are thin adapters over src/lib (rules) and src/store (what is kept).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { chineseMessage } from '../config/chinese-messages.ts';
import { API_BASE } from '../lib/api-paths.ts';
import { clientAddress, requestHost, type ApiDeps, type ApiEnv } from './deps.ts';
import { errorResponse, handleError, validationHook } from './errors.ts';
import { MAX_BODY_BYTES } from './limits.ts';
import { adminAuth } from './middleware/admin-auth.ts';
import { limitBodySize } from './middleware/body-size.ts';
import { originGuard } from './middleware/origin-guard.ts';
import { rateLimitWrites } from './middleware/rate-limit.ts';
import { registerAdmin } from './routes/admin.ts';
import { registerDiagnostics } from './routes/diagnostics.ts';
import { registerFeedback } from './routes/feedback.ts';
import { registerHealth } from './routes/health.ts';
import { registerRobotQuota } from './routes/robot-quota.ts';
import { registerSearches } from './routes/searches.ts';

/**
 * The POST routes that keep something in the store, and so share one per-client rate
 * limit: a burst from one address cannot fill the store. The estimate only computes
 * (a calculator asks it at every pause in typing) and is not counted.
 */
export const STORING_WRITES = ['/robot-quota/quotes', '/feedback', '/searches', '/search-clicks', '/search-misses', '/diagnostics/reports'] as const;

/** Builds the API app; every path is under `/api/v1`. */
export function createApiApp(deps: ApiDeps) {
  // Field messages a person can read, in Chinese, wherever a schema has no message of its own.
  z.config({ localeError: chineseMessage });
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath(API_BASE);

  // Security headers and `Cache-Control: no-store` are set by the Node server in front
  // (src/server/security-headers.ts): added here they would turn node-server's light
  // responses into full ones. Middleware that only writes need runs only on writes, so
  // a read is answered by its route alone, synchronously where it can be.
  // The methods each path answers, known once every route is registered (below).
  let allowedMethods: (path: string) => string[] = () => [];
  app.on(
    ['POST', 'OPTIONS'],
    '*',
    originGuard({
      allowedOrigins: deps.allowedOrigins,
      requestHost: (c) => requestHost(c, deps.trustProxy),
      isRoute: (path) => allowedMethods(path).length > 0,
    }),
  );
  const client = (c: Context) => clientAddress(c, deps.trustProxy);
  const rateLimit = rateLimitWrites({ writesPerMinute: deps.writesPerMinute, count: deps.countWrite, clientAddress: client });
  for (const path of STORING_WRITES) app.post(path, rateLimit);
  app.post('*', limitBodySize(MAX_BODY_BYTES));
  app.use('/admin/*', adminAuth({ token: deps.adminToken, throttle: deps.tokenThrottle, clientAddress: client }));

  registerHealth(app, deps);
  registerRobotQuota(app, deps);
  registerFeedback(app, deps);
  registerSearches(app, deps);
  registerDiagnostics(app, deps);
  registerAdmin(app, deps);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Wenda support API',
      version: deps.version,
      description: 'The JSON API behind the help center’s tools. Errors share one shape: `{error: {code, message, fields?, requestId?}}`.',
    },
    servers: [{ url: '/' }],
  });

  // Only requests that match no route pay for the 405 check.
  allowedMethods = methodsByPath(app);
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (!allowed.length) return errorResponse(c, 404, 'not_found', '没有这个接口。');
    c.header('Allow', allowed.join(', '));
    return errorResponse(c, 405, 'method_not_allowed', `这个接口不支持 ${c.req.method}，可用：${allowed.join('、')}。`);
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
