// The operator lists the diagnostics reports customers sent (not only looks one up by its
// reference): GET /api/v1/admin/diagnostics/reports, newest first, a page at a time.
import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../support/api.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

const report = (n: number) => ({ summary: `报告 ${n}`, browser: { name: 'Chrome', os: 'Windows 11' }, checks: [{ id: 'cookies', status: 'pass', finding: 'Cookie 可用' }] });

describe('diagnostics reports, listed', () => {
  test('newest first, with the total and each report whole; limit and offset page through them', async () => {
    api = testApi();
    const ids: string[] = [];
    for (let n = 1; n <= 3; n++) {
      ids.push((await (await api.post('/diagnostics/reports', report(n))).json()).id);
      await new Promise((r) => setTimeout(r, 2)); // distinct created_at
    }
    const res = await api.get('/admin/diagnostics/reports?limit=2', api.adminHeaders);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(3);
    expect(body.reports.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(body.reports[0]).toMatchObject({ id: ids[2], createdAt: expect.any(String), report: report(3) });
    const rest = await (await api.get('/admin/diagnostics/reports?limit=2&offset=2', api.adminHeaders)).json();
    expect(rest.reports.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
  });

  test('only with the admin token; a bad limit names the field', async () => {
    api = testApi();
    expect((await api.get('/admin/diagnostics/reports')).status).toBe(401);
    const bad = await api.get('/admin/diagnostics/reports?limit=abc', api.adminHeaders);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('limit');
  });
});
