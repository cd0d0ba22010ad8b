// Robot quota: the price list, estimates, and saved quotes that reopen with the figures
// (and price-list version) they were made with.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import type { RouteKit } from '../route-kit.ts';
import { errorResponses, errorSchema, jsonBody, jsonContent, quoteSchema } from '../schemas.ts';
import { priceListSchema } from '../../lib/quota/price-list.ts';
import { EstimateRangeError, estimateInputSchema, estimateRobotQuote, estimateSchema, type Estimate } from '../../lib/quota/estimate.ts';
import { QUOTE_ID_PATTERN } from '../../lib/id-formats.ts';
import { DEFAULT_GROWTH_PERIOD } from '../../lib/quota/usage.ts';
import { asciiJson, cachedPriceListJson, estimateAnswers } from '../json-cache.ts';
import type { SavedQuote } from '../../store/types.ts';
import { TOOL_PAGES } from '../../lib/content/tools.ts';

const priceListRoute = createRoute({
  method: 'get',
  path: '/robot-quota/price-list',
  summary: 'The price list in force',
  responses: { 200: jsonContent(priceListSchema.meta({ id: 'PriceList' }), 'Current prices; `sample: true` means sample prices.') },
});

// Named once (schemas with an id are registered for the OpenAPI document).
const documentedEstimateInput = estimateInputSchema.meta({ id: 'EstimateInput' });
const documentedEstimate = estimateSchema.meta({ id: 'Estimate' });

const getQuoteRoute = createRoute({
  method: 'get',
  path: '/robot-quota/quotes/{id}',
  summary: 'A saved quote, as it was made',
  request: { params: z.object({ id: z.string().meta({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: jsonContent(quoteSchema, 'The quote.'),
    404: jsonContent(errorSchema, 'No quote with this id.'),
  },
});

const quoteUrl = (id: string) => `${TOOL_PAGES.robotQuota}?quote=${id}`;

export function toQuoteResponse(quote: SavedQuote) {
  return {
    id: quote.id,
    url: quoteUrl(quote.id),
    // Quotes saved before growthPeriod existed grew by the month.
    input: { growthPeriod: DEFAULT_GROWTH_PERIOD, ...(quote.input as object) } as z.output<typeof quoteSchema>['input'],
    estimate: quote.estimate as z.output<typeof estimateSchema>,
    priceListVersion: quote.priceListVersion,
    createdAt: quote.createdAt,
  };
}

export function registerRobotQuota(app: OpenAPIHono<ApiEnv>, deps: ApiDeps, { answer, error, storingWrite }: RouteKit) {
  /** Runs the estimate, turning a use beyond the supported range into a 400 on its field. */
  const estimate = (c: Context<ApiEnv>, input: z.output<typeof estimateInputSchema>, list = deps.priceList()) => {
    try {
      return { ok: true as const, value: estimateRobotQuote(input, list) };
    } catch (failure) {
      if (!(failure instanceof EstimateRangeError)) throw failure;
      return { ok: false as const, refusal: error(c, 400, 'invalid_request', failure.message, { fields: [{ path: failure.field, message: failure.message }] }) };
    }
  };

  // Answered from ready-made ASCII JSON: without, bench:api finds the price list under 0.7 of Hono's hello-JSON.
  app.openapi(priceListRoute, (c) => answer.jsonText(c, cachedPriceListJson(deps.priceList()), 200));

  // A body answered before is answered again before it is parsed and checked: without, bench:api finds the estimate under 0.7 of the one-line Hono route.
  const answeredBefore: MiddlewareHandler<ApiEnv> = async (c, next) => {
    const known = estimateAnswers.get<Estimate>(deps.priceList(), await c.req.text());
    if (known !== undefined) return answer.jsonText(c, known, 200);
    await next();
    return undefined;
  };
  const estimateRoute = createRoute({
    method: 'post',
    path: '/robot-quota/estimate',
    middleware: [answeredBefore],
    summary: 'Estimate robot licences and conversation packs',
    request: { body: jsonBody(documentedEstimateInput) },
    responses: { 200: jsonContent(documentedEstimate, 'The estimate.'), ...errorResponses },
  });
  app.openapi(estimateRoute, async (c) => {
    const list = deps.priceList();
    const result = estimate(c, c.req.valid('json'), list);
    if (!result.ok) return result.refusal;
    // Kept as ASCII JSON, which Node writes with the head in one copy (json-cache.ts): the cached answers are what bench:api measures.
    const json = asciiJson(result.value);
    estimateAnswers.keep(list, await c.req.text(), json);
    return answer.jsonText(c, json, 200);
  });

  const saveQuoteRoute = createRoute({
    method: 'post',
    path: '/robot-quota/quotes',
    middleware: [storingWrite],
    summary: 'Save an estimate as a quote that can be shared',
    request: { body: jsonBody(estimateInputSchema) },
    responses: { 201: jsonContent(quoteSchema, 'The saved quote.'), ...errorResponses },
  });
  app.openapi(saveQuoteRoute, async (c) => {
    const input = c.req.valid('json');
    const result = estimate(c, input);
    if (!result.ok) return result.refusal;
    const saved = await deps.store.saveQuote({ input, estimate: result.value, priceListVersion: result.value.priceList.version });
    return answer.json(c, toQuoteResponse(saved), 201);
  });

  app.openapi(getQuoteRoute, async (c) => {
    const { id } = c.req.valid('param');
    const quote = QUOTE_ID_PATTERN.test(id) ? await deps.store.getQuote(id) : undefined;
    if (!quote) return error(c, 404, 'not_found', '没有找到这份估算，链接可能有误。');
    return answer.json(c, toQuoteResponse(quote), 200);
  });
}
