import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { pageHref, pageProblem, pagerView, requestedPage, type PagesShown } from '../../src/lib/admin/paging.ts';
import { csvChunks, toCsv } from '../../src/lib/csv.ts';
import { readNdjson } from '../../src/lib/ndjson.ts';
import { streamBody } from '../../src/server/adapters/stream-body.ts';

const params = (query: string) => new URL(`https://help.example.com/admin/${query}`).searchParams;

describe('which page the address asks for', () => {
  test.each([
    ['', 1],
    ['?quotes-page=', 1],
    ['?quotes-page=2', 2],
    ['?quotes-page=%202%20', 2],
    ['?quotes-page=1000000', 1_000_000],
    ['?search-misses-page=5', 1],
  ])('%s → page %i', (query, page) => {
    expect(requestedPage(params(query), 'quotes')).toEqual({ page });
  });

  test.each([
    ['?quotes-page=abc', 'abc'],
    ['?quotes-page=0', '0'],
    ['?quotes-page=-1', '-1'],
    ['?quotes-page=1.5', '1.5'],
    ['?quotes-page=1e3', '1e3'],
    ['?quotes-page=0x10', '0x10'],
    ['?quotes-page=1000001', '1000001'],
    ['?quotes-page=99999999999999999999', '99999999999999999999'],
    ['?quotes-page=2&quotes-page=3', '2,3'],
  ])('%s is no page number: the first page, and the value kept to say so', (query, invalid) => {
    expect(requestedPage(params(query), 'quotes')).toEqual({ page: 1, invalid });
  });

  test('a wrong or missing page is said plainly, long junk cut short', () => {
    expect(pageProblem({ page: 1, invalid: 'abc' }, 2)).toBe('页码「abc」无效：应为 1 到 2 之间的整数。下面是第 1 页。');
    expect(pageProblem({ page: 9 }, 2)).toBe('没有第 9 页：共 2 页。下面是第 1 页。');
    expect(pageProblem({ page: 1, invalid: 'x'.repeat(300) }, 1)).toBe(`页码「${'x'.repeat(20)}…」无效：应为 1 到 1 之间的整数。下面是第 1 页。`);
    expect(pageProblem({ page: 2 }, 2)).toBeUndefined();
  });

  // Moved from tests/browser/feedback-admin.test.ts, which loaded the operator page once
  // for each of these; it keeps one wrong value and one missing page for the wiring.
  test.each([
    ['abc', '页码「abc」无效：应为 1 到 2 之间的整数。下面是第 1 页。'],
    ['0', '页码「0」无效：应为 1 到 2 之间的整数。下面是第 1 页。'],
    ['-1', '页码「-1」无效：应为 1 到 2 之间的整数。下面是第 1 页。'],
    ['1e3', '页码「1e3」无效：应为 1 到 2 之间的整数。下面是第 1 页。'],
    ['99999999999999999999999', '页码「99999999999999999999…」无效：应为 1 到 2 之间的整数。下面是第 1 页。'],
    ['<b>2</b>', '页码「<b>2</b>」无效：应为 1 到 2 之间的整数。下面是第 1 页。'],
    ['3', '没有第 3 页：共 2 页。下面是第 1 页。'],
    ['1000000', '没有第 1,000,000 页：共 2 页。下面是第 1 页。'],
  ])('quotes-page=%s of 2 pages, beside search-misses-page=2, says: %s', (value, message) => {
    expect(pageProblem(requestedPage(params(`?search-misses-page=2&quotes-page=${encodeURIComponent(value)}`), 'quotes'), 2)).toBe(message);
    expect(pageProblem(requestedPage(params(`?search-misses-page=2&quotes-page=${encodeURIComponent(value)}`), 'search-misses'), 3)).toBeUndefined();
  });

  test('the parameter twice is not a page either', () => {
    expect(pageProblem(requestedPage(params('?quotes-page=2&quotes-page=2'), 'quotes'), 2)).toBe('页码「2,2」无效：应为 1 到 2 之间的整数。下面是第 1 页。');
  });

  test.each([
    ['abc', '页码「abc」无效：应为 1 到 3 之间的整数。下面是第 1 页。'],
    ['2.5', '页码「2.5」无效：应为 1 到 3 之间的整数。下面是第 1 页。'],
    ['4', '没有第 4 页：共 3 页。下面是第 1 页。'],
  ])('feedback-page=%s of 3 pages, beside quotes-page=2, says: %s', (value, message) => {
    expect(pageProblem(requestedPage(params(`?quotes-page=2&feedback-page=${encodeURIComponent(value)}`), 'feedback'), 3)).toBe(message);
  });
});

describe('what a table says and links to', () => {
  const url = new URL('https://help.example.com/admin/?report=12345678&search-misses-page=3&quotes-page=2');
  const view = (page: number, total: number, shown: number, at = url, pages: PagesShown = { 'search-misses': 3, quotes: page }) =>
    pagerView({ table: 'quotes', page, total, shown, firstPageIs: '最新的', url: at, pages });

  test('the first of two pages', () => {
    expect(view(1, 130, 100, new URL('https://help.example.com/admin/'), { quotes: 1 })).toEqual({
      summary: '显示最新的 100 条，共 130 条。',
      page: 1,
      pages: 2,
      position: '第 1 / 2 页',
      previous: undefined,
      next: '/admin/?quotes-page=2#quotes',
      jump: undefined,
    });
  });

  test('a later page keeps the rest of the address; page 1 is the address without the parameter', () => {
    expect(view(2, 130, 30)).toMatchObject({
      summary: '显示第 101–130 条，共 130 条。',
      position: '第 2 / 2 页',
      previous: '/admin/?report=12345678&search-misses-page=3#quotes',
      next: undefined,
    });
    expect(pageHref(url, 'quotes', 5, { 'search-misses': 3, quotes: 2 })).toBe('/admin/?report=12345678&search-misses-page=3&quotes-page=5#quotes');
  });

  test('the other tables’ pages are kept as shown, not as asked for: a wrong one is left behind, not said again on every page', async () => {
    const wrong = new URL('https://help.example.com/admin/?search-misses-page=abc&quotes-page=2');
    // search-misses asked for 「abc」 and shows its first page.
    expect(view(2, 123_456, 100, wrong, { 'search-misses': 1, quotes: 2 })).toMatchObject({
      previous: '/admin/#quotes',
      next: '/admin/?quotes-page=3#quotes',
      jump: { param: 'quotes-page', action: '/admin/#quotes', keep: [] },
    });
    // Each table's value as the address gave it, the report kept in its place; twice
    // the parameter, or a page that is not there, is no page either.
    const mixed = new URL('https://help.example.com/admin/?feedback-page=9&report=12345678&search-misses-page=2&search-misses-page=2&quotes-page=2&feedback-page=x');
    const pages = { feedback: 1, 'search-misses': 1, quotes: 2 };
    expect(view(2, 123_456, 100, mixed, pages)).toMatchObject({ next: '/admin/?report=12345678&quotes-page=3#quotes', jump: { keep: [['report', '12345678']] } });
    const shownElsewhere = { feedback: 3, 'search-misses': 2, quotes: 2 };
    expect(view(2, 123_456, 100, mixed, shownElsewhere)).toMatchObject({
      next: '/admin/?feedback-page=3&report=12345678&search-misses-page=2&quotes-page=3#quotes',
      jump: { keep: [['feedback-page', '3'], ['report', '12345678'], ['search-misses-page', '2']] },
    });
    // A table shown on a later page that the address does not name (it cannot, but) is kept too.
    expect(pageHref(new URL('https://help.example.com/admin/'), 'quotes', 2, { feedback: 4 })).toBe('/admin/?feedback-page=4&quotes-page=2#quotes');
  });

  test('everything on one page; nothing at all', () => {
    expect(view(1, 100, 100)).toMatchObject({ summary: '共 100 条，全部显示。', pages: 1, previous: undefined, next: undefined, jump: undefined });
    expect(view(1, 0, 0)).toMatchObject({ summary: undefined, pages: 1 });
  });

  test('many pages: numbers grouped, and a form to go to any page that keeps the rest of the address', () => {
    expect(view(2, 123_456, 100)).toMatchObject({
      summary: '显示第 101–200 条，共 123,456 条。',
      position: '第 2 / 1,235 页',
      jump: { param: 'quotes-page', action: '/admin/#quotes', keep: [['report', '12345678'], ['search-misses-page', '3']] },
    });
  });
});

describe('exports of any length', () => {
  const collect = async <T>(items: AsyncIterable<T>) => {
    const all: T[] = [];
    for await (const item of items) all.push(item);
    return all;
  };
  async function* rows(n: number) {
    for (let i = 1; i <= n; i++) yield [`第 ${i} 行`, i, '=SUM(A1)'];
  }

  test('CSV in pieces is the same file as CSV at once', async () => {
    const pieces = await collect(csvChunks(['名称', '数', '公式'], rows(1000), 4096));
    expect(pieces.length).toBeGreaterThan(5);
    const whole = toCsv(['名称', '数', '公式'], await collect(rows(1000)));
    expect(pieces.join('')).toBe(whole);
    expect(whole.startsWith('\uFEFF名称,数,公式\r\n第 1 行,1,\'=SUM(A1)\r\n')).toBe(true);
    expect(await collect(csvChunks(['名称'], rows(0)))).toEqual(['\uFEFF名称\r\n']);
  });

  test('NDJSON is read line by line however the bytes are cut, inside a character too', async () => {
    const bytes = new TextEncoder().encode('{"q":"发票"}\n\n{"q":"退款"}\n{"q":"最后"}');
    async function* cut(size: number) {
      for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
    }
    for (const size of [1, 2, 5, bytes.length]) expect(await collect(readNdjson(cut(size)))).toEqual([{ q: '发票' }, { q: '退款' }, { q: '最后' }]);
  });

  test('a stream body is made as it is read, fails early where it can, and stops its source when cancelled', async () => {
    const made: number[] = [];
    let stopped = false;
    async function* source() {
      try {
        for (let i = 0; i < 100; i++) {
          made.push(i);
          yield `${i}\n`;
        }
      } finally {
        stopped = true;
      }
    }
    const body = await streamBody(source());
    expect(made).toEqual([0]);
    const reader = body.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('0\n');
    await reader.cancel();
    expect(stopped).toBe(true);
    expect(made).toEqual([0]);

    async function* failing(): AsyncGenerator<string> {
      throw new Error('store unreadable');
    }
    await expect(streamBody(failing())).rejects.toThrow('store unreadable');
  });

  /** A source of `n` pieces that says what it made and whether it was stopped. */
  function counted(n: number) {
    const made: number[] = [];
    const state = { stopped: false, made };
    async function* source() {
      try {
        for (let i = 0; i < n; i++) {
          made.push(i);
          yield `${i}\n`;
        }
      } finally {
        state.stopped = true;
      }
    }
    return { state, source: source() };
  }
  /** A Node response as streamBody sees it: over once it closes; needing a drain when told. */
  class Outlet extends EventEmitter {
    closed = false;
    writableNeedDrain = false;
    close() {
      this.closed = true;
      this.emit('close');
    }
  }
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  test('a body nobody reads is stopped when its response is over; a response already over reads nothing', async () => {
    // A HEAD answered from the GET, a body dropped by a framework: the response ends unread.
    const unread = counted(100);
    const outlet = new Outlet();
    await streamBody(unread.source, outlet);
    expect(unread.state).toEqual({ made: [0], stopped: false });
    outlet.close();
    await turn();
    expect(unread.state).toEqual({ made: [0], stopped: true });
    expect(outlet.listenerCount('close')).toBe(0);

    // The client hung up before the answer was ready: the source is not even started.
    const late = counted(100);
    const gone = new Outlet();
    gone.close();
    const body = await streamBody(late.source, gone);
    expect(await body.getReader().read()).toEqual({ done: true, value: undefined });
    expect(late.state.made).toEqual([]);

    // … or while the first piece was being made: it is stopped once that piece is.
    let release!: () => void;
    const slowFirst = { stopped: false };
    async function* slow() {
      try {
        await new Promise<void>((resolve) => (release = resolve));
        yield 'first';
        yield 'second';
      } finally {
        slowFirst.stopped = true;
      }
    }
    const during = new Outlet();
    const answer = streamBody(slow(), during);
    await turn();
    during.close();
    release();
    await answer;
    await turn();
    expect(slowFirst.stopped).toBe(true);
  });

  test('the next piece waits until the client has taken the last; each is made in an event-loop turn of its own', async () => {
    const paced = counted(3);
    const outlet = new Outlet();
    const reader = (await streamBody(paced.source, outlet)).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('0\n');
    outlet.writableNeedDrain = true;
    const second = reader.read();
    for (let i = 0; i < 5; i++) await turn();
    expect(paced.state.made).toEqual([0]);
    outlet.writableNeedDrain = false;
    outlet.emit('drain');
    expect(new TextDecoder().decode((await second).value)).toBe('1\n');
    expect(paced.state.made).toEqual([0, 1]);
    // A response over while a drain is awaited ends the body (and does not hang).
    outlet.writableNeedDrain = true;
    const third = reader.read();
    await turn();
    outlet.close();
    expect(await third).toEqual({ done: true, value: undefined });
    expect(paced.state).toEqual({ made: [0, 1], stopped: true });

    // A synchronous source (node:sqlite) does not hold the event loop until it ends.
    const events: string[] = [];
    async function* fast() {
      for (let i = 0; i < 50; i++) {
        events.push(`piece ${i}`);
        yield 'x';
      }
    }
    const whole = streamBody(fast()).then((body) => new Response(body).text());
    setImmediate(() => events.push('another request'));
    expect(await whole).toBe('x'.repeat(50));
    expect(events.indexOf('another request')).toBeGreaterThan(0);
    expect(events.indexOf('another request')).toBeLessThan(5);
  });
});
