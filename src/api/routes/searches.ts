// Search analytics, written by the help center's search: POST /searches (a settled
// search: normalised query, outcome, result count, and the result opened if one was
// before it was sent), POST /search-clicks (a result opened later), and the old POST
// /search-misses, still taken from pages cached before analytics (counted as a search
// that found nothing). Nothing about the visitor is kept: see docs/operating/search-analytics.md.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { MAX_RESULT_POSITION, SEARCH_OUTCOMES } from '../../lib/search/analytics.ts';
import { MAX_QUERY_LENGTH, normaliseQuery } from '../../lib/search/query.ts';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import type { RouteKit } from '../route-kit.ts';
import { errorResponses, jsonBody, jsonContent, storedText } from '../schemas.ts';
import { feedbackInputSchema } from './feedback.ts';

const query = storedText(MAX_QUERY_LENGTH, { name: '搜索词' });
const click = {
  /** The result's site path, e.g. `/faq/change-administrator/`. */
  page: feedbackInputSchema.shape.page,
  position: z
    .number({ error: '必须是整数' })
    .int('必须是整数')
    .min(1, '从 1 开始')
    .max(MAX_RESULT_POSITION, `不能大于 ${MAX_RESULT_POSITION}`)
    .meta({ description: 'Where the result was listed, 1 for the first.' }),
};

export const searchInputSchema = z
  .strictObject({
    query,
    outcome: z.enum(SEARCH_OUTCOMES, { error: `必须是 ${SEARCH_OUTCOMES.join('、')} 之一` }).meta({
      description: '`results` (confident answers), `partial` (only stray words matched), `guess` (best guesses), `none`.',
    }),
    results: z.number({ error: '必须是整数' }).int('必须是整数').min(0, '不能小于 0').max(10_000, '不能大于 10000').meta({ description: 'How many results the search showed.' }),
    click: z.strictObject(click).optional().meta({ description: 'A result opened before the search was sent.' }),
  })
  .meta({ id: 'SearchInput' });

export const searchClickInputSchema = z.strictObject({ query, ...click }).meta({ id: 'SearchClickInput' });

export const searchMissInputSchema = z.strictObject({ query }).meta({ id: 'SearchMissInput' });

const recorded = z.object({ recorded: z.literal(true) });

export function registerSearches(app: OpenAPIHono<ApiEnv>, deps: ApiDeps, { answer, storingWrite }: RouteKit) {
  const middleware = [storingWrite];
  const searchRoute = createRoute({
    method: 'post',
    path: '/searches',
    middleware,
    summary: 'Record a settled search (and the result opened, if any)',
    request: { body: jsonBody(searchInputSchema) },
    responses: { 202: jsonContent(recorded, 'Added to the day’s totals for its query and outcome.'), ...errorResponses },
  });
  app.openapi(searchRoute, async (c) => {
    const { query, outcome, results, click } = c.req.valid('json');
    const key = normaliseQuery(query);
    await deps.store.recordSearch({ query: key, outcome, results });
    if (click) await deps.store.recordSearchClick({ query: key, ...click });
    return answer.json(c, { recorded: true as const }, 202);
  });

  const clickRoute = createRoute({
    method: 'post',
    path: '/search-clicks',
    middleware,
    summary: 'Record a search result opened',
    description: 'Counted only when the query was recorded as a search that day or the day before: `recorded` says whether it was.',
    request: { body: jsonBody(searchClickInputSchema) },
    responses: { 202: jsonContent(z.object({ recorded: z.boolean() }), 'Taken; `recorded: false` when no search of the query was recorded.'), ...errorResponses },
  });
  app.openapi(clickRoute, async (c) => {
    const click = c.req.valid('json');
    const recorded = await deps.store.recordSearchClick({ ...click, query: normaliseQuery(click.query) });
    return answer.json(c, { recorded }, 202);
  });

  const missRoute = createRoute({
    method: 'post',
    path: '/search-misses',
    middleware,
    summary: 'Record a search that found nothing (old pages; use /searches)',
    deprecated: true,
    request: { body: jsonBody(searchMissInputSchema) },
    responses: { 202: jsonContent(recorded, 'Recorded as a search with outcome `none`.'), ...errorResponses },
  });
  app.openapi(missRoute, async (c) => {
    await deps.store.recordSearch({ query: normaliseQuery(c.req.valid('json').query), outcome: 'none', results: 0 });
    return answer.json(c, { recorded: true as const }, 202);
  });
}
