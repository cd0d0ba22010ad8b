// The browser's failed-search reporter, against the real API app and SQLite store:
// what it sends is what support sees, once per query, and nothing refused is lost.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { missReporter } from '../../src/scripts/search/search-misses.ts';
import { testApi } from '../support/api.ts';

let api: ReturnType<typeof testApi>;
/** Every answer the API gave the reporter, in order. */
let answers: Promise<Response>[];
/** What to answer instead of the API, one per request (a status code, or no network), before it answers itself. */
let refusals: (number | 'offline')[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  api = testApi();
  answers = [];
  refusals = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const refused = refusals.shift();
    const answer =
      refused === 'offline'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : refused
          ? Promise.resolve(new Response('{}', { status: refused }))
          : Promise.resolve(api.app.request(url, { ...init, headers: { ...init.headers, Host: 'help.example.com' } }));
    answers.push(answer);
    return answer;
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  api.close();
});

/** The visitor stops typing: the settle time passes and every request is answered. */
async function settle() {
  await vi.advanceTimersByTimeAsync(1500);
  await Promise.allSettled(answers);
  await new Promise((resolve) => setImmediate(resolve));
}

async function recorded(): Promise<[string, number][]> {
  const { misses } = await (await api.get('/admin/search-misses', api.adminHeaders)).json();
  return misses.map((m: { query: string; count: number }) => [m.query, m.count]);
}

describe('missReporter', () => {
  test('a long query ending in an emoji is clipped whole and recorded', async () => {
    const query = `${'发'.repeat(99)}😀 以后`;
    missReporter('', () => query).unanswered(query);
    await settle();
    expect((await answers[0]!).status).toBe(202);
    expect(await recorded()).toEqual([['发'.repeat(99), 1]]);
  });

  test('one report per query however it is spelled; only the settled query is sent', async () => {
    let current = '';
    const reporter = missReporter('', () => current);
    for (current of ['退', '退款', '退款  流程']) reporter.unanswered(current);
    await settle();
    for (current of [' 退款 流程', 'x']) {
      reporter.unanswered(current);
      await settle();
    }
    current = '退款 流程';
    reporter.unanswered('退款 流程');
    reporter.unanswered('已改'); // typed on before it settled: not sent
    current = '已改掉';
    await settle();
    expect(answers).toHaveLength(2);
    expect((await recorded()).sort()).toEqual([['x', 1], ['退款 流程', 1]]);
  });

  test.each([400, 429, 503, 'offline'] as const)('a query answered %s is sent again the next time it settles', async (refusal) => {
    const query = `发票抬头 ${refusal}`;
    const reporter = missReporter('', () => query);
    refusals = [refusal];
    reporter.unanswered(query);
    await settle();
    reporter.unanswered(query);
    await settle();
    expect(answers).toHaveLength(2);
    expect(await recorded()).toEqual([[query, 1]]);
  });
});
