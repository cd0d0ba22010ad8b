// One JSON log line and one count in the metrics for every request the server handles:
// API calls, pages, static files and refusals alike. Both are done when the response
// closes (its last byte handed to the network, or the client gone), so no answer waits
// for them, and with one shared listener, so a request costs no closure.
import type { IncomingMessage, ServerResponse } from 'node:http';
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
    // The query string is left out: it may hold what a customer searched for.
    log.info({ requestId: requestIdFor(req, trustProxy), method, path, status, durationMs: Math.round(ms * 100) / 100, aborted: this.writableFinished ? undefined : true }, 'request');
  }
  return function track(req: IncomingMessage, res: ServerResponse): string {
    (req as Tracked)[STARTED] = performance.now();
    res.on('close', closed);
    return requestIdFor(req, trustProxy);
  };
}
