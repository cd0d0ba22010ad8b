import { afterEach, describe, expect, test } from 'vitest';
import { samplePriceList, testApi } from '../support/api.ts';
import { estimateRobotQuote } from '../../src/lib/quota/estimate.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

const input = { robots: 2, monthlyConversations: 20_000, monthlyGrowthPercent: 5, years: 2, carryOverBalance: 3000 };

describe('robot quota routes', () => {
  test('GET /robot-quota/price-list is the list in force', async () => {
    api = testApi();
    const res = await api.get('/robot-quota/price-list');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(samplePriceList);
  });

  test('POST /robot-quota/estimate answers exactly what the estimate rules give', async () => {
    api = testApi();
    const res = await api.post('/robot-quota/estimate', input);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(estimateRobotQuote(input, samplePriceList))));
  });

  test('defaults apply to omitted fields', async () => {
    api = testApi();
    const body = await (await api.post('/robot-quota/estimate', { robots: 1, monthlyConversations: 1000 })).json();
    expect(body.years).toHaveLength(1);
    expect(body.years[0].carriedIn).toBe(0);
  });

  test('a use beyond 10^12 per year is a 400 naming monthlyGrowthPercent', async () => {
    api = testApi();
    const res = await api.post('/robot-quota/estimate', { robots: 1, monthlyConversations: 100_000_000, monthlyGrowthPercent: 200, years: 5 });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.fields[0].path).toBe('monthlyGrowthPercent');
  });

  test('a body asked again is answered the same, and a reloaded price list prices it afresh', async () => {
    let list = samplePriceList;
    api = testApi({ priceList: () => list });
    const body = JSON.stringify(input);
    const first = await (await api.post('/robot-quota/estimate', body)).json();
    expect(await (await api.post('/robot-quota/estimate', body)).json()).toEqual(first);
    list = { ...samplePriceList, version: 'reloaded', robotLicencePerYear: samplePriceList.robotLicencePerYear * 2 };
    const repriced = await (await api.post('/robot-quota/estimate', body)).json();
    expect(repriced.priceList.version).toBe('reloaded');
    expect(repriced).toEqual(JSON.parse(JSON.stringify(estimateRobotQuote(input, list))));
  });

  test.each([
    ['a wrong field', JSON.stringify({ ...input, robots: 0 }), 'robots'],
    ['malformed JSON', '{"robots": 2,', '(body)'],
    ['a use beyond 10^12', JSON.stringify({ robots: 1, monthlyConversations: 100_000_000, monthlyGrowthPercent: 200, years: 5 }), 'monthlyGrowthPercent'],
  ])('%s is refused every time it is sent, never answered from the cache', async (_, body, field) => {
    api = testApi();
    for (let i = 0; i < 3; i++) {
      const res = await api.post('/robot-quota/estimate', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields[0].path).toBe(field);
    }
  });

  test('the body is still checked for its content type before the cache is asked', async () => {
    api = testApi();
    const body = JSON.stringify(input);
    expect((await api.post('/robot-quota/estimate', body)).status).toBe(200);
    expect((await api.post('/robot-quota/estimate', body, { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  test('a saved quote reopens with the same input, figures and price-list version', async () => {
    api = testApi();
    const created = await api.post('/robot-quota/quotes', input);
    expect(created.status).toBe(201);
    const quote = await created.json();
    expect(quote.id).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(quote.url).toBe(`/tools/robot-quota/?quote=${quote.id}`);
    expect(quote.priceListVersion).toBe(samplePriceList.version);
    expect(quote.input).toEqual({ ...input, growthPeriod: 'month' });
    const again = await api.get(`/robot-quota/quotes/${quote.id}`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(quote);
  });

  test.each(['doesNotExist', 'AAAAAAAAAAAA', '../../etc'])('an unknown quote id %s → 404', async (id) => {
    api = testApi();
    const res = await api.get(`/robot-quota/quotes/${encodeURIComponent(id)}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
