// What the API needs from outside: the store, the current price list and its settings;
// and what it reads of each request besides its body: the client, the host, headers.
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { Store } from '../store/types.ts';
import type { ArticleSearch } from '../lib/search/engine.ts';
import type { PriceList } from '../lib/quota/price-list.ts';
import type { TokenThrottle } from './middleware/token-throttle.ts';
import type { Log } from '../server/log.ts';
import type { Metrics } from '../server/metrics.ts';

/**
 * Counts one write of `client` at `now` (ms): the seconds it must wait before the next
 * is taken when this one is over its budget, else 0. In memory by default
 * (middleware/rate-limit.ts); with PostgreSQL, in the database, so that every process
 * counts against one budget (src/store/postgres-shared.ts).
 */
export type CountWrite = (client: string, now: number) => number | Promise<number>;

export interface ApiDeps {
  store: Store;
  /** The price list in force now (it is reloaded when its file changes). */
  priceList: () => PriceList;
  /** The app's version, shown by the health check. */
  version: string;
  /** `WENDA_ADMIN_TOKEN`; admin routes answer 404 without it. */
  adminToken?: string | undefined;
  /** Origins besides the site's own that browsers may call the API from. */
  allowedOrigins: readonly string[];
  /** Writes per client IP per minute; 0 = unlimited. */
  writesPerMinute: number;
  /** Where writes are counted against that limit when several processes share it (PostgreSQL); else in memory. */
  countWrite?: CountWrite | undefined;
  /**
   * The limit on wrong admin tokens, one per process: the operator page's sign-in
   * shares it (the server hands the same object to the page).
   */
  tokenThrottle: TokenThrottle;
  /** True for the paths votes may be cast for: the built site's articles and tool pages. */
  votablePage: (path: string) => boolean;
  /** Take the client address and host from X-Forwarded-* (behind a reverse proxy). */
  trustProxy: boolean;
  /** The site's configured address is https: every answer carries HSTS. */
  siteUrlIsHttps?: boolean | undefined;
  /**
   * The site's build this process serves pages from (src/server/loaded-build.ts): once
   * it was replaced on disk, pages answer 503 and so does health, until a restart.
   * Absent under `astro dev` and in unit tests.
   */
  siteBuild?: { replaced(): boolean } | undefined;
  /**
   * Searches the help articles over the built index, in a worker thread
   * (src/server/search-thread.ts); absent, GET /search answers 503 and the search box
   * searches in the page.
   */
  searchArticles?: ArticleSearch | undefined;
  /** Where errors are logged, with the request's id (src/server/log.ts); by default a logger of its own on stdout. */
  log?: Log | undefined;
  /** The metrics the admin API shows and store failures are counted in (src/server/metrics.ts); by default the app's own. */
  metrics?: Metrics | undefined;
}

/**
 * The API's Hono environment. `Bindings`: the Node request and response
 * (@hono/node-server's), absent when the app is called in process with `app.request()`
 * (tests, the operator page), so read with `c.env?.`. `Variables`: what a middleware
 * leaves for the answer (src/api/answers.ts).
 */
export type ApiEnv = {
  Bindings: HttpBindings;
  Variables: {
    /** Another site allowed to call the API from a browser (origin-guard.ts): every answer's CORS names it. */
    corsOrigin?: string;
    /** The request's id when the app is called in process (on Node it is kept on the request: src/server/request-id.ts). */
    requestId?: string;
  };
};

const firstForwarded = (value: string | undefined) => value?.split(',')[0]?.trim() || undefined;
/** The entry the trusted proxy itself added: the right-most (clients can forge the others). */
export const lastForwarded = (value: string | undefined) => value?.split(',').at(-1)?.trim() || undefined;

/** The client's IP address, from the socket or (behind a trusted proxy) X-Forwarded-For. */
export function clientAddress(c: Context<ApiEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = lastForwarded(rawHeader(c, 'x-forwarded-for'));
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}

/** The same for a Node request (the pages'), so page and API count one client alike. */
export function clientAddressOf(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const forwarded = lastForwarded(Array.isArray(header) ? header.join(',') : header);
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The host the client addressed, from Host or (behind a trusted proxy) X-Forwarded-Host. */
export function requestHost(c: Context<ApiEnv>, trustProxy: boolean): string {
  return (trustProxy && firstForwarded(rawHeader(c, 'x-forwarded-host'))) || rawHeader(c, 'host') || new URL(c.req.url).host;
}

/**
 * A request header, read on Node straight from the raw request: `c.req.header()` would
 * build a full Headers object, a cost every cheap request pays. Lower-case `name`.
 */
export function rawHeader(c: Context<ApiEnv>, name: string): string | undefined {
  const raw = c.env?.incoming?.headers;
  if (!raw) return c.req.header(name);
  const value = raw[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
