// POST /feedback: "这篇文章有帮助吗？" votes, with an optional comment.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { VOTER_ID_PATTERN } from '../../lib/id-formats.ts';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import type { RouteKit } from '../route-kit.ts';
import { errorResponses, jsonBody, jsonContent, storedText } from '../schemas.ts';

export const feedbackInputSchema = z
  .strictObject({
    /** Path of the article or tool page voted on, e.g. `/faq/change-administrator/`: one the built site has. */
    page: z.string().trim().regex(/^\/[^\s?#\u0000-\u001F\u007F]{0,199}$/, '必须是站内页面路径，以 / 开头').refine((path) => path.isWellFormed(), '必须是站内页面路径，以 / 开头'),
    helpful: z.boolean(),
    comment: storedText(500, { min: 0, name: '评论' }).optional(),
    /** A random id kept by the browser: a second vote with it replaces the first. */
    voter: z.string().regex(VOTER_ID_PATTERN, '投票标识格式不对').optional(),
  })
  .meta({ id: 'FeedbackInput' });

export function registerFeedback(app: OpenAPIHono<ApiEnv>, deps: ApiDeps, { answer, error, storingWrite }: RouteKit) {
  const route = createRoute({
    method: 'post',
    path: '/feedback',
    middleware: [storingWrite],
    summary: 'Record whether an article helped',
    request: { body: jsonBody(feedbackInputSchema) },
    responses: {
      201: jsonContent(z.object({ id: z.number().int(), createdAt: z.iso.datetime() }), 'Stored.'),
      ...errorResponses,
    },
  });
  app.openapi(route, async (c) => {
    const vote = c.req.valid('json');
    // Only the site's own articles and tool pages: made-up paths would fill the operator's list.
    if (!deps.votablePage(vote.page)) {
      const fields = [{ path: 'page', message: '不是本站的文章或工具页面，不能对它投票' }];
      return error(c, 400, 'invalid_request', '请求内容有误，请检查标出的字段。', { fields });
    }
    return answer.json(c, await deps.store.addFeedback(vote), 201);
  });
}
