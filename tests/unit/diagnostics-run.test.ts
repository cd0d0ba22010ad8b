// The diagnostics as a whole: every check reported with progress, what to fix first,
// the report text and what is sent to support.
import { describe, expect, test } from 'vitest';
import { FIX_GUIDES, GUIDE_BROWSERS, guideOrder } from '../../src/lib/diagnostics/fix-guides.ts';
import { reportForSupport, reportText } from '../../src/lib/diagnostics/report.ts';
import { passiveCheckCount, runPassiveChecks, summarize, withPopupCheck, type DiagnosticsEnvironment } from '../../src/lib/diagnostics/run-diagnostics.ts';
import type { FixTopic } from '../../src/lib/diagnostics/types.ts';
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
    thirdPartyStorage: async () => 'no-probe',
    ...overrides,
  };
}
const settings = { chatHosts: [{ label: '接待组件', url: 'https://a.example/' }, { label: '会话窗口', url: 'https://b.example/' }], webSocketUrl: 'wss://x/echo', hostTimeoutMs: 200 };

describe('runPassiveChecks', () => {
  test('a healthy browser: every check passes (third-party storage unknown without a probe), one progress call each', async () => {
    const seen: string[] = [];
    const results = await runPassiveChecks(healthyEnvironment(), settings, (r) => seen.push(r.id));
    expect(results).toHaveLength(passiveCheckCount(settings));
    expect(seen).toEqual(results.map((r) => r.id));
    expect(results.filter((r) => r.status !== 'pass').map((r) => r.id)).toEqual(['third-party-storage']);
    expect(summarize(results).allClear).toBe(true);
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

describe('fix guides', () => {
  test.each(Object.keys(FIX_GUIDES) as FixTopic[])('%s has steps, the visitor’s browser first', (topic) => {
    const guide = FIX_GUIDES[topic];
    expect((guide.general?.length ?? 0) + Object.keys(guide.byBrowser ?? {}).length).toBeGreaterThan(0);
    const order = guideOrder(topic, 'sogou');
    if (guide.byBrowser?.sogou) expect(order[0]).toBe('sogou');
  });

  test('the IE guides say how to remove *.qq.com from 受限站点', () => {
    for (const steps of [FIX_GUIDES['unblock-host'].byBrowser?.ie ?? [], FIX_GUIDES['ie-restricted-sites'].general ?? []]) {
      expect(steps.join('')).toContain('受限站点');
      expect(steps.join('')).toContain('*.qq.com');
    }
  });

  test('the IE guide starts with 受限站点, offers another browser only as the fallback, and never calls IE unsupported', () => {
    const steps = FIX_GUIDES['ie-restricted-sites'].general!;
    const firstSwitch = steps.findIndex((s) => /换用|退出 Internet Explorer 模式/.test(s));
    expect(steps[0]).toContain('受限站点');
    expect(firstSwitch).toBeGreaterThan(steps.findIndex((s) => s.includes('删除')));
    expect(steps[firstSwitch]).toMatch(/^如果.*仍打不开/);
    expect(steps.join('')).not.toMatch(/不支持|停止更新/);
  });

  test('the guides send the customer to the site where the 接待组件 sits, never to 本网站 (the help center itself)', () => {
    const all = Object.values(FIX_GUIDES).flatMap((g) => [...(g.general ?? []), ...Object.values(g.byBrowser ?? {}).flat()]);
    expect(all.filter((step) => step.includes('本网站'))).toEqual([]);
    expect(all.filter((step) => step.includes('放置接待组件的网站')).length).toBeGreaterThan(10);
  });

  test('popups, cookies and a blocked chat host have steps for every listed browser', () => {
    for (const topic of ['allow-popups', 'enable-cookies', 'unblock-host'] as const) {
      expect(Object.keys(FIX_GUIDES[topic].byBrowser ?? {}).sort()).toEqual([...GUIDE_BROWSERS].sort());
    }
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
