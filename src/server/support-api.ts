// Opens everything the support API needs from the environment (store, price list,
// settings) and builds the app; used by the server entry and by `astro dev`.
import { createApiApp } from '../api/app.ts';
import { TokenThrottle } from '../api/middleware/token-throttle.ts';
import { readJsonFile } from '../config/json-file.ts';
import { parseSiteConfig } from '../config/site-schema.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { ServerConfig } from './config.ts';
import { watchPriceListFile } from './price-list-file.ts';

const packageJson = readJsonFile(new URL('../../package.json', import.meta.url), 'package.json') as { version: string };

export interface SiteKnowledge {
  /** The build the server entry serves pages from, which health reports on. */
  siteBuild?: { replaced(): boolean };
  /** The articles and tool pages votes may be cast for (src/server/adapters/votable-pages.ts). */
  votablePages: ReadonlySet<string>;
}

/**
 * Also returns the admin-token throttle, for the operator page's sign-in to share
 * (handed to it in `App.Locals`).
 */
export function openSupportApi(env: ServerConfig, { siteBuild, votablePages }: SiteKnowledge) {
  // The site's own address, as the build took it: content/site.json and WENDA_SITE_URL.
  const site = parseSiteConfig(readJsonFile(new URL('../../content/site.json', import.meta.url), 'content/site.json'), env.site);
  const priceList = watchPriceListFile(env.WENDA_PRICE_LIST);
  let store;
  try {
    store = openSqliteStore(env.WENDA_DATA_DIR);
  } catch (error) {
    priceList.close();
    throw error;
  }
  const tokenThrottle = new TokenThrottle();
  const siteUrlIsHttps = new URL(site.siteUrl).protocol === 'https:';
  const app = createApiApp({
    store,
    priceList: priceList.current,
    version: packageJson.version,
    adminToken: env.WENDA_ADMIN_TOKEN,
    // The site's own address counts as the site even when a proxy in front rewrites Host.
    allowedOrigins: [...env.WENDA_ALLOWED_ORIGINS, new URL(site.siteUrl).origin],
    writesPerMinute: env.WENDA_WRITE_RATE_LIMIT,
    trustProxy: env.WENDA_TRUST_PROXY,
    siteUrlIsHttps,
    tokenThrottle,
    votablePage: (path) => votablePages.has(path),
    siteBuild,
  });
  return {
    app,
    store,
    tokenThrottle,
    /** Whether the site is served over HTTPS as far as its configured address says. */
    siteUrlIsHttps,
    close() {
      priceList.close();
      store.close();
    },
  };
}
