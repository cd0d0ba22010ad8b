// Requests refused before any handler runs: Node's own refusals (malformed HTTP, headers
// too large, a request that does not arrive in time), requests @hono/node-server cannot
// turn into a URL (a bad Host header), CONNECT, an Expect the server will not meet, and
// the server's own checks (src/server/request-checks.ts). They get the API's JSON error
// shape (pages: plain text) and the security headers, not Node's empty 400 or 408 or a
// dropped connection. docs/operating/limits.md lists them all.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { RequestError } from '@hono/node-server';
import type { ErrorCode, FieldError } from '../api/errors.ts';
import type { Log } from './log.ts';
import { knownRequestId, REQUEST_ID_HEADER } from './request-id.ts';
import { toOriginForm } from './request-checks.ts';
import { apiSecurityHeaders, setSecurityHeaders } from './security-headers.ts';

/** How long a client may take to send its request headers, and its whole request. */
export const HEADERS_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** How often Node looks for requests over those times (its default, 30 s, would let them run to twice as long). */
export const TIMEOUT_CHECK_INTERVAL_MS = 5_000;

type Refusal = { status: number; code: 'invalid_request' | 'request_timeout'; message: string };

const refusals: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'invalid_request', message: '请求头太大。' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, code: 'invalid_request', message: '分块请求的扩展信息太长。' },
  // Node gives the same code for headersTimeout and requestTimeout.
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    message: `请求没有按时传完（请求头 ${HEADERS_TIMEOUT_MS / 1000} 秒、整个请求 ${REQUEST_TIMEOUT_MS / 1000} 秒），连接已断开。`,
  },
};
const malformed: Refusal = { status: 400, code: 'invalid_request', message: '请求不符合 HTTP 格式，无法处理。' };

/** The raw HTTP answer to a request Node refused (`clientError` of the server). */
function clientErrorAnswer(error: NodeJS.ErrnoException): string {
  const { status, code, message } = refusals[error.code ?? ''] ?? malformed;
  return rawRefusal(status, { code, message });
}

/**
 * A refusal in the API's error shape with the security headers, written straight to a
 * socket no handler answers (Node's refusals, CONNECT, a bad WebSocket handshake); the
 * connection closes after it.
 */
export function rawRefusal(status: number, error: { code: ErrorCode; message: string; fields?: FieldError[] }, headers: Record<string, string> = {}): string {
  const body = JSON.stringify({ error });
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries({ ...apiSecurityHeaders, ...headers }).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

/** Ends `socket` with a refusal; a client that resets it meanwhile costs nothing. */
export function refuseOnSocket(socket: Duplex, status: number, error: { code: ErrorCode; message: string; fields?: FieldError[] }, headers?: Record<string, string>): void {
  if (socket.writable) endAndLinger(socket, rawRefusal(status, error, headers));
  else socket.destroy();
}

/** How long a closing connection still takes (and drops) what the client sends. */
const LINGER_MS = 1000;

/**
 * For the server's `connection`: closing a socket with unread bytes in it resets the
 * connection, and a client still sending its body (to a refusal, or to an answer that did
 * not need it) may lose the answer with it. So where Node closes after an answer, the
 * server half-closes and drops what still arrives, for LINGER_MS at most, then closes (as
 * nginx's lingering close does); nothing of the body is kept.
 */
export function lingerOnClose(socket: Socket): void {
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    this.once('close', () => clearTimeout(timer));
  };
}

/** Writes the last answer to a socket no response owns and half-closes, then drops what still arrives for LINGER_MS at most. */
function endAndLinger(socket: Duplex, answer: string): void {
  socket.on('error', () => socket.destroy());
  socket.on('data', () => {});
  socket.end(answer);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  socket.once('close', () => clearTimeout(timer));
}

/** `CONNECT` (the server's `connect` event): this is not a proxy. */
export function answerConnect(_req: IncomingMessage, socket: Duplex): void {
  refuseOnSocket(socket, 405, { code: 'method_not_allowed', message: '这里不是代理服务器，不支持 CONNECT。' }, { Allow: 'GET, HEAD' });
}

/**
 * A refusal from the server before any handler runs (a bad target or transfer coding, a
 * method or body a page does not take, an Expect it will not meet): under `/api/` in the
 * API's error shape, for pages as plain text. The connection closes after it (lingering,
 * see `lingerOnClose`), so a body the client may still be sending is not read.
 */
export function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  error: { code: ErrorCode; message: string; fields?: FieldError[] },
  headers: Record<string, string> = {},
): void {
  // An absolute-form target (http://host/api/…) names the API too (checkExpectation comes before the request handler).
  const api = toOriginForm(req) && (req.url ?? '').startsWith('/api/');
  const body = api ? JSON.stringify({ error }) : `${error.message}\n`;
  if (api) for (const name in apiSecurityHeaders) res.setHeader(name, apiSecurityHeaders[name]!);
  else setSecurityHeaders(res, 'site');
  res.shouldKeepAlive = false;
  const id = knownRequestId(req);
  res.writeHead(status, {
    ...headers,
    ...(id === undefined ? {} : { [REQUEST_ID_HEADER]: id }),
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The server's `checkExpectation`: an Expect other than 100-continue is not met. */
export function answerExpectation(req: IncomingMessage, res: ServerResponse): void {
  const message = `不支持 Expect: ${String(req.headers.expect).slice(0, 40)}，只支持 100-continue。`;
  refuse(req, res, 417, { code: 'invalid_request', message, fields: [{ path: 'Expect', message: '只支持 100-continue' }] });
}

/** Handler for the server's `clientError`: answers when it still can, as Node would. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const response = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  if (response?.headersSent) {
    // What follows a request being answered is malformed: that answer is finished first,
    // then the connection closes, lingering (what still arrives is dropped).
    socket.on('error', () => socket.destroy());
    socket.on('data', () => {});
    if (response.writableFinished) (socket as Socket).destroySoon();
    else response.once('close', () => (socket as Socket).destroySoon());
    return;
  }
  endAndLinger(socket, clientErrorAnswer(error));
}

/**
 * `errorHandler` of @hono/node-server's listener: a request it cannot build (a Host
 * header that is not a host name, a backslash in the path) is a 400 naming the part.
 */
export function apiRequestErrorAnswer(error: unknown, log: Pick<Log, 'error'>): Response {
  if (!(error instanceof RequestError)) {
    // Not expected (the API app answers its own faults); logged like those (the request is not known here).
    const requestId = randomUUID();
    log.error({ requestId, err: error }, 'internal error');
    return json(500, { error: { code: 'internal', message: '服务器内部错误，请稍后再试。', requestId } });
  }
  const path = /path|absolute/i.test(error.message) ? '(url)' : 'Host';
  const message = path === 'Host' ? 'Host 请求头不是有效的主机名。' : '请求地址无效。';
  return json(400, { error: { code: 'invalid_request', message, fields: [{ path, message }] } });
}

const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...apiSecurityHeaders } });
