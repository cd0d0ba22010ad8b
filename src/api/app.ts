// The support API (`/api/v1`): a Hono app independent of Astro, served by the server
// entry in production and mounted on the dev server by src/integrations/support-api.ts.
// Routes are thin adapters over src/lib (rules) and src/store (what is kept).
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { apiSecurityHeaders } from '../server/security-headers.ts';
import { clientAddress, requestHost, type ApiDeps, type ApiEnv } from './deps.ts';
import { errorResponse, handleError, validationHook } from './errors.ts';
import { adminAuth } from './middleware/admin-auth.ts';
import { originGuard } from './middleware/origin-guard.ts';
import { rateLimitWrites } from './middleware/rate-limit.ts';
import { registerAdmin } from './routes/admin.ts';
import { registerDiagnostics } from './routes/diagnostics.ts';
import { registerFeedback } from './routes/feedback.ts';
import { registerHealth } from './routes/health.ts';
import { registerRobotQuota } from './routes/robot-quota.ts';
import { registerSearchMisses } from './routes/search-misses.ts';

export const API_BASE = '/api/v1';
export const MAX_BODY_BYTES = 32 * 1024;

/** Builds the API app; every path is under `/api/v1`. */
export function createApiApp(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath(API_BASE);

  app.use(requestId());
  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(apiSecurityHeaders)) c.res.headers.set(name, value);
    c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        c.header('Allow', methods.join(', '));
        return errorResponse(c, 405, 'method_not_allowed', `这个接口不支持 ${c.req.method}，可用：${methods.join('、')}。`);
      },
    }),
  );
  app.use(originGuard({ allowedOrigins: deps.allowedOrigins, requestHost: (c) => requestHost(c, deps.trustProxy) }));
  app.use(rateLimitWrites({ writesPerMinute: deps.writesPerMinute, clientAddress: (c) => clientAddress(c, deps.trustProxy) }));
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => errorResponse(c, 413, 'payload_too_large', '请求体太大，最多 32 KB。') }));
  app.use('/admin/*', adminAuth(deps.adminToken));

  registerHealth(app, deps);
  registerRobotQuota(app, deps);
  registerFeedback(app, deps);
  registerSearchMisses(app, deps);
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

  app.notFound((c) => errorResponse(c, 404, 'not_found', '没有这个接口。'));
  app.onError(handleError);
  return app;
}

export type ApiApp = ReturnType<typeof createApiApp>;
