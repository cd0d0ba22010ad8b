// The server's Prometheus metrics (prom-client), read at GET /api/v1/admin/metrics with
// the admin token: requests by route and status with their latency (one histogram), the
// store (up, pool size, failures) and the price list in force. Counting a request is a
// few map look-ups, done when its answer is finished (src/server/request-log.ts); what
// needs asking (is the store up? which price list?) is asked only when Prometheus scrapes.
import { collectDefaultMetrics, Counter, Gauge, Registry, type Metric } from 'prom-client';
import type { Store } from '../store/types.ts';

/** Seconds: API answers take about a millisecond, pages a few, a slow store up to its statement timeout. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** A scrape does not wait longer than this for the store to answer its ping. */
const PING_TIMEOUT_MS = 1000;

export interface MetricsSources {
  store: Pick<Store, 'kind' | 'ping'>;
  /** The version of the price list in force now. */
  priceListVersion: () => string;
  /** The app's version. */
  version: string;
  /** Connections the store may open (WENDA_DATABASE_POOL_SIZE; 1 for SQLite's one file handle). */
  poolSize: number;
  /** Also Node's own metrics (CPU, memory, event-loop delay, GC): the server's, not each test app's. */
  processMetrics?: boolean;
}

const REQUESTS = 'wenda_http_request_duration_seconds';

/**
 * The requests histogram, by method, route and status, read by prom-client's registry
 * like its own (a metric's `get()`). Counted here rather than with prom-client's
 * `Histogram`, whose `observe()` checks and hashes the labels on every call: that cost
 * a tenth of a health check (bench:api, 2026-12-07). Here a request is three map
 * look-ups (by the route and method strings the server already holds, then the status
 * number) and a few additions.
 */
interface Series {
  labels: { method: string; route: string; status: string };
  buckets: number[];
  sum: number;
  count: number;
}

class RequestHistogram {
  readonly name = REQUESTS;
  readonly help =
    'Requests answered and the time from a request reaching the server to its answer being handed to the network, by method, route (the API route pattern; "page" or "static" for the site) and status; 499: the client left before the answer was sent.';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  /** Series by route, then method, then status: no key string is made per request. */
  private readonly series = new Map<string, Map<string, Map<number, Series>>>();

  observe(method: string, route: string, status: number, seconds: number): void {
    let byMethod = this.series.get(route);
    if (!byMethod) this.series.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let one = byStatus.get(status);
    if (!one) byStatus.set(status, (one = { labels: { method, route, status: String(status) }, buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
      if (seconds <= LATENCY_BUCKETS[i]!) {
        one.buckets[i]!++;
        break;
      }
    }
    one.sum += seconds;
    one.count++;
  }

  private *all(): Iterable<Series> {
    for (const byMethod of this.series.values()) for (const byStatus of byMethod.values()) yield* byStatus.values();
  }

  get() {
    const values = [];
    for (const { labels, buckets, sum, count } of this.all()) {
      let below = 0;
      for (const [i, bound] of LATENCY_BUCKETS.entries()) {
        below += buckets[i]!;
        values.push({ metricName: `${REQUESTS}_bucket`, labels: { le: bound, ...labels }, value: below });
      }
      values.push({ metricName: `${REQUESTS}_bucket`, labels: { le: '+Inf', ...labels }, value: count });
      values.push({ metricName: `${REQUESTS}_sum`, labels, value: sum });
      values.push({ metricName: `${REQUESTS}_count`, labels, value: count });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}

export function createMetrics({ store, priceListVersion, version, poolSize, processMetrics = false }: MetricsSources) {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  // One histogram gives both: its `_count` is the requests by route and status.
  const requests = new RequestHistogram();
  registry.registerMetric(requests as unknown as Metric);
  const storeErrors = new Counter({
    name: 'wenda_store_errors_total',
    help: 'Requests answered 503 store_unavailable because the store did not answer.',
    labelNames: ['store'] as const,
    registers: [registry],
  });
  storeErrors.inc({ store: store.kind }, 0);
  new Gauge({
    name: 'wenda_store_up',
    help: 'Whether the store answered a ping when scraped (1) or not (0).',
    labelNames: ['store'] as const,
    registers: [registry],
    async collect() {
      const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, PING_TIMEOUT_MS, false).unref());
      const up = await Promise.race([store.ping().catch(() => false), timeout]);
      this.set({ store: store.kind }, up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'wenda_store_pool_size',
    help: 'Connections this process may open to the store (WENDA_DATABASE_POOL_SIZE; 1 for SQLite).',
    labelNames: ['store'] as const,
    registers: [registry],
  }).set({ store: store.kind }, poolSize);
  new Gauge({
    name: 'wenda_price_list_info',
    help: 'The price list in force: always 1, its version in the label.',
    labelNames: ['version'] as const,
    registers: [registry],
    collect() {
      this.reset();
      this.set({ version: priceListVersion() }, 1);
    },
  });
  new Gauge({
    name: 'wenda_build_info',
    help: 'The running Wenda: always 1, its version in the label.',
    labelNames: ['version'] as const,
    registers: [registry],
  }).set({ version }, 1);

  return {
    /** One request answered (or abandoned, status 499), `seconds` after it arrived. */
    requestDone(method: string, route: string, status: number, seconds: number): void {
      requests.observe(method, route, status, seconds);
    },
    /** A request the store could not serve (503 store_unavailable). */
    storeFailed(): void {
      storeErrors.inc({ store: store.kind });
    },
    /** The text Prometheus scrapes. */
    exposition: (): Promise<string> => registry.metrics(),
    contentType: registry.contentType as string,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The route label of an API path: the route's pattern (`/api/v1/robot-quota/quotes/:id`),
 * so that ids do not make a series each; `api-unmatched` for a path no route answers.
 * `routes`: the app's (Hono's `app.routes`).
 */
export function apiRouteLabeler(routes: readonly { method: string; path: string }[]): (path: string) => string {
  const exact = new Set<string>();
  const patterns: { pattern: RegExp; path: string }[] = [];
  for (const { method, path } of routes) {
    if (method === 'ALL' || path.endsWith('*')) continue;
    if (!path.includes(':')) exact.add(path);
    else if (!patterns.some((p) => p.path === path)) {
      patterns.push({ pattern: new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}$`), path });
    }
  }
  return (path) => {
    if (exact.has(path)) return path;
    for (const { pattern, path: route } of patterns) if (pattern.test(path)) return route;
    return 'api-unmatched';
  };
}
