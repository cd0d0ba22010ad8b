// The diagnostics as a whole: every check reported with progress, what to fix first,
// the report text and what is sent to support.
import { describe, expect, test } from 'vitest';
import { reportForSupport, reportText } from '../../src/lib/diagnostics/report.ts';
import { passiveCheckCount, runPassiveChecks, summarize, withPopupCheck, type DiagnosticsEnvironment } from '../../src/lib/diagnostics/run-diagnostics.ts';
import { detectPlatform } from '../../src/lib/platform/detect-platform.ts';
import { diagnosticsReportSchema } from '../../src/api/routes/diagnostics.ts';

const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

function healthyEnvironment(overrides: Partial<DiagnosticsEnvironment> = {}): DiagnosticsEnvironment {
  const store = () => {
    const m = new Map<string, string>();
    return () => ({ setItem: (k: string, v: string) => void m.set(k, v), getItem: (k: string) => m.get(k) ?? null, removeItem: (k: string) => void m.delete(k) });
  };
  let cookie = '';
  return {
    platform: detectPlatform({ userAgent: chrome }),
    cookies: { cookieEnabled: true, get: () => cookie, set: (v) => void (cookie = v.split(';')[0]!) },
    localStorage: store(),
    sessionStorage: store(),
    probe: async () => undefined,
    connectWebSocket: () => {
      const s = { onopen: null, onmessage: null, onerror: null, onclose: null, send: (data: string) => setTimeout(() => s.onmessage?.({ data })), close: () => {} } as never as import('../../src/lib/diagnostics/checks/websocket.ts').WebSocketLike;
      setTimeout(() => s.onopen?.({}));
      return s;
    },
    serverDate: async () => new Date().toUTCString(),
    now: () => Date.now(),
    thirdPartyStorage: async () => ({ cookies: true, localStorage: true }),
    ...overrides,
  };
}
const settings = {
  chatHosts: [{ label: '接待组件', url: 'https://a.example/' }, { label: '会话窗口', url: 'https://b.example/' }],
  webSocketUrl: 'wss://x/echo',
  hostTimeoutMs: 200,
  thirdPartyStorage: false,
};

describe('runPassiveChecks', () => {
  test('a healthy browser: every check passes, one progress call each', async () => {
    const seen: string[] = [];
    const results = await runPassiveChecks(healthyEnvironment(), settings, (r) => seen.push(r.id));
    expect(results).toHaveLength(passiveCheckCount(settings));
    expect(seen).toEqual(results.map((r) => r.id));
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(summarize(results).allClear).toBe(true);
  });

  test('third-party storage is checked only when a probe origin is configured, not left as a permanent 未知', async () => {
    let asked = 0;
    const env = healthyEnvironment({ thirdPartyStorage: async () => (asked++, { cookies: false, localStorage: true }) });
    const without = await runPassiveChecks(env, settings);
    expect(without.map((r) => r.id)).not.toContain('third-party-storage');
    expect(asked).toBe(0);
    const withProbe = { ...settings, thirdPartyStorage: true };
    const results = await runPassiveChecks(env, withProbe);
    expect(results).toHaveLength(passiveCheckCount(withProbe));
    expect(passiveCheckCount(withProbe)).toBe(passiveCheckCount(settings) + 1);
    expect(results.find((r) => r.id === 'third-party-storage')).toMatchObject({ status: 'warn', title: '第三方 Cookie', fix: 'third-party-cookies' });
  });

  test('the API unreachable: WebSocket failure is put down to the network, clock unknown', async () => {
    const results = await runPassiveChecks(
      healthyEnvironment({ serverDate: () => Promise.reject(new TypeError('Failed to fetch')), connectWebSocket: () => { throw new Error('refused'); } }),
      settings,
    );
    expect(results.find((r) => r.id === 'websocket')).toMatchObject({ status: 'fail', fix: 'network-firewall' });
    expect(results.find((r) => r.id === 'clock')?.status).toBe('unknown');
  });

  test('what to fix first: the IE engine before a blocked host before a pop-up', () => {
    const summary = summarize([
      { id: 'popups', title: '弹出窗口', status: 'fail', finding: '', fix: 'allow-popups' },
      { id: 'host-2', title: 'b', status: 'fail', finding: '', fix: 'unblock-host' },
      { id: 'browser-mode', title: '浏览器内核', status: 'fail', finding: '', fix: 'extreme-mode' },
      { id: 'clock', title: '系统时间', status: 'warn', finding: '', fix: 'sync-clock' },
    ]);
    expect(summary.problems.map((p) => p.id)).toEqual(['browser-mode', 'host-2', 'popups', 'clock']);
  });

  test('the pop-up check is always listed, untested until clicked', () => {
    expect(withPopupCheck([], undefined)).toEqual([expect.objectContaining({ id: 'popups', status: 'unknown' })]);
  });
});

describe('reports', () => {
  test('the text names the browser, the verdict and every check; the API accepts the sent body', async () => {
    const results = withPopupCheck(await runPassiveChecks(healthyEnvironment({ probe: async () => Promise.reject(new TypeError('x')) }), settings), undefined);
    const platform = detectPlatform({ userAgent: chrome });
    const text = reportText(results, platform, chrome, new Date('2026-11-25T02:00:00Z'));
    expect(text).toContain('Chrome 131');
    expect(text).toContain('发现 2 个问题');
    for (const r of results) expect(text).toContain(r.title);
    const body = reportForSupport(results, platform, chrome, '/tools/diagnostics/');
    expect(diagnosticsReportSchema.safeParse(body).success).toBe(true);
  });
});
