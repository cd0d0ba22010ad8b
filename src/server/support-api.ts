// Opens everything the support API needs from the environment (store: PostgreSQL or
// SQLite, price list, settings) and builds the app; used by the server entry and by `astro dev`.
import { createApiApp } from '../api/app.ts';
import type { CountWrite } from '../api/deps.ts';
import { TokenThrottle, WINDOW_MS as TOKEN_WINDOW_MS, type GuessTally } from '../api/middleware/token-throttle.ts';
import { readJsonFile } from '../config/json-file.ts';
import { parseSiteConfig } from '../config/site-schema.ts';
import { StoreOpenError } from '../store/errors.ts';
import { openStore } from '../store/open.ts';
import { isPostgresStore } from '../store/postgres.ts';
import { postgresGuessTally, postgresWriteCounter } from '../store/postgres-shared.ts';
import type { Store } from '../store/types.ts';
import type { ServerConfig } from './config.ts';
import { watchPriceListFile, type PriceListSource } from './price-list-file.ts';
import { followPublishedPriceLists } from './price-list-published.ts';
import { createLog, type Log } from './log.ts';
import { apiRouteLabeler, createMetrics } from './metrics.ts';
import { searchThread } from './search-thread.ts';

const packageJson = readJsonFile(new URL('../../package.json', import.meta.url), 'package.json') as { version: string };

export interface SiteKnowledge {
  /** The build the server entry serves pages from, which health reports on. */
  siteBuild?: { replaced(): boolean };
  /** The articles and tool pages votes may be cast for (src/server/adapters/votable-pages.ts). */
  votablePages: ReadonlySet<string>;
  /** The server's log; by default one at WENDA_LOG_LEVEL. */
  log?: Log;
  /** The built search index (dist/client/pagefind) GET /search searches; without it, that answers 503. */
  searchIndexDir?: string | undefined;
}

/**
 * Also returns the admin-token throttle, for the operator page's sign-in to share
 * (handed to it in `App.Locals`), and the log and metrics, for the server to log and
 * count every request in (src/server/request-log.ts).
 */
export async function openSupportApi(env: ServerConfig, { siteBuild, votablePages, log = createLog(env.WENDA_LOG_LEVEL), searchIndexDir }: SiteKnowledge) {
  // The site's own address, as the build took it: content/site.json and WENDA_SITE_URL.
  const site = parseSiteConfig(readJsonFile(new URL('../../content/site.json', import.meta.url), 'content/site.json'), env.site);
  const file = watchPriceListFile(env.WENDA_PRICE_LIST, { log });
  let store: Store;
  let priceList: PriceListSource = file;
  // With PostgreSQL, what the processes share: the price list published to the database,
  // the write limit and the admin-token guesses counted there (src/store/postgres-shared.ts).
  let shared: { countWrite: CountWrite; tally: Awaited<ReturnType<typeof postgresGuessTally>> } | undefined;
  let tally: GuessTally | undefined;
  const tokenThrottle = new TokenThrottle({ failed: (key, now) => tally?.failed(key, now), succeeded: (key) => tally?.succeeded(key) });
  try {
    store = await openStore(env);
  } catch (error) {
    file.close();
    throw error;
  }
  if (isPostgresStore(store)) {
    try {
      priceList = await followPublishedPriceLists(store.sql, file, log);
      const guesses = await postgresGuessTally(store.sql, (key, entry) => tokenThrottle.heard(key, entry), TOKEN_WINDOW_MS);
      tally = guesses;
      shared = { countWrite: postgresWriteCounter(store.sql, env.WENDA_WRITE_RATE_LIMIT), tally: guesses };
    } catch (error) {
      priceList.close();
      store.close();
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError(`PostgreSQL 数据库连上了，但没能开始监听价格表和口令尝试的通知（${(error as Error).message}）。`);
    }
  }
  const siteUrlIsHttps = new URL(site.siteUrl).protocol === 'https:';
  const metrics = createMetrics({
    store,
    priceListVersion: () => priceList.current().version,
    version: packageJson.version,
    poolSize: isPostgresStore(store) ? env.WENDA_DATABASE_POOL_SIZE : 1,
    processMetrics: true,
  });
  const search = searchIndexDir ? searchThread(searchIndexDir) : undefined;
  const app = createApiApp({
    store,
    priceList: priceList.current,
    version: packageJson.version,
    adminToken: env.WENDA_ADMIN_TOKEN,
    // The site's own address counts as the site even when a proxy in front rewrites Host.
    allowedOrigins: [...env.WENDA_ALLOWED_ORIGINS, new URL(site.siteUrl).origin],
    writesPerMinute: env.WENDA_WRITE_RATE_LIMIT,
    countWrite: shared?.countWrite,
    trustProxy: env.WENDA_TRUST_PROXY,
    siteUrlIsHttps,
    tokenThrottle,
    votablePage: (path) => votablePages.has(path),
    siteBuild,
    searchArticles: search?.search,
    log,
    metrics,
  });
  return {
    app,
    log,
    metrics,
    /** The metrics' route label of an API path. */
    apiRoute: apiRouteLabeler(app.routes),
    store,
    tokenThrottle,
    /** Loads the search index, so the first search is answered as fast as the next. */
    warmSearch: () => search?.warm(),
    /** Whether the site is served over HTTPS as far as its configured address says. */
    siteUrlIsHttps,
    close() {
      void shared?.tally.close().catch(() => {});
      void search?.close();
      priceList.close();
      store.close();
    },
  };
}
