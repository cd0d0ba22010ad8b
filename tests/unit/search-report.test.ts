// The browser's search reporter, against the real API app and SQLite store: what it
// sends is what the operator sees, once per query and tab, whether the visitor waits
// for it to settle, arrives with the query in the address, leaves at once, or opens a
// result; and nothing refused is lost.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { searchReporter, type ShownSearch } from '../../src/components/search/search-report.ts';
import { testApi } from '../support/api.ts';

let api: ReturnType<typeof testApi>;
/** Every request the reporter made, and the API's answer. */
let requests: { path: string; body: Record<string, unknown>; keepalive: boolean | undefined }[];
let answers: Promise<Response>[];
/** What to answer instead of the API, one per request (a status code, or no network), before it answers itself. */
let refusals: (number | 'offline')[];
/** The window: `pagehide` is dispatched on it. (Queries sent are remembered for the module's life, as in a tab: each test has its own.) */
let page: EventTarget;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  api = testApi();
  requests = [];
  answers = [];
  refusals = [];
  page = new EventTarget();
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
  vi.stubGlobal('location', new URL('https://help.example.com/faq/download-client/'));
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    requests.push({ path: url, body: JSON.parse(String(init.body)), keepalive: init.keepalive });
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

/** Every request is answered. */
async function answered() {
  await Promise.allSettled(answers);
  await new Promise((resolve) => setImmediate(resolve));
}
/** The visitor stops typing: the settle time passes and every request is answered. */
async function settle() {
  await vi.advanceTimersByTimeAsync(1500);
  await answered();
}
async function leave() {
  page.dispatchEvent(new Event('pagehide'));
  await answered();
}

const none = (query: string): ShownSearch => ({ query, outcome: 'none', results: 0 });

async function recorded(): Promise<[string, number, number][]> {
  const { queries } = await (await api.get('/admin/search-analytics/queries', api.adminHeaders)).json();
  return queries.map((q: { query: string; searches: number; clicks: number }) => [q.query, q.searches, q.clicks]);
}

/** A results list (the `a.hit` links its container's query finds: results only). */
function resultList(paths: string[]) {
  const listeners: Record<string, ((event: MouseEvent) => void)[]> = {};
  const links = paths.map((path) => {
    const a = { href: `https://help.example.com${path}`, closest: () => a };
    return a;
  });
  return {
    container: {
      addEventListener: (type: string, fn: (event: MouseEvent) => void) => (listeners[type] ??= []).push(fn),
      querySelectorAll: () => links,
    } as unknown as HTMLElement,
    click: (index: number, button = 0) => {
      for (const fn of listeners[button === 1 ? 'auxclick' : 'click'] ?? []) fn({ target: links[index], button } as unknown as MouseEvent);
    },
  };
}

describe('searchReporter', () => {
  test('a long query ending in an emoji is clipped whole and recorded', async () => {
    const query = `${'发'.repeat(99)}😀 以后`;
    searchReporter('', () => query).shown(none(query));
    await settle();
    expect((await answers[0]!).status).toBe(202);
    expect(await recorded()).toEqual([['发'.repeat(99), 1, 0]]);
  });

  test('one search per query however it is spelled; only the settled query is sent, with its outcome and result count', async () => {
    let current = '';
    const reporter = searchReporter('', () => current);
    for (current of ['退', '退款', '退款  流程']) reporter.shown({ query: current, outcome: 'results', results: 3 });
    await settle();
    for (current of [' 退款 流程', 'x']) {
      reporter.shown(none(current));
      await settle();
    }
    current = '退款 流程';
    reporter.shown(none('退款 流程'));
    reporter.shown(none('已改')); // typed on before it settled: not sent
    current = '已改掉';
    await settle();
    expect(requests.map((r) => r.body)).toEqual([
      { query: '退款 流程', outcome: 'results', results: 3 },
      { query: 'x', outcome: 'none', results: 0 },
    ]);
    expect(requests.every((r) => r.path === '/api/v1/searches' && r.keepalive)).toBe(true);
  });

  test.each([400, 429, 503, 'offline'] as const)('a search answered %s is sent again the next time it settles', async (refusal) => {
    const query = `发票抬头 ${refusal}`;
    const reporter = searchReporter('', () => query);
    refusals = [refusal];
    reporter.shown(none(query));
    await settle();
    reporter.shown(none(query));
    await settle();
    expect(answers).toHaveLength(2);
    expect(await recorded()).toEqual([[query, 1, 0]]);
  });

  test('a query that came in the address is sent at once, without waiting to settle', async () => {
    searchReporter('', () => '发票').shown({ query: '发票', outcome: 'partial', results: 2 }, { now: true });
    await answered();
    expect(requests.map((r) => r.body)).toEqual([{ query: '发票', outcome: 'partial', results: 2 }]);
  });

  test('leaving before the search settled sends it on pagehide, once; a query typed on from, or emptied, is not sent', async () => {
    let current = '开发票';
    const reporter = searchReporter('', () => current);
    reporter.shown(none('开发票'));
    await leave();
    expect(requests).toHaveLength(1);
    await leave();
    await settle();
    expect(requests.map((r) => r.body.query)).toEqual(['开发票']);
    expect(requests[0]!.keepalive).toBe(true);

    current = '退款流';
    reporter.shown(none('退款'));
    await leave();
    current = '';
    reporter.shown(none('退款'));
    reporter.cancel();
    await leave();
    expect(requests).toHaveLength(1);
    expect(await recorded()).toEqual([['开发票', 1, 0]]);
  });

  test('a result opened: with the search when it was not sent yet, alone once it was; positions count results only', async () => {
    let current = '下载';
    const reporter = searchReporter('', () => current);
    const list = resultList(['/faq/download-client/', '/faq/message-records/', '/search/?q=下载']);
    reporter.watchClicks(list.container);
    reporter.shown({ query: '下载', outcome: 'results', results: 3 });
    list.click(1);
    await answered();
    await settle(); // already sent: not again
    list.click(0, 1);
    await answered();
    expect(requests.map((r) => [r.path, r.body])).toEqual([
      ['/api/v1/searches', { query: '下载', outcome: 'results', results: 3, click: { page: '/faq/message-records/', position: 2 } }],
      ['/api/v1/search-clicks', { query: '下载', page: '/faq/download-client/', position: 1 }],
    ]);
    expect(await recorded()).toEqual([['下载', 1, 2]]);
    const { articles } = await (await api.get('/admin/search-analytics/articles', api.adminHeaders)).json();
    expect(articles.map((a: { page: string; averagePosition: number }) => [a.page, a.averagePosition])).toEqual([
      ['/faq/download-client/', 1],
      ['/faq/message-records/', 2],
    ]);
  });
});
