// GET /health (and /health/ready): the version and the store, 503 while the store is down
// or the site was rebuilt; /health/live: 503 only when a restart is what mends the process.
import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../support/api.ts';
import type { Store } from '../../src/store/types.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

describe('health', () => {
  test('says ok, the version and the store while the store answers', async () => {
    api = testApi();
    const res = await api.get('/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ status: 'ok', version: 'test', store: 'sqlite' });
  });

  test.each([
    { name: 'says it is down', ping: () => Promise.resolve(false) },
    { name: 'fails', ping: () => Promise.reject(new Error('disk on fire')) },
  ])('503 in Chinese when the store $name, and the answer is kept for a second', async ({ ping }) => {
    let pings = 0;
    const store = { kind: 'broken', close() {}, ping: () => (pings++, ping()) } as unknown as Store;
    api = testApi({ store });
    for (let i = 0; i < 3; i++) {
      const res = await api.get('/health');
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/json');
      const json = await res.json();
      expect(json.error.code).toBe('unavailable');
      expect(json.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(pings).toBe(1);
  });

  test('503 restart_needed once the site was rebuilt under the running server, while the rest of the API answers', async () => {
    let replaced = false;
    api = testApi({ siteBuild: { replaced: () => replaced } });
    expect((await api.get('/health')).status).toBe(200);
    replaced = true;
    // The last check is trusted for a second: within it the answer is still the old one.
    expect((await api.get('/health')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await api.get('/health');
    expect(res.status).toBe(503);
    const json = await res.json();
    expect(json.error.code).toBe('restart_needed');
    expect(json.error.message).toMatch(/重启/);
    expect((await api.get('/robot-quota/price-list')).status).toBe(200);
  });

  test('liveness does not ask the store; readiness does, as /health', async () => {
    let pings = 0;
    const store = { kind: 'broken', close() {}, ping: () => (pings++, Promise.resolve(false)) } as unknown as Store;
    api = testApi({ store });
    const live = await api.get('/health/live');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok', version: 'test' });
    expect(pings).toBe(0);
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ error: { code: 'unavailable' }, store: 'down' });
    expect(pings).toBe(1);
  });

  test('a replaced build fails liveness too (a restart mends it), while a store outage does not', async () => {
    let replaced = false;
    api = testApi({ siteBuild: { replaced: () => replaced } });
    expect((await api.get('/health/ready')).status).toBe(200);
    replaced = true;
    const live = await api.get('/health/live');
    expect(live.status).toBe(503);
    expect((await live.json()).error.code).toBe('restart_needed');
  });
});
