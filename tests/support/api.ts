// A real API app over a real SQLite file in a temporary directory, for app.request() tests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../src/api/app.ts';
import type { ApiDeps } from '../../src/api/deps.ts';
import { TokenThrottle } from '../../src/api/middleware/token-throttle.ts';
import { priceListSchema, type PriceList } from '../../src/lib/quota/price-list.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';

export const samplePriceList: PriceList = priceListSchema.parse(
  JSON.parse(readFileSync(new URL('../../content/price-list.sample.json', import.meta.url), 'utf8')),
);

export function testApi(overrides: Partial<ApiDeps> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wenda-api-'));
  const store = overrides.store ?? openSqliteStore(dataDir);
  const app = createApiApp({
    store,
    priceList: () => samplePriceList,
    version: 'test',
    adminToken: 'test-admin-token-0123456789',
    allowedOrigins: ['https://partner.example.com'],
    writesPerMinute: 0,
    trustProxy: false,
    tokenThrottle: new TokenThrottle(),
    // Any path: these tests are about the API's other rules; which pages may be voted
    // on is tested with the site's own list (src/api/routes/feedback-and-misses.test.ts).
    votablePage: () => true,
    ...overrides,
  });
  return {
    app,
    store,
    dataDir,
    adminHeaders: { Authorization: 'Bearer test-admin-token-0123456789' },
    /** POSTs JSON the way a browser on the site does. */
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(`/api/v1${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Host: 'help.example.com', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (path: string, headers: Record<string, string> = {}) => app.request(`/api/v1${path}`, { headers: { Host: 'help.example.com', ...headers } }),
    close() {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
