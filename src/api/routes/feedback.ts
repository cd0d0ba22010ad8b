// POST /feedback: "这篇文章有帮助吗？" votes, with an optional comment.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { errorResponses, jsonBody, jsonContent } from '../schemas.ts';

export const feedbackInputSchema = z
  .strictObject({
    /** Path of the article voted on, e.g. `/faq/change-administrator/`. */
    page: z.string().trim().regex(/^\/[^\s?#]{0,199}$/, '必须是站内页面路径，以 / 开头'),
    helpful: z.boolean(),
    comment: z.string().trim().max(500, '评论最多 500 个字').optional(),
    /** A random id kept by the browser: a second vote with it replaces the first. */
    voter: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '投票标识格式不对').optional(),
  })
  .meta({ id: 'FeedbackInput' });

const route = createRoute({
  method: 'post',
  path: '/feedback',
  summary: 'Record whether an article helped',
  request: { body: jsonBody(feedbackInputSchema) },
  responses: {
    201: jsonContent(z.object({ id: z.number().int(), createdAt: z.iso.datetime() }), 'Stored.'),
    ...errorResponses,
  },
});

export function registerFeedback(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  app.openapi(route, async (c) => c.json(await deps.store.addFeedback(c.req.valid('json')), 201));
}
