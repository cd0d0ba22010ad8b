// The support API (`/api/v1`): a Hono app independent of Astro, served by the server
// entry in production and mounted on the dev server by src/integrations/support-api.ts.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness of the API',
  responses: {
    200: {
      description: 'The API answers.',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

/** Builds the API app; every path is under `/api/v1`. */
export function createApiApp() {
  const app = new OpenAPIHono().basePath('/api/v1');
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: '没有这个接口' } }, 404));
  return app;
}
