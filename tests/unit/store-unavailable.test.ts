// A store that does not answer (PostgreSQL stopped: src/store/postgres.ts throws
// StoreUnavailableError) as the API answers it: every write 503 `store_unavailable` in
// the one error shape with Retry-After, nothing said about internals; what needs no
// store (price list, estimates) answers as ever; health 503 with `store: "down"`.
import { afterEach, expect, test } from 'vitest';
import { StoreUnavailableError } from '../../src/store/errors.ts';
import type { Store } from '../../src/store/types.ts';
import { testApi } from '../support/api.ts';

let api: ReturnType<typeof testApi> | undefined;
afterEach(() => api?.close());

/** The SQLite store with every call failing as the PostgreSQL store's do while its server is down. */
function downStore(store: Store): Store {
  const down = () => Promise.reject(new StoreUnavailableError('数据库暂时不可用（connect ECONNREFUSED 127.0.0.1:5432）'));
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'ping') return () => Promise.resolve(false);
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' && key !== 'close' ? down : value;
    },
  });
}

test('writes answer 503 store_unavailable; the price list and estimates answer; health says the store is down', async () => {
  api = testApi();
  const broken = testApi({ store: downStore(api.store) });
  const writes = [
    broken.post('/feedback', { page: '/faq/a/', helpful: true }),
    broken.post('/robot-quota/quotes', { robots: 2, monthlyConversations: 3000 }),
    broken.post('/diagnostics/reports', { browser: { name: 'Chrome' }, checks: [{ id: 'cookies', status: 'pass', finding: '正常' }] }),
    broken.get('/robot-quota/quotes/abcdefghijkm'),
  ];
  for (const res of await Promise.all(writes)) {
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'store_unavailable', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(JSON.stringify(body)).not.toContain('ECONNREFUSED');
  }
  expect((await broken.get('/robot-quota/price-list')).status).toBe(200);
  expect((await broken.post('/robot-quota/estimate', { robots: 2, monthlyConversations: 3000 })).status).toBe(200);
  const health = await broken.get('/health');
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ error: { code: 'unavailable' }, store: 'down' });
});
