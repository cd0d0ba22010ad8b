// Production server entry: one Node process serves the support API (`/api/`), the built
// static files of dist/client, and hands everything else to Astro's handler.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import sirv from 'sirv';
import { fail } from '../cli/command-line.ts';
import { ConfigError } from '../config/friendly-errors.ts';
import { StoreOpenError } from '../store/sqlite-open.ts';
import { answerClientError, answerConnect, answerExpectation, apiRequestErrorAnswer, HEADERS_TIMEOUT_MS, lingerOnClose, refuse, REQUEST_TIMEOUT_MS, TIMEOUT_CHECK_INTERVAL_MS } from './client-errors.ts';
import { readServerConfig, type ServerConfig } from './config.ts';
import { applyProxyTrust } from './forwarded-headers.ts';
import { listenErrorMessage } from './listen-errors.ts';
import { sendRebuiltPage, watchLoadedBuild } from './loaded-build.ts';
import { bodyLimit, declaredTooLarge, dropUnusableRange, isFormBody, pageMethods, readFormBody, toOriginForm, unknownTransferCoding } from './request-checks.ts';
import { votablePagesOfBuild } from './adapters/votable-pages.ts';
import { clientAddressOf } from '../api/deps.ts';
import { headerSetFor, keepServerCsp, servedOverHttps, setSecurityHeaders } from './security-headers.ts';
import { compressNodeAnswer } from './adapters/compression.ts';
import { openSupportApi } from './support-api.ts';
import { createLog, type Log } from './log.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';
import { markPage, requestLog } from './request-log.ts';
import { attachWebSocketEcho, isWebSocketEchoUpgrade } from './websocket-echo.ts';

const distDir = new URL('../../dist/', import.meta.url);
const clientDir = fileURLToPath(new URL('client/', distDir));
const serverEntry = new URL('server/entry.mjs', distDir);

if (!existsSync(fileURLToPath(serverEntry))) fail('没有找到构建产物 dist/server/entry.mjs：请先运行 npm run build。');

let env: ServerConfig;
let log: Log;
let loadedBuild: ReturnType<typeof watchLoadedBuild>;
let supportApi: Awaited<ReturnType<typeof openSupportApi>>;
try {
  env = readServerConfig();
  // One JSON line per event on stdout (src/server/log.ts); only a failure to start, above
  // and below, is told in plain text, on stderr.
  log = createLog(env.WENDA_LOG_LEVEL);
  loadedBuild = watchLoadedBuild(fileURLToPath(new URL('server/chunks/', distDir)), { log });
  supportApi = await openSupportApi(env, { siteBuild: loadedBuild, votablePages: votablePagesOfBuild(clientDir), log, searchIndexDir: join(clientDir, 'pagefind') });
} catch (error) {
  if (error instanceof ConfigError || error instanceof StoreOpenError) fail(error.message);
  throw error;
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: ((err?: unknown) => void) | undefined, locals: App.Locals) => Promise<void> | void;
const { handler: astroHandler } = (await import(serverEntry.href)) as { handler: NodeHandler };

// A request without Host (HTTP/1.0) is taken as addressed to this server.
const api = getRequestListener(supportApi.app.fetch, { hostname: 'localhost', errorHandler: (error) => apiRequestErrorAnswer(error, log) });
// The server's start and stop are written whatever WENDA_LOG_LEVEL says: an operator who
// keeps only warnings still sees that it started, where, and that it stopped.
const lifecycle = log.isLevelEnabled('info') ? log : log.child({}, { level: 'info' });
// Every request gets its id, its log line and its count in the metrics (src/server/request-log.ts).
const track = requestLog({ log, metrics: supportApi.metrics, apiRoute: supportApi.apiRoute, trustProxy: env.WENDA_TRUST_PROXY });

// Only names that change with their content may be cached for good: Astro's assets, and
// Pagefind's fragments, indexes and metadata (`…_<hash>.pf_*`). Its other files
// (wasm.<language>.pagefind, pagefind.js, pagefind-entry.json) keep their names across builds.
const HASHED_ASSET = /^\/(?:_astro\/|pagefind\/.*_[0-9a-f]{7,}\.pf_\w+$)/;
const staticFiles = sirv(clientDir, {
  etag: true,
  gzip: true,
  brotli: true,
  setHeaders(res, pathname) {
    res.setHeader(
      'Cache-Control',
      HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    );
  },
});

// A path that cannot be decoded (`/%ff`, from scanners mostly) names no page: it gets the
// 404 page here, where Astro would log an error for each.
const notFoundPage = readFileSync(join(clientDir, '404.html'));
function hasMalformedEncoding(url = '/'): boolean {
  try {
    decodeURIComponent(url.split('?', 1)[0]!);
    return false;
  } catch {
    return true;
  }
}
function sendNotFoundPage(res: ServerResponse) {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': notFoundPage.length, 'Cache-Control': 'no-store' });
  res.end(notFoundPage);
}

const tooLarge = (limit: number) => ({ code: 'payload_too_large' as const, message: `请求体太大，最多 ${limit / 1024} KB。` });

const https = { siteUrlIsHttps: supportApi.siteUrlIsHttps, trustProxy: env.WENDA_TRUST_PROXY };
const server = createServer({ shouldUpgradeCallback: isWebSocketEchoUpgrade, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS }, (req, res) => {
  const requestId = track(req, res);
  if (!toOriginForm(req)) return refuse(req, res, 400, { code: 'invalid_request', message: '请求地址无效。', fields: [{ path: '(url)', message: '应为以 / 开头的路径或 http(s) 网址' }] });
  const coding = unknownTransferCoding(req);
  if (coding !== undefined) {
    return refuse(req, res, 400, { code: 'invalid_request', message: `不支持的传输编码 ${coding}：只接受 chunked。`, fields: [{ path: 'Transfer-Encoding', message: '只接受 chunked' }] });
  }
  // A POST declaring more than its path takes is refused before a byte of it is read.
  if (req.method === 'POST' && req.headers['content-length'] !== undefined) {
    const limit = bodyLimit(req.url ?? '/');
    if (limit && declaredTooLarge(req, limit)) return refuse(req, res, 413, tooLarge(limit));
  }
  const headers = headerSetFor(req.url ?? '/');
  // The API app sets its own headers (the request's id among them) and compresses its own answers.
  if (headers === 'api') return void api(req, res);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const methods = pageMethods(req.url ?? '/');
  if (!methods.includes(req.method ?? '')) {
    return refuse(req, res, 405, { code: 'method_not_allowed', message: `这个页面不支持 ${req.method}，可用：${methods.join('、')}。` }, { Allow: methods.join(', ') });
  }
  if (req.method === 'POST') return void pageForm(req, res);
  setSecurityHeaders(res, headers, servedOverHttps(req, https));
  if (loadedBuild.replaced()) return sendRebuiltPage(res);
  dropUnusableRange(req);
  staticFiles(req, res, () => {
    if (hasMalformedEncoding(req.url)) return sendNotFoundPage(res);
    toAstro(req, res);
  });
});

function toAstro(req: IncomingMessage, res: ServerResponse) {
  markPage(req);
  applyProxyTrust(req, env.WENDA_TRUST_PROXY);
  // Pages rendered on request: their CSP header keeps the server's directives, and their
  // answers are compressed (static files are compressed at build, and sent as they are).
  keepServerCsp(res);
  compressNodeAnswer(req, res);
  // The response itself, for bodies that must follow the client's pace, and the
  // admin-token throttle the API shares with the sign-in (App.Locals, src/env.d.ts).
  // The API app and the admin token, for the operator page to read through (App.Locals).
  const tokenGuard = { throttle: supportApi.tokenThrottle, client: clientAddressOf(req, env.WENDA_TRUST_PROXY) };
  void astroHandler(req, res, undefined, { nodeResponse: res, tokenGuard, supportApi: supportApi.app, adminToken: env.WENDA_ADMIN_TOKEN });
}

/**
 * A form POST to a page (the operator's sign-in): refused by type or declared size before
 * anything is read, else read up to its limit here and handed to Astro whole, so no body
 * of any size reaches Astro's unbounded reader.
 */
async function pageForm(req: IncomingMessage, res: ServerResponse) {
  const limit = bodyLimit(req.url ?? '/');
  if (!isFormBody(req)) return refuse(req, res, 415, { code: 'unsupported_media_type', message: '这里只接受表单（application/x-www-form-urlencoded 或 multipart/form-data）。' });
  const body = await readFormBody(req, limit);
  if (body === 'cut-short') return void res.destroy();
  if (body === 'too-large') return refuse(req, res, 413, tooLarge(limit));
  (req as IncomingMessage & { body?: Buffer }).body = body;
  setSecurityHeaders(res, 'site', servedOverHttps(req, https));
  if (loadedBuild.replaced()) return sendRebuiltPage(res);
  toAstro(req, res);
}

// A client that sends its request slowly is cut off sooner than Node's 5 minutes.
server.headersTimeout = HEADERS_TIMEOUT_MS;
server.requestTimeout = REQUEST_TIMEOUT_MS;
server.on('connection', lingerOnClose);
server.on('clientError', answerClientError);
server.on('connect', answerConnect);
server.on('checkExpectation', answerExpectation);
// 100 Continue only for a body the server will take: a client told 413 never sends it.
server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
  if (toOriginForm(req) && !declaredTooLarge(req, bodyLimit(req.url ?? '/'))) res.writeContinue();
  server.emit('request', req, res);
});

const websocketEcho = attachWebSocketEcho(server);

// Only listening can fail this way (port taken, HOST not this machine's): a message, not a stack.
const onListenError = (error: NodeJS.ErrnoException) => {
  supportApi.close();
  fail(listenErrorMessage(error, env.PORT, env.HOST));
};
server.once('error', onListenError);
server.listen(env.PORT, env.HOST, () => {
  server.off('error', onListenError);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  lifecycle.info({ port }, `Wenda 已启动：http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}/`);
  supportApi.warmSearch()?.catch((error: unknown) => log.warn({ err: error }, '搜索索引没能载入：站内搜索改在浏览器里进行。'));
});

/** How long a stop waits for requests in progress before it exits anyway. */
const FORCE_EXIT_MS = 10_000;
let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  lifecycle.info(`收到 ${signal}：不再接受新连接，处理完进行中的请求后退出（最多等 ${FORCE_EXIT_MS / 1000} 秒）。`);
  for (const client of websocketEcho.clients) client.close(1001, 'server stopping');
  server.close(() => {
    supportApi.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    log.error(`等了 ${FORCE_EXIT_MS / 1000} 秒仍有请求未完成，强制退出。`);
    supportApi.close();
    process.exit(1);
  }, FORCE_EXIT_MS).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
