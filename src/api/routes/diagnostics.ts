// POST /diagnostics/reports: the diagnostics tool's results, kept under a reference a
// customer can read out to support on the phone.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import type { RouteKit } from '../route-kit.ts';
import { errorResponses, jsonBody, jsonContent, storedText } from '../schemas.ts';

/** A fact the tool wrote; the browser's name and each finding may not be blank. */
const text = (max: number, min = 0) => storedText(max, { min, name: '这一项' });

/** Browser facts and check results only: nothing personal is accepted. */
export const diagnosticsReportSchema = z
  .strictObject({
    summary: text(500).optional(),
    browser: z.strictObject({
      name: text(60, 1),
      version: text(40).optional(),
      engine: text(40).optional(),
      os: text(60).optional(),
      mode: text(40).optional(),
    }),
    userAgent: text(500).optional(),
    page: text(200).optional(),
    checks: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9-]{1,40}$/),
          /** The check's name as the customer saw it, e.g. 连接接待组件（wpa.b.qq.com）. */
          title: text(80).optional(),
          status: z.enum(['pass', 'warn', 'fail', 'unknown']),
          finding: text(300, 1),
          fix: text(2000).optional(),
        }),
      )
      .min(1)
      .max(40),
  })
  .meta({ id: 'DiagnosticsReport' });

export function registerDiagnostics(app: OpenAPIHono<ApiEnv>, deps: ApiDeps, { answer, storingWrite }: RouteKit) {
  const route = createRoute({
    method: 'post',
    path: '/diagnostics/reports',
    middleware: [storingWrite],
    summary: 'Store a diagnostics report for support',
    request: { body: jsonBody(diagnosticsReportSchema) },
    responses: {
      201: jsonContent(
        z.object({ id: z.string().meta({ description: 'Eight digits to read out to support.' }), createdAt: z.iso.datetime() }),
        'Stored.',
      ),
      ...errorResponses,
    },
  });
  app.openapi(route, async (c) => {
    const { id, createdAt } = await deps.store.saveDiagnosticsReport(c.req.valid('json'));
    return answer.json(c, { id, createdAt }, 201);
  });
}
