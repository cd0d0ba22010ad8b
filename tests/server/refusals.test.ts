// What a client sends can be refused, never answered with a 5xx or a dropped connection:
// one test per defect of issue 17 (body limits on every door, a clear status for every
// bad request), against the built server through raw sockets. docs/operating/limits.md
// lists every limit and refusal; the fuzz in tests/faults/ sends thousands of mixes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { finalResponse, rawExchange } from '../faults/raw-http.ts';

const ADMIN = 'refusals-test-admin-token';
let server: RunningServer;
let port: number;
beforeAll(async () => {
  server = await startServer({ env: { WENDA_ADMIN_TOKEN: ADMIN } });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.stop();
});

const exchange = async (text: string | Buffer, parts: (string | Buffer)[] = []) => {
  const answer = await rawExchange(port, [text, ...parts], { waitMs: 5000 });
  return { ...answer, response: finalResponse(answer.text) };
};
const errorOf = (body: string | undefined) => (JSON.parse(body ?? '') as { error: { code: string; message: string; fields?: { path: string }[] } }).error;

describe('a body limit on every door', { timeout: 30_000 }, () => {
  test('the sign-in form: 200 MB declared is a 413 before any of it is sent, and the connection closes', async () => {
    const head = `POST /admin/ HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nOrigin: ${server.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\ntoken=`;
    const answer = await exchange(head);
    expect(answer.status).toBe(413);
    expect(answer.closedByServer).toBe(true);
    expect(answer.response!.body).toContain('8 KB');
  });

  test('the sign-in form: a chunked body is cut off at 8 KB with a 413', async () => {
    const head = `POST /admin HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nOrigin: ${server.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const chunk = `1000\r\n${'a'.repeat(0x1000)}\r\n`;
    const answer = await exchange(head, [chunk, chunk, chunk]);
    expect(answer.status).toBe(413);
  });

  test('the sign-in form still signs in, and takes nothing but a form', async () => {
    const signIn = await fetch(`${server.url}/admin/`, {
      method: 'POST',
      headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'sign-in', token: ADMIN }),
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('set-cookie')).toContain('wenda_admin');
    const json = await fetch(`${server.url}/admin/`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
  });

  test('an API POST declaring more than 32 KB is a 413 before the body is sent', async () => {
    const answer = await exchange('POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 209715200\r\n\r\n{"page":');
    expect(answer.status).toBe(413);
    expect(answer.closedByServer).toBe(true);
    expect(errorOf(answer.response!.body).code).toBe('payload_too_large');
  });

  test('100-continue: no 100 for a body that will be refused', async () => {
    const answer = await exchange('POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n');
    expect(answer.status).toBe(413);
  });
});

describe('no 500 for what a client sends', { timeout: 30_000 }, () => {
  test('TRACE and other methods a page does not take: 405 with Allow, nothing in the log', async () => {
    for (const [method, path, allow] of [
      ['TRACE', '/faq/nope/', 'GET, HEAD'],
      ['TRACE', '/admin/', 'GET, HEAD, POST'],
      ['DELETE', '/', 'GET, HEAD'],
      ['PUT', '/search/', 'GET, HEAD'],
      ['OPTIONS', '/admin/export/feedback.csv', 'GET, HEAD'],
      ['POST', '/search/', 'GET, HEAD'],
    ]) {
      const answer = await exchange(`${method} ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.response!.headers.get('allow'), `${method} ${path}`).toBe(allow);
    }
    expect(server.output()).not.toMatch(/ERROR|\n\s+at /);
  });

  test('an Expect the server will not meet: 417 in the JSON shape', async () => {
    const answer = await exchange('POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 200-ok\r\n\r\n{}');
    expect(answer.status).toBe(417);
    expect(answer.response!.headers.get('content-type')).toBe('application/json');
    expect(errorOf(answer.response!.body).fields?.[0]?.path).toBe('Expect');
  });

  test('an absolute-form target is served as its path', async () => {
    const answer = await exchange('GET http://example.com/api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.response!.body).status).toBe('ok');
    const other = await exchange('OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(other.status).toBe(400);
  });

  test('a bad WebSocket handshake: 400 in the JSON shape naming the header; an upgrade elsewhere gets an ordinary answer', async () => {
    const answer = await exchange('GET /api/v1/diagnostics/ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.response!.headers.get('content-type')).toBe('application/json');
    expect(errorOf(answer.response!.body).fields?.[0]?.path).toBe('Sec-WebSocket-Key');
    const elsewhere = await exchange('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, close\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    expect(elsewhere.status).toBe(200);
  });

  test('CONNECT: 405 in the JSON shape, not a dropped connection', async () => {
    const answer = await exchange('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(answer.status).toBe(405);
    expect(errorOf(answer.response!.body).code).toBe('method_not_allowed');
  });

  test('transfer codings other than chunked: 400 naming Transfer-Encoding', async () => {
    const answer = await exchange('POST /api/v1/search-misses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(errorOf(answer.response!.body).fields?.[0]?.path).toBe('Transfer-Encoding');
  });

  test('a body that is not UTF-8 is refused with 400 and nothing is stored', async () => {
    const json = (bytes: number[]) => Buffer.concat([Buffer.from('{"query":"'), Buffer.from(bytes), Buffer.from('"}')]);
    // A stray byte, a cut sequence, and U+FFFD itself (what a stray byte becomes once decoded).
    for (const body of [json([0xff, 0xfe]), json([0xe5, 0xb8]), json([0xef, 0xbf, 0xbd])]) {
      const declared = await fetch(`${server.url}/api/v1/search-misses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(declared.status).toBe(400);
      expect((await declared.json()).error.fields[0].path).toBe('(body)');
      const chunked = await exchange(`POST /api/v1/search-misses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body.length.toString(16)}\r\n`, [body, '\r\n0\r\n\r\n']);
      expect(chunked.status).toBe(400);
    }
    const stored = await (await fetch(`${server.url}/api/v1/admin/search-misses`, { headers: { Authorization: `Bearer ${ADMIN}` } })).json();
    expect(JSON.stringify(stored)).not.toContain('\ufffd');
  });

  test('a Range the static files would misread is ignored: the whole file, and the server lives', async () => {
    for (const range of ['bytes=5-1', 'bytes=-5', 'bytes=0-1,3-4']) {
      const res = await fetch(`${server.url}/robots.txt`, { headers: { Range: range } });
      expect(res.status, range).toBe(200);
      await res.arrayBuffer();
    }
    const part = await fetch(`${server.url}/robots.txt`, { headers: { Range: 'bytes=0-4' } });
    expect(part.status).toBe(206);
    expect((await part.text()).length).toBe(5);
    expect(server.process.exitCode).toBeNull();
  });
});
