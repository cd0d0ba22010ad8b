import { describe, expect, test } from 'vitest';
import { createApiApp } from './app.ts';

describe('support API', () => {
  test('GET /api/v1/health answers ok', async () => {
    const res = await createApiApp().request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('an unknown route is a JSON 404', async () => {
    const res = await createApiApp().request('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
