// The server's checks before a request reaches a handler (src/server/request-checks.ts),
// on plain request objects; tests/server/refusals.test.ts sends the same through a socket.
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { bodyLimit, dropUnusableRange, pageMethods, readFormBody, toOriginForm, unknownTransferCoding } from '../../src/server/request-checks.ts';

const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers: { ...headers } }) as unknown as IncomingMessage;

describe('request targets', () => {
  test.each([
    { target: '/api/v1/health', ok: true, url: '/api/v1/health', host: 'site' },
    { target: 'http://example.com:8080/api/v1/health?x=1', ok: true, url: '/api/v1/health?x=1', host: 'example.com:8080' },
    { target: 'HTTPS://Example.com/faq/', ok: true, url: '/faq/', host: 'example.com' },
    { target: '*', ok: false, url: '*', host: 'site' },
    { target: 'example.com:443', ok: false, url: 'example.com:443', host: 'site' },
    { target: 'ftp://x/api/v1/health', ok: false, url: 'ftp://x/api/v1/health', host: 'site' },
    { target: 'http://a:b:c/', ok: false, url: 'http://a:b:c/', host: 'site' },
  ])('$target', ({ target, ok, url, host }) => {
    const req = request(target, { host: 'site' });
    expect(toOriginForm(req)).toBe(ok);
    expect(req.url).toBe(url);
    expect(req.headers.host).toBe(host);
  });
});

test.each([
  [undefined, undefined],
  ['chunked', undefined],
  ['Chunked ', undefined],
  ['gzip, chunked', 'gzip, chunked'],
  ['identity', 'identity'],
])('Transfer-Encoding %s → refused: %s', (coding, refused) => {
  expect(unknownTransferCoding(request('/', coding === undefined ? {} : { 'transfer-encoding': coding }))).toBe(refused);
});

test('methods and body limits by path', () => {
  expect(pageMethods('/')).toEqual(['GET', 'HEAD']);
  expect(pageMethods('/admin/?x=1')).toEqual(['GET', 'HEAD', 'POST']);
  expect(pageMethods('/admin')).toEqual(['GET', 'HEAD', 'POST']);
  expect(pageMethods('/admin/export/feedback.csv')).toEqual(['GET', 'HEAD']);
  expect(bodyLimit('/admin/')).toBe(8 * 1024);
  expect(bodyLimit('/api/v1/feedback')).toBe(32 * 1024);
  expect(bodyLimit('/search/')).toBe(0);
});

test.each([
  ['bytes=0-4', 'bytes=0-4'],
  ['bytes=10-', 'bytes=10-'],
  ['bytes=5-1', undefined],
  ['bytes=-5', undefined],
  ['bytes=0-1,3-4', undefined],
  ['bytes=abc', undefined],
  ['bytes=99999999999999999999-', undefined],
])('Range %s is kept as %s', (range, kept) => {
  const req = request('/robots.txt', { range });
  dropUnusableRange(req);
  expect(req.headers.range).toBe(kept);
});

describe('a form body read up to its limit', () => {
  const body = () => new PassThrough() as unknown as IncomingMessage & PassThrough;
  test('within the limit: the bytes', async () => {
    const req = body();
    const read = readFormBody(req, 10);
    req.end('token=abc');
    expect((await read).toString()).toBe('token=abc');
  });
  test('over it: too-large as soon as it is passed, the rest not read', async () => {
    const req = body();
    const read = readFormBody(req, 10);
    req.write('token=abcdef');
    expect(await read).toBe('too-large');
    expect(req.isPaused()).toBe(true);
  });
  test('a client that hangs up: cut-short', async () => {
    const req = body();
    const read = readFormBody(req, 10);
    req.write('tok');
    req.destroy();
    expect(await read).toBe('cut-short');
  });
});
