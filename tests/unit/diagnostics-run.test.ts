// The diagnostics as a whole: every check reported with progress, what to fix first,
// the report text and what is sent to support.
import { describe, expect, test } from 'vitest';
import { reportForSupport, reportText } from '../../src/lib/diagnostics/report.ts';
import { firstStep, resultCards, shortTitle } from '../../src/lib/diagnostics/result-cards.ts';
import type { CheckResult, FixTopic } from '../../src/lib/diagnostics/types.ts';
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

describe('result cards: chat hosts failing alike share one card and one guide', () => {
  const host = (n: number, status: CheckResult['status'], fix?: FixTopic): CheckResult => ({
    id: `host-${n}`,
    title: `连接服务 ${n}（h${n}.example）`,
    status,
    finding: fix === 'network-firewall' ? '5 秒内没有响应：可能被防火墙或代理服务器拦截。' : status === 'pass' ? '可以连接。' : '连接立即被拒绝：多半是浏览器设置、广告拦截或安全软件拦下了。',
    fix,
  });
  const cookies: CheckResult = { id: 'cookies', title: '浏览器 Cookie', status: 'pass', finding: 'Cookie 已启用。' };

  test('three refused hosts: one card listing them, with the shared finding and fix, where the first one was', () => {
    const cards = resultCards([cookies, host(1, 'fail', 'unblock-host'), host(2, 'fail', 'unblock-host'), host(3, 'fail', 'unblock-host')]);
    expect(cards.map((c) => c.anchor)).toEqual(['check-cookies', 'check-host-1']);
    expect(cards[1]).toMatchObject({ shared: true, title: '连接会话服务', status: 'fail', fix: 'unblock-host', lead: '以下 3 项连接都失败了：' });
    expect(cards[1]!.finding).toContain('立即被拒绝');
    expect(cards[1]!.checks.map((c) => c.id)).toEqual(['host-1', 'host-2', 'host-3']);
  });

  test('the summary line names the card and what to do in a few words, so it keeps two lines at 360 px', () => {
    const [card] = resultCards([{ id: 'host-2', title: '连接会话窗口（webpage.qidian.qq.com）', status: 'fail', finding: '连接立即被拒绝：……', fix: 'unblock-host' }]);
    expect(shortTitle(card!)).toBe('连接会话窗口');
    expect(firstStep(card!)).toBe('解除对会话服务的拦截');
    // Without a guide, the finding says it.
    expect(firstStep({ finding: '无法判断。', fix: undefined })).toBe('无法判断。');
    expect(shortTitle({ title: '浏览器 Cookie' })).toBe('浏览器 Cookie');
  });

  test('hosts failing in different ways keep their own cards; a host that passes is never grouped', () => {
    const cards = resultCards([host(1, 'pass'), host(2, 'fail', 'unblock-host'), host(3, 'fail', 'network-firewall')]);
    expect(cards.map((c) => [c.anchor, c.shared])).toEqual([
      ['check-host-1', false],
      ['check-host-2', false],
      ['check-host-3', false],
    ]);
  });

  test('two refused and one silent: the refused pair share a card, the silent one has its own', () => {
    const cards = resultCards([host(1, 'fail', 'unblock-host'), host(2, 'fail', 'network-firewall'), host(3, 'fail', 'unblock-host')]);
    expect(cards.map((c) => c.checks.map((x) => x.id))).toEqual([['host-1', 'host-3'], ['host-2']]);
  });

  test('the summary counts a shared card once and names it; the report for support keeps every host', () => {
    const results = [cookies, host(1, 'fail', 'unblock-host'), host(2, 'fail', 'unblock-host'), host(3, 'fail', 'unblock-host')];
    const summary = summarize(results);
    expect(summary.count).toBe(1);
    expect(summary.problems).toHaveLength(3);
    expect(summary.firstCard?.title).toBe('连接会话服务');
    const platform = detectPlatform({ userAgent: chrome });
    expect(reportForSupport(results, platform, chrome, '/').summary).toBe('发现 1 个问题，优先处理：连接会话服务。');
    expect(reportForSupport(results, platform, chrome, '/').checks.map((c) => c.id)).toEqual(['cookies', 'host-1', 'host-2', 'host-3']);
  });
});

describe('reports', () => {
  test('the text names the browser, the verdict and every check; the API accepts the sent body', async () => {
    const results = withPopupCheck(await runPassiveChecks(healthyEnvironment({ probe: async () => Promise.reject(new TypeError('x')) }), settings), undefined);
    const platform = detectPlatform({ userAgent: chrome });
    const text = reportText(results, platform, chrome, new Date('2026-11-25T02:00:00Z'));
    expect(text).toContain('Chrome 131');
    // Both hosts refused alike: one problem, as the tool's one card shows them.
    expect(text).toContain('发现 1 个问题，优先处理：连接会话服务。');
    for (const r of results) expect(text).toContain(r.title);
    const body = reportForSupport(results, platform, chrome, '/tools/diagnostics/');
    expect(diagnosticsReportSchema.safeParse(body).success).toBe(true);
  });
});
