// The calculator store against a scripted API: answers that arrive out of order, field
// errors, an unreachable API.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createCalculatorStore, figuresState } from '../../src/components/robot-quota/calculator-store.ts';
import { ApiError, ApiUnreachableError, type SupportApiClient } from '../../src/browser/support-api-client.ts';
import type { Estimate } from '../../src/lib/quota/estimate.ts';

/** An API whose estimate answers are resolved by the test, in any order. */
function scriptedApi() {
  const pending: { input: { robots: number }; resolve: (e: Estimate) => void; reject: (e: Error) => void }[] = [];
  const api = {
    priceList: () => new Promise(() => {}),
    estimate: (input: { robots: number }) => new Promise<Estimate>((resolve, reject) => pending.push({ input, resolve, reject })),
    saveQuote: () => Promise.reject(new Error('not used')),
    quote: () => Promise.reject(new Error('not used')),
  } as unknown as SupportApiClient;
  return { api, pending };
}
const fakeEstimate = (totalCost: number) => ({ totalCost }) as Estimate;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('calculator store', () => {
  test('a slow answer to an older input never overwrites a newer one', async () => {
    const { api, pending } = scriptedApi();
    const store = createCalculatorStore({ api, syncUrl: false });
    store.start();
    store.setField('robots', '2');
    await vi.advanceTimersByTimeAsync(400);
    store.setField('robots', '3');
    await vi.advanceTimersByTimeAsync(400);
    expect(pending.map((p) => p.input.robots)).toEqual([1, 2, 3]);
    pending[2]!.resolve(fakeEstimate(300));
    await vi.runAllTimersAsync();
    pending[1]!.resolve(fakeEstimate(200));
    pending[0]!.resolve(fakeEstimate(100));
    await vi.runAllTimersAsync();
    expect(store.$result.get()).toMatchObject({ status: 'ready', estimate: { totalCost: 300 }, input: { robots: 3 } });
  });

  test('typing is debounced: one request per pause, not per keystroke', async () => {
    const { api, pending } = scriptedApi();
    const store = createCalculatorStore({ api, syncUrl: false });
    store.start();
    for (const text of ['1', '12', '120', '1200', '12000']) {
      store.setField('monthlyConversations', text);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(400);
    expect(pending).toHaveLength(2);
  });

  test('the API’s field errors land on their fields; the last figures stay', async () => {
    const { api, pending } = scriptedApi();
    const store = createCalculatorStore({ api, syncUrl: false });
    store.start();
    pending[0]!.resolve(fakeEstimate(100));
    await vi.runAllTimersAsync();
    // Within every input's range, but dearer than the API can price (it depends on the price list).
    store.setField('monthlyConversations', '1亿');
    await vi.advanceTimersByTimeAsync(400);
    const refusal = '按这份价目表，所需费用超过可精确计算的范围（约 900 亿元），请调低首月预计对话量或增长率';
    pending[1]!.reject(new ApiError(400, 'invalid_request', '请求内容有误', [{ path: 'monthlyConversations', message: refusal }]));
    await vi.runAllTimersAsync();
    expect(store.$result.get()).toMatchObject({ status: 'invalid', fieldErrors: { monthlyConversations: refusal }, estimate: { totalCost: 100 } });
  });

  test('text that is not a number, or a number out of its range, is caught before any request, with its field’s message', async () => {
    const { api, pending } = scriptedApi();
    const store = createCalculatorStore({ api, syncUrl: false });
    store.start();
    store.setField('carryOverBalance', '不少');
    await vi.advanceTimersByTimeAsync(400);
    expect(pending).toHaveLength(1);
    expect(store.$result.get()).toMatchObject({ status: 'invalid', fieldErrors: { carryOverBalance: '本期剩余次数：请输入 0 到 10 亿之间的整数' } });
    store.setField('carryOverBalance', '0');
    store.setField('robots', '5000');
    store.setField('monthlyGrowthPercent', '-60');
    await vi.advanceTimersByTimeAsync(400);
    expect(pending).toHaveLength(1);
    expect(store.$result.get()).toMatchObject({
      status: 'invalid',
      fieldErrors: { robots: '机器人数量：请输入 1 到 1000 之间的整数', monthlyGrowthPercent: '增长率：请输入 -50 到 200 之间的数字' },
    });
    // A growth that takes a year's use past the estimate's range: the API's own words.
    store.setField('robots', '2');
    store.setField('monthlyConversations', '1亿');
    store.setField('monthlyGrowthPercent', '200');
    store.setField('years', '5');
    await vi.advanceTimersByTimeAsync(400);
    expect(pending).toHaveLength(1);
    expect(store.$result.get()).toMatchObject({ status: 'invalid', fieldErrors: { monthlyGrowthPercent: expect.stringContaining('第 1 年的对话量将超过 1 万亿次') } });
    store.setField('monthlyGrowthPercent', '-10');
    await vi.advanceTimersByTimeAsync(400);
    expect(pending.map((p) => p.input)).toEqual([expect.anything(), { robots: 2, monthlyConversations: 100_000_000, monthlyGrowthPercent: -10, years: 5, carryOverBalance: 0, growthPeriod: 'month' }]);
  });

  test('the figures are out of date from the first keystroke until the new answer, and stay so while an input is wrong', async () => {
    const { api, pending } = scriptedApi();
    const store = createCalculatorStore({ api, syncUrl: false });
    store.start();
    pending[0]!.resolve(fakeEstimate(100));
    await vi.runAllTimersAsync();
    expect(figuresState(store.$result.get())).toEqual({ current: true });
    store.setField('robots', '3');
    expect(figuresState(store.$result.get())).toEqual({ current: false });
    expect(store.$result.get().estimate).toEqual({ totalCost: 100 });
    await vi.advanceTimersByTimeAsync(400);
    pending[1]!.resolve(fakeEstimate(300));
    await vi.runAllTimersAsync();
    expect(figuresState(store.$result.get())).toEqual({ current: true });
    store.setField('robots', 'abc');
    await vi.advanceTimersByTimeAsync(400);
    expect(pending).toHaveLength(2);
    expect(figuresState(store.$result.get())).toMatchObject({ current: false, reason: expect.stringContaining('尚未更新') });
    expect(store.$result.get().estimate).toEqual({ totalCost: 300 });
    // Correcting it: the reason stays until the new answer is in.
    store.setField('robots', '4');
    await vi.advanceTimersByTimeAsync(400);
    expect(store.$result.get().status).toBe('loading');
    expect(figuresState(store.$result.get())).toMatchObject({ current: false, reason: expect.stringContaining('尚未更新') });
    pending[2]!.resolve(fakeEstimate(400));
    await vi.runAllTimersAsync();
    expect(figuresState(store.$result.get())).toEqual({ current: true });
  });

  test('an answer still on its way when the input changes never lands: not after a wrong input, not after another keystroke', async () => {
    const { api, pending } = scriptedApi();
    const store = createCalculatorStore({ api, syncUrl: false });
    store.start();
    pending[0]!.resolve(fakeEstimate(100));
    await vi.runAllTimersAsync();

    store.setField('robots', '3');
    await vi.advanceTimersByTimeAsync(350); // robots=3 is asked
    store.setField('robots', 'abc');
    await vi.advanceTimersByTimeAsync(350);
    pending[1]!.resolve(fakeEstimate(300));
    await vi.runAllTimersAsync();
    expect(store.$result.get()).toMatchObject({ status: 'invalid', estimate: { totalCost: 100 } });
    expect(figuresState(store.$result.get()).current).toBe(false);

    store.setField('robots', '4');
    await vi.advanceTimersByTimeAsync(350); // robots=4 is asked
    store.setField('robots', '5'); // typed before its answer
    pending[2]!.resolve(fakeEstimate(400));
    await vi.advanceTimersByTimeAsync(10);
    expect(store.$result.get().status).toBe('loading');
    expect(figuresState(store.$result.get()).current).toBe(false);
    await vi.advanceTimersByTimeAsync(350);
    pending[3]!.resolve(fakeEstimate(500));
    await vi.runAllTimersAsync();
    expect(store.$result.get()).toMatchObject({ status: 'ready', estimate: { totalCost: 500 }, input: { robots: 5 } });
  });

  test('a quote link saved for inputs changed meanwhile is not shown', async () => {
    const { api, pending } = scriptedApi();
    let answerSave: (quote: { id: string; url: string }) => void = () => {};
    api.saveQuote = (() => new Promise((resolve) => (answerSave = resolve))) as never;
    vi.stubGlobal('location', { href: 'https://help.example.com/tools/robot-quota/' });
    const store = createCalculatorStore({ api, syncUrl: false });
    store.start();
    pending[0]!.resolve(fakeEstimate(100));
    await vi.runAllTimersAsync();
    const sharing = store.share();
    expect(store.$share.get().status).toBe('saving');
    store.setField('robots', '5');
    answerSave({ id: 'q1', url: '/tools/robot-quota/?quote=q1' });
    await sharing;
    expect(store.$share.get()).toEqual({ status: 'idle' });
    vi.unstubAllGlobals();
  });

  test('a quote link is not made from a wrong input, and says why', async () => {
    const { api } = scriptedApi();
    const store = createCalculatorStore({ api, syncUrl: false });
    store.start();
    store.setField('robots', 'abc');
    await store.share();
    expect(store.$share.get()).toEqual({ status: 'failed', message: expect.stringContaining('请先修改提示有误的项目') });
  });

  test.each([
    ['cut short', 'Ab3dEf7h', 0],
    ['of an id the API does not know', 'Ab3dEf7hJk9m', 1],
  ])('a quote link %s says the quote was not found and estimates the defaults', async (_, id, asked) => {
    const { api, pending } = scriptedApi();
    const quoteCalls: string[] = [];
    api.quote = ((quoteId: string) => {
      quoteCalls.push(quoteId);
      return Promise.reject(new ApiError(404, 'not_found', '没有这份报价'));
    }) as never;
    vi.stubGlobal('location', { search: `?quote=${id}`, pathname: '/tools/robot-quota/', href: `https://help.example.com/tools/robot-quota/?quote=${id}` });
    vi.stubGlobal('addEventListener', () => {});
    vi.stubGlobal('removeEventListener', () => {});
    const store = createCalculatorStore({ api, syncUrl: true });
    store.start();
    await vi.runAllTimersAsync();
    expect(quoteCalls).toHaveLength(asked);
    expect(store.$quoteMissing.get()).toBe(true);
    expect(pending.map((p) => p.input.robots)).toEqual([1]);
    vi.unstubAllGlobals();
  });

  test('an unreachable API keeps the inputs and offers a retry that works', async () => {
    const { api, pending } = scriptedApi();
    const store = createCalculatorStore({ api, syncUrl: false });
    store.start();
    store.setField('robots', '4');
    await vi.advanceTimersByTimeAsync(400);
    pending[1]!.reject(new ApiUnreachableError('无法连接到服务器'));
    await vi.runAllTimersAsync();
    expect(store.$result.get().status).toBe('unreachable');
    expect(store.$fields.get().robots).toBe('4');
    void store.estimateNow('none');
    pending[2]!.resolve(fakeEstimate(400));
    await vi.runAllTimersAsync();
    expect(store.$result.get()).toMatchObject({ status: 'ready', input: { robots: 4 } });
  });
});
