// Requests refused before any handler runs: Node's own refusals (malformed HTTP, headers
// too large, a request that does not arrive in time) and requests @hono/node-server
// cannot turn into a URL (a bad Host header). They get the API's JSON error shape and
// the security headers, not Node's empty 400 or 408.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { RequestError } from '@hono/node-server';
import { apiSecurityHeaders } from './security-headers.ts';

/** How long a client may take to send its request headers, and its whole request. */
export const HEADERS_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** How often Node looks for requests over those times (its default, 30 s, would let them run to twice as long). */
export const TIMEOUT_CHECK_INTERVAL_MS = 5_000;

type Refusal = { status: number; reason: string; code: 'invalid_request' | 'request_timeout'; message: string };

const refusals: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'invalid_request', message: '请求头太大。' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, reason: 'Payload Too Large', code: 'invalid_request', message: '分块请求的扩展信息太长。' },
  // Node gives the same code for headersTimeout and requestTimeout.
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request_timeout',
    message: `请求没有按时传完（请求头 ${HEADERS_TIMEOUT_MS / 1000} 秒、整个请求 ${REQUEST_TIMEOUT_MS / 1000} 秒），连接已断开。`,
  },
};
const malformed: Refusal = { status: 400, reason: 'Bad Request', code: 'invalid_request', message: '请求不符合 HTTP 格式，无法处理。' };

/** The raw HTTP answer to a request Node refused (`clientError` of the server). */
function clientErrorAnswer(error: NodeJS.ErrnoException): string {
  const { status, reason, code, message } = refusals[error.code ?? ''] ?? malformed;
  const body = JSON.stringify({ error: { code, message } });
  const head = [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(apiSecurityHeaders).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

/** Handler for the server's `clientError`: answers when it still can, as Node would. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorAnswer(error));
}

/**
 * `errorHandler` of @hono/node-server's listener: a request it cannot build (a Host
 * header that is not a host name, a backslash in the path) is a 400 naming the part.
 */
export function apiRequestErrorAnswer(error: unknown): Response {
  if (!(error instanceof RequestError)) {
    // Not expected (the API app answers its own faults); logged like those.
    const requestId = randomUUID();
    console.error(`[api] internal error, request ${requestId}:`, error);
    return json(500, { error: { code: 'internal', message: '服务器内部错误，请稍后再试。', requestId } });
  }
  const path = /path|absolute/i.test(error.message) ? '(url)' : 'Host';
  const message = path === 'Host' ? 'Host 请求头不是有效的主机名。' : '请求地址无效。';
  return json(400, { error: { code: 'invalid_request', message, fields: [{ path, message }] } });
}

const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
