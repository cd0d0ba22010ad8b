import { afterEach, describe, expect, test } from 'vitest';
import { testApi } from '../../../tests/support/api.ts';

let api: ReturnType<typeof testApi>;
afterEach(() => api?.close());

const sampleReport = {
  summary: '弹出窗口被拦截',
  browser: { name: 'Chrome', version: '131', engine: 'Blink', os: 'Windows 11' },
  checks: [
    { id: 'cookies', status: 'pass', finding: 'Cookie 可用' },
    { id: 'popups', status: 'fail', finding: '弹出窗口被拦截', fix: '在地址栏右侧允许弹出窗口' },
  ],
};

describe('diagnostics reports', () => {
  test('a report gets an eight-digit reference that admin reads back unchanged', async () => {
    api = testApi();
    const res = await api.post('/diagnostics/reports', sampleReport);
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect(id).toMatch(/^[1-9]\d{7}$/);
    const back = await api.get(`/admin/diagnostics/reports/${id}`, api.adminHeaders);
    expect(back.status).toBe(200);
    expect((await back.json()).report).toEqual(sampleReport);
  });

  test('personal fields are refused', async () => {
    api = testApi();
    const res = await api.post('/diagnostics/reports', { ...sampleReport, phone: '13800000000' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].path).toBe('phone');
  });

  test('an unknown reference → 404', async () => {
    api = testApi();
    expect((await api.get('/admin/diagnostics/reports/12345678', api.adminHeaders)).status).toBe(404);
  });
});

describe('admin access', () => {
  const paths = ['/admin/feedback', '/admin/search-misses', '/admin/quotes', '/admin/diagnostics/reports/12345678'];

  test.each(paths)('%s does not exist while no token is configured', async (path) => {
    api = testApi({ adminToken: undefined });
    const res = await api.get(path, { Authorization: 'Bearer anything' });
    expect(res.status).toBe(404);
  });

  test.each(paths)('%s refuses a missing or wrong token with 401', async (path) => {
    api = testApi();
    expect((await api.get(path)).status).toBe(401);
    const wrong = await api.get(path, { Authorization: 'Bearer test-admin-token-012345678X' });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('unauthorized');
  });

  test('saved quotes are listed newest first', async () => {
    api = testApi();
    const first = await (await api.post('/robot-quota/quotes', { robots: 1, monthlyConversations: 1000 })).json();
    const second = await (await api.post('/robot-quota/quotes', { robots: 3, monthlyConversations: 9000 })).json();
    const { quotes } = await (await api.get('/admin/quotes', api.adminHeaders)).json();
    expect(quotes.map((q: { id: string }) => q.id)).toEqual([second.id, first.id]);
  });

  test('paging is validated', async () => {
    api = testApi();
    const res = await api.get('/admin/quotes?limit=0', api.adminHeaders);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].path).toBe('limit');
  });
});
