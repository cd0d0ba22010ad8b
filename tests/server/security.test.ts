// What the built server guarantees against guessing, framing and made-up votes
// (docs/operating/security.md): one throttle on the admin token for page and API, the
// headers per kind of response behind an HTTPS proxy, graded by Mozilla's HTTP
// Observatory (its own tests and grader, run here against 127.0.0.1), and votes only
// for the site's own pages.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tls from 'node:tls';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { startHttpsProxy, type HttpsProxy } from '../support/https-proxy.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const TOKEN = 'security-test-admin-token';
const ARTICLE = '/faq/change-administrator/';
const TOOL = '/tools/robot-quota/';

/** A sign-in form POST to /admin/ as a browser on the site sends it. */
async function signIn(server: RunningServer, token: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const res = await fetch(`${server.url}/admin/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: new URL(server.url).origin, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: `action=sign-in&token=${encodeURIComponent(token)}`,
  });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), text, ms: Date.now() - started };
}
const adminApi = (server: RunningServer, token: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1/admin/feedback`, { headers: { Authorization: `Bearer ${token}`, ...headers } });

describe('one throttle on the admin token, for the sign-in page and the admin API', { timeout: 30_000 }, () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { WENDA_ADMIN_TOKEN: TOKEN, WENDA_TRUST_PROXY: '1' } });
  });
  afterAll(() => server.stop());

  test('wrong Bearer tokens: ten answered 401, then 429 with Retry-After at once, and the page refuses that address too', async () => {
    const client = { 'X-Forwarded-For': '203.0.113.10' };
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await adminApi(server, `guess-${i}-xxxxxxxxxxxx`, client)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const refused = await adminApi(server, TOKEN, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    // The page shares the count: even the right token is refused, at once, saying how long to wait.
    const page = await signIn(server, TOKEN, client);
    expect(page.status).toBe(429);
    expect(Number(page.retryAfter)).toBeGreaterThan(14 * 60);
    expect(page.text).toContain('尝试次数过多，请 15 分钟后再试。');
    expect(page.ms).toBeLessThan(5_000);
    // Another address (behind the same trusted proxy) is not held back.
    expect((await adminApi(server, TOKEN, { 'X-Forwarded-For': '203.0.113.11' })).status).toBe(200);
  });

  test('wrong tokens on the sign-in page are answered at once and count for the API', async () => {
    const client = { 'X-Forwarded-For': '198.51.100.20' };
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await signIn(server, `wrong-token-${i}-xxxxxxxx`, client));
    // Before, the fourth waited 1 s, the fifth 2 s … up to 30 s each: a held connection per guess.
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(401));
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(5_000);
    const page = await signIn(server, TOKEN, client);
    expect(page.status).toBe(429);
    const api = await adminApi(server, TOKEN, client);
    expect(api.status).toBe(429);
    expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('votes only for the built site’s pages', { timeout: 30_000 }, () => {
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'wenda-votes-'));
  beforeAll(async () => {
    // A vote for a made-up path stored before the check existed: it must stay.
    const store = openSqliteStore(dataDir);
    await store.addFeedback({ page: '/spam/old/', helpful: true, comment: '旧数据' });
    store.close();
    server = await startServer({ env: { WENDA_ADMIN_TOKEN: TOKEN }, dataDir });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const vote = (page: string) =>
    fetch(`${server.url}/api/v1/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ page, helpful: false }) });

  test('an article and a tool page take votes; a made-up page gets 400 naming page; stored votes stay', async () => {
    expect((await vote(ARTICLE)).status).toBe(201);
    expect((await vote(TOOL)).status).toBe(201);
    for (const page of ['/faq/no-such-article/', '/spam/1/', '/faq/change-administrator', '/']) {
      const res = await vote(page);
      expect(res.status, page).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('invalid_request');
      expect(error.fields).toEqual([{ path: 'page', message: expect.stringContaining('不是本站的文章或工具页面') }]);
    }
    const { pages } = await (await adminApi(server, TOKEN)).json();
    expect(pages.map((p: { page: string }) => p.page).sort()).toEqual(['/spam/old/', ARTICLE, TOOL].sort());
  });
});

describe('security headers behind an HTTPS proxy', { timeout: 60_000 }, () => {
  let server: RunningServer;
  let proxy: HttpsProxy;
  beforeAll(async () => {
    server = await startServer({ env: { WENDA_ADMIN_TOKEN: TOKEN, WENDA_TRUST_PROXY: '1' } });
    proxy = await startHttpsProxy(server.url);
    // Clients in this process trust the proxy's certificate (the Observatory's too).
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), proxy.cert]);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });
  const headersOf = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return res.headers;
  };

  test('every kind of response carries its set; HSTS only over HTTPS', async () => {
    const page = await headersOf(`${proxy.url}${ARTICLE}`);
    expect(page.get('strict-transport-security')).toBe('max-age=63072000');
    expect(page.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(page.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.get('cross-origin-resource-policy')).toBe('same-origin');
    // /admin/ is rendered on request, with Astro's CSP as a header: it keeps frame-ancestors.
    const operator = await headersOf(`${proxy.url}/admin/`);
    const csp = operator.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(operator.get('strict-transport-security')).toBe('max-age=63072000');
    // The API: HSTS too; public reads are open to any origin, the admin routes are not.
    const health = await headersOf(`${proxy.url}/api/v1/health`, { headers: { Origin: 'https://other.example' } });
    expect(health.get('strict-transport-security')).toBe('max-age=63072000');
    expect(health.get('access-control-allow-origin')).toBe('*');
    expect(health.get('cross-origin-resource-policy')).toBe('same-origin');
    for (const auth of [TOKEN, 'wrong-token-xxxxxxxxxx']) {
      const answer = await headersOf(`${proxy.url}/api/v1/admin/feedback`, { headers: { Origin: 'https://other.example', Authorization: `Bearer ${auth}` } });
      expect(answer.get('access-control-allow-origin')).toBeNull();
    }
    // Loaded by other sites: the widget's script and the storage probe may be.
    expect((await headersOf(`${proxy.url}/widget/v1.js`)).get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await headersOf(`${proxy.url}/diagnostics/storage-probe/`)).get('content-security-policy')).toContain('frame-ancestors *');
    // Straight to the server over http (no proxy saying https): no HSTS.
    expect((await headersOf(`${server.url}${ARTICLE}`)).get('strict-transport-security')).toBeNull();
    expect((await headersOf(`${server.url}/api/v1/health`)).get('strict-transport-security')).toBeNull();
  });

  test('Mozilla’s HTTP Observatory grades A+ the home page, an article, a tool page and /admin/', async () => {
    const { scan } = await loadObservatory();
    const grades: Record<string, string> = {};
    for (const path of ['/', ARTICLE, TOOL, '/admin/']) {
      // The scanner takes a host name; port and path ride along in it.
      const result = await scan(`127.0.0.1:${proxy.port}${path}`);
      const failed = Object.entries(result.tests).filter(([, t]) => !t.pass).map(([name, t]) => `${name}: ${t.result}`);
      grades[path] = `${result.scan.grade} (${result.scan.score})${failed.length ? ` failed: ${failed.join(', ')}` : ''}`;
    }
    console.log('HTTP Observatory:', grades);
    for (const [path, grade] of Object.entries(grades)) expect(grade, path).toMatch(/^A\+ /);
  });
});

interface ObservatoryResult {
  scan: { grade: string; score: number };
  tests: Record<string, { pass: boolean; result: string }>;
}

/**
 * The Observatory's scanner. Its install script downloads Chromium's HSTS preload list,
 * which installs here skip (no network; package.json `allowScripts`): an empty list is
 * given instead, as 127.0.0.1 is on none.
 */
async function loadObservatory(): Promise<{ scan: (host: string) => Promise<ObservatoryResult> }> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@mdn/mdn-http-observatory/package.json'));
  const preload = join(root, 'conf', 'hsts-preload.json');
  if (!existsSync(preload)) writeFileSync(preload, '{}');
  const observatory = '@mdn/mdn-http-observatory'; // plain JavaScript, without types
  return (await import(observatory)) as { scan: (host: string) => Promise<ObservatoryResult> };
}
