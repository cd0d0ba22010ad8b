import { describe, expect, test, vi } from 'vitest';
import { samplePriceList } from '../support/api.ts';
import { MAX_CACHED_BODY_CHARS, MAX_CACHED_ESTIMATES, cachedPriceListJson, asciiJson, estimateAnswers } from '../../src/api/json-cache.ts';
import type { PriceList } from '../../src/lib/quota/price-list.ts';

const freshList = () => ({ ...samplePriceList });
const decode = (json: string) => JSON.parse(json);

/** As the estimate route uses the cache: an answer kept is given again, else `compute` makes one, kept unless it is a refusal. */
function cachedEstimateJson<R extends object>(list: PriceList, body: string, compute: () => string | R): string | R {
  const known = estimateAnswers.get<unknown>(list, body);
  if (known !== undefined) return known;
  const answer = compute();
  if (typeof answer === 'string') estimateAnswers.keep(list, body, answer);
  return answer;
}

describe('estimate cache', () => {
  test('a body seen before is answered without computing again', () => {
    const list = freshList();
    const compute = vi.fn(() => asciiJson({ n: 1 }));
    const first = cachedEstimateJson(list, '{"robots":1}', compute);
    const second = cachedEstimateJson(list, '{"robots":1}', compute);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(decode(second as string)).toEqual({ n: 1 });
  });

  test('another price list object starts afresh', () => {
    const compute = vi.fn(() => asciiJson({}));
    cachedEstimateJson(freshList(), 'same body', compute);
    cachedEstimateJson(freshList(), 'same body', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  test('a refusal is returned but not kept', () => {
    const list = freshList();
    const refusal = new Response('no', { status: 400 });
    const compute = vi.fn(() => refusal);
    expect(cachedEstimateJson(list, 'bad', compute)).toBe(refusal);
    expect(cachedEstimateJson(list, 'bad', compute)).toBe(refusal);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  test('bodies longer than the limit are answered but not kept', () => {
    const list = freshList();
    const long = ' '.repeat(MAX_CACHED_BODY_CHARS) + '{}';
    const compute = vi.fn(() => asciiJson({}));
    cachedEstimateJson(list, long, compute);
    cachedEstimateJson(list, long, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  test('keeps the most recently used bodies and drops the oldest beyond the limit', () => {
    const list = freshList();
    const compute = vi.fn(() => asciiJson({}));
    for (let i = 0; i < MAX_CACHED_ESTIMATES; i++) cachedEstimateJson(list, `body ${i}`, compute);
    cachedEstimateJson(list, 'body 0', compute); // used again: now the newest
    cachedEstimateJson(list, 'one more', compute); // evicts body 1, the oldest
    compute.mockClear();
    cachedEstimateJson(list, 'body 0', compute);
    expect(compute).not.toHaveBeenCalled();
    cachedEstimateJson(list, 'body 1', compute);
    expect(compute).toHaveBeenCalledTimes(1);
  });
});

test('the price list is encoded once per loaded list', () => {
  const list = freshList();
  expect(cachedPriceListJson(list)).toBe(cachedPriceListJson(list));
  expect(decode(cachedPriceListJson(list))).toEqual(samplePriceList);
});

test('answers are ASCII JSON that parses to the same value, Chinese and emoji included', () => {
  const value = { name: '1 万条对话包', note: 'ok 😀', plain: 'abc', quote: '"\\' };
  const json = asciiJson(value);
  expect(json).toMatch(/^[\x20-\x7e]*$/);
  expect(JSON.parse(json)).toEqual(value);
  expect(cachedPriceListJson(freshList())).toMatch(/^[\x20-\x7e]*$/);
});
