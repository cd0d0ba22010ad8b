// One JSON log line and one count in the metrics for every request the server handles:
// API calls, pages, static files and refusals alike. Both are done when the response
// closes (its last byte handed to the network, or the client gone), so no answer waits
// for them, and with one shared listener, so a request costs no closure.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { pino, type DestinationStream } from 'pino';
import type { Log } from './log.ts';
import type { Metrics } from './metrics.ts';
import { requestIdFor } from './request-id.ts';

const STARTED = Symbol('wenda.started');
const PAGE = Symbol('wenda.page');
type Tracked = IncomingMessage & { [STARTED]?: number; [PAGE]?: boolean };

/** Status of a request whose client left before its answer was sent (nginx's convention). */
export const CLIENT_CLOSED = 499;

/** Marks a request as answered by Astro (a page) rather than as a static file. */
export function markPage(req: IncomingMessage): void {
  (req as Tracked)[PAGE] = true;
}

export interface RequestLogOptions {
  log: Log;
  metrics: Pick<Metrics, 'requestDone'>;
  /** The route label of an API path (metrics.ts, apiRouteLabeler). */
  apiRoute: (path: string) => string;
  trustProxy: boolean;
}

/**
 * Returns what the server calls first for every request: it gives the request its id
 * (src/server/request-id.ts) and starts its clock.
 */
export function requestLog({ log, metrics, apiRoute, trustProxy }: RequestLogOptions) {
  // The request line is the one line written for every request: it is put together here,
  // in pino's own format and into the logger's own stream, rather than by log.info(),
  // whose general serializer cost a third of a health check (bench:api, 2026-12-07:
  // health 0.57 of Hono's hello-JSON server with log.info(), 0.79 without a line).
  const stream = (log as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym]!;
  const origin = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`;
  function closed(this: ServerResponse) {
    const req = this.req as Tracked;
    const ms = performance.now() - req[STARTED]!;
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const status = this.headersSent ? this.statusCode : CLIENT_CLOSED;
    const method = req.method ?? 'GET';
    const route = path.startsWith('/api/') ? apiRoute(path) : req[PAGE] ? 'page' : 'static';
    metrics.requestDone(method, route, status, ms / 1000);
    if (!log.isLevelEnabled('info')) return;
    // The query string is left out: it may hold what a customer searched for.
    const aborted = this.writableFinished ? '' : ',"aborted":true';
    // An id is a UUID or a proxy's id of characters JSON writes as they are (request-id.ts).
    stream.write(
      `{"level":30,"time":${Date.now()}${origin},"requestId":"${requestIdFor(req, trustProxy)}","method":"${method}","path":${JSON.stringify(path)},"status":${status},"durationMs":${Math.round(ms * 100) / 100}${aborted},"msg":"request"}\n`,
    );
  }
  return function track(req: IncomingMessage, res: ServerResponse): string {
    (req as Tracked)[STARTED] = performance.now();
    res.on('close', closed);
    return requestIdFor(req, trustProxy);
  };
}
