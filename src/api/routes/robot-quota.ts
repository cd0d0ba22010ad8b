// Robot quota: the price list, estimates, and saved quotes that reopen with the figures
// (and price-list version) they were made with.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps.ts';
import { errorResponse } from '../errors.ts';
import { errorResponses, errorSchema, jsonBody, jsonContent, quoteSchema } from '../schemas.ts';
import { priceListSchema } from '../../lib/quota/price-list.ts';
import { EstimateRangeError, estimateInputSchema, estimateRobotQuote, estimateSchema } from '../../lib/quota/estimate.ts';
import { QUOTE_ID_PATTERN } from '../../lib/id-formats.ts';
import { asciiJson, cachedEstimateJson, cachedPriceListJson, jsonAnswer } from '../json-cache.ts';
import { parseJsonBody, readJsonBody, readJsonText } from '../json-body.ts';
import type { SavedQuote } from '../../store/types.ts';
import { TOOL_PAGES } from '../../lib/content/tools.ts';

const priceListRoute = createRoute({
  method: 'get',
  path: '/robot-quota/price-list',
  summary: 'The price list in force',
  responses: { 200: jsonContent(priceListSchema.meta({ id: 'PriceList' }), 'Current prices; `sample: true` means sample prices.') },
});

const estimateRoute = createRoute({
  method: 'post',
  path: '/robot-quota/estimate',
  summary: 'Estimate robot licences and conversation packs',
  request: { body: jsonBody(estimateInputSchema.meta({ id: 'EstimateInput' })) },
  responses: { 200: jsonContent(estimateSchema.meta({ id: 'Estimate' }), 'The estimate.'), ...errorResponses },
});

const saveQuoteRoute = createRoute({
  method: 'post',
  path: '/robot-quota/quotes',
  summary: 'Save an estimate as a quote that can be shared',
  request: { body: jsonBody(estimateInputSchema) },
  responses: { 201: jsonContent(quoteSchema, 'The saved quote.'), ...errorResponses },
});

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
    input: { growthPeriod: 'month', ...(quote.input as object) } as z.output<typeof quoteSchema>['input'],
    estimate: quote.estimate as z.output<typeof estimateSchema>,
    priceListVersion: quote.priceListVersion,
    createdAt: quote.createdAt,
  };
}

export function registerRobotQuota(app: OpenAPIHono<ApiEnv>, deps: ApiDeps) {
  /** Runs the estimate, turning a use beyond the supported range into a 400 on its field. */
  const estimate = (c: Context, input: z.output<typeof estimateInputSchema>, list = deps.priceList()) => {
    try {
      return { ok: true as const, value: estimateRobotQuote(input, list) };
    } catch (error) {
      if (!(error instanceof EstimateRangeError)) throw error;
      return { ok: false as const, refusal: errorResponse(c, 400, 'invalid_request', error.message, { fields: [{ path: error.field, message: error.message }] }) };
    }
  };

  const json = (text: string) => jsonAnswer(text) as never;

  app.openapi(priceListRoute, () => json(cachedPriceListJson(deps.priceList())));

  // Like every write, read and checked by src/api/json-body.ts; here in two steps, so a
  // body the cache has answered before is not parsed again.
  app.openAPIRegistry.registerPath(estimateRoute);
  app.post(estimateRoute.path, async (c) => {
    const text = await readJsonText(c);
    if (typeof text !== 'string') return text;
    const list = deps.priceList();
    const answer = cachedEstimateJson(list, text, () => {
      const body = parseJsonBody(c, text, estimateInputSchema);
      if (body instanceof Response) return body;
      const result = estimate(c, body.data, list);
      return result.ok ? asciiJson(result.value) : result.refusal;
    });
    return typeof answer === 'string' ? json(answer) : answer;
  });

  app.openAPIRegistry.registerPath(saveQuoteRoute);
  app.post(saveQuoteRoute.path, async (c) => {
    const body = await readJsonBody(c, estimateInputSchema);
    if (body instanceof Response) return body;
    const input = body.data;
    const result = estimate(c, input);
    if (!result.ok) return result.refusal;
    const saved = await deps.store.saveQuote({ input, estimate: result.value, priceListVersion: result.value.priceList.version });
    return c.json(toQuoteResponse(saved), 201);
  });

  app.openapi(getQuoteRoute, async (c) => {
    const { id } = c.req.valid('param');
    const quote = QUOTE_ID_PATTERN.test(id) ? await deps.store.getQuote(id) : undefined;
    if (!quote) return errorResponse(c, 404, 'not_found', '没有找到这份估算，链接可能有误。');
    return c.json(toQuoteResponse(quote), 200);
  });
}
