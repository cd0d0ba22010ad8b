// Each diagnostics check with the browser APIs it uses injected: every status it can give.
import { describe, expect, test, vi } from 'vitest';
import { CHECK_TITLES } from '../../src/lib/diagnostics/check-titles.ts';
import { checkBrowserMode } from '../../src/lib/diagnostics/checks/browser-mode.ts';
import { checkBrowserVersion } from '../../src/lib/diagnostics/checks/browser-version.ts';
import { checkClockSkew } from '../../src/lib/diagnostics/checks/clock-skew.ts';
import { checkCookies, type CookieJar } from '../../src/lib/diagnostics/checks/cookies.ts';
import { checkHost, probeHost } from '../../src/lib/diagnostics/checks/host-reachability.ts';
import { checkInAppBrowser } from '../../src/lib/diagnostics/checks/in-app-browser.ts';
import { checkPopups } from '../../src/lib/diagnostics/checks/popups.ts';
import { checkThirdPartyStorage } from '../../src/lib/diagnostics/checks/third-party-storage.ts';
import { checkWebSocket, type WebSocketLike } from '../../src/lib/diagnostics/checks/websocket.ts';
import { checkWebStorage } from '../../src/lib/diagnostics/checks/web-storage.ts';
import { osLabel } from '../../src/lib/diagnostics/report.ts';
import { detectPlatform } from '../../src/lib/platform/detect-platform.ts';

const UA = {
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  oldChrome: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/69.0.3497.100 Safari/537.36',
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
  ie8: 'Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)',
  se360Compat: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; 360SE)',
  qqCompat: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0; QQBrowser/10.8.4405.400) like Gecko',
  sogouCompat: 'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0; SE 2.X MetaSr 1.0)',
  liebaoCompat: 'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0; LBBROWSER)',
  browser2345: 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0; 2345Explorer/10.0.0.18000) like Gecko',
  wechat: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  oldSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 11_0 like Mac OS X) AppleWebKit/604.1.38 (KHTML, like Gecko) Version/11.0 Mobile/15A372 Safari/604.1',
};

/** The checks read what detectPlatform made of the UA, as the tool does. */
const on = (userAgent: string, documentMode?: number) => detectPlatform({ userAgent, documentMode });

describe('browser mode', () => {
  test.each([
    { ua: UA.chrome, status: 'pass', fix: undefined, says: '现代' },
    { ua: UA.ie11, status: 'warn', fix: 'ie-restricted-sites', says: 'Internet Explorer 11' },
    { ua: UA.ie8, status: 'warn', fix: 'ie-restricted-sites', says: 'Internet Explorer 8' },
    { ua: UA.se360Compat, status: 'fail', fix: 'extreme-mode', says: '360 浏览器正处于兼容模式' },
    { ua: UA.qqCompat, status: 'fail', fix: 'extreme-mode', says: 'QQ 浏览器' },
    { ua: UA.sogouCompat, status: 'fail', fix: 'extreme-mode', says: '搜狗浏览器' },
    { ua: UA.liebaoCompat, status: 'fail', fix: 'extreme-mode', says: '猎豹浏览器' },
    { ua: UA.browser2345, status: 'fail', fix: 'extreme-mode', says: '2345 浏览器' },
  ])('$says', ({ ua, status, fix, says }) => {
    const r = checkBrowserMode(on(ua));
    expect(r.status).toBe(status);
    expect(r.fix).toBe(fix);
    expect(r.finding).toContain(says);
  });

  test('documentMode gives IE away even behind a modern-looking UA (Edge IE mode)', () => {
    expect(checkBrowserMode(on(UA.chrome, 11))).toMatchObject({ status: 'warn', fix: 'ie-restricted-sites' });
  });

  test('IE is a warning pointing to 受限站点, as the article says, never "unsupported"', () => {
    const r = checkBrowserMode(on(UA.ie11));
    expect(r.finding).toContain('受限站点');
    expect(r.finding).not.toMatch(/不支持/);
  });
});

// Code review item 7: the device line said 360 浏览器 while the check said Internet
// Explorer, and the reverse for 2345, because three modules had their own UA tokens.
// Now both read one detectPlatform result; these constructed UAs carry each token.
describe('the device line and the engine check agree', () => {
  const deviceLine = (ua: string) => {
    const p = on(ua);
    return `${p.browserLabel} · ${osLabel(p)}`;
  };
  test.each([
    ['Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0; QihooBrowser)', '360 浏览器'],
    ['Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0; 360Browser)', '360 浏览器'],
    ['Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0; QHBrowser) like Gecko', '360 浏览器'],
    [UA.se360Compat, '360 浏览器'],
    [UA.qqCompat, 'QQ 浏览器'],
    [UA.sogouCompat, '搜狗浏览器'],
    ['Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0; Sogou)', '搜狗浏览器'],
    [UA.browser2345, '2345 浏览器'],
    ['Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0; 2345chrome v3.0.0.9739)', '2345 浏览器'],
    [UA.liebaoCompat, '猎豹浏览器'],
    ['Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; LieBaoFast/4.51.3; rv:11.0) like Gecko', '猎豹浏览器'],
  ])('兼容模式: %s → %s in both', (ua, name) => {
    expect(deviceLine(ua)).toMatch(new RegExp(`^${name} · Windows`));
    const r = checkBrowserMode(on(ua));
    expect(r).toMatchObject({ status: 'fail', fix: 'extreme-mode' });
    expect(r.finding).toContain(`${name}正处于兼容模式`);
    expect(r.finding).not.toContain('Internet Explorer');
  });

  test.each([
    [UA.ie11, 'Internet Explorer 11'],
    [UA.ie8, 'Internet Explorer 8'],
  ])('IE itself: %s → %s in both', (ua, name) => {
    expect(deviceLine(ua)).toMatch(new RegExp(`^${name} · Windows`));
    expect(checkBrowserMode(on(ua))).toMatchObject({ status: 'warn', fix: 'ie-restricted-sites', finding: expect.stringContaining(`正在使用 ${name}`) });
  });

  test.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 2345Explorer/11.1.0.23008', '2345 浏览器'],
    ['Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 QIHU 360SE', '360 浏览器'],
    ['Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/57.0.2987.98 Safari/537.36 LBBROWSER', '猎豹浏览器'],
  ])('极速模式: %s → %s, a modern engine', (ua, name) => {
    expect(deviceLine(ua)).toMatch(new RegExp(`^${name} · Windows`));
    expect(checkBrowserMode(on(ua)).status).toBe('pass');
  });
});

describe('browser version and in-app browsers', () => {
  test.each([
    [UA.chrome, 'pass'],
    [UA.oldChrome, 'warn'],
    [UA.safari, 'pass'],
    [UA.oldSafari, 'warn'],
    [UA.ie11, 'unknown'],
  ])('%s → %s', (ua, status) => {
    expect(checkBrowserVersion(on(ua)).status).toBe(status);
  });

  test('every browser on iOS is as new as the system’s Safari (WeChat’s UA names no version of its own)', () => {
    expect(checkBrowserVersion(on(UA.wechat))).toMatchObject({ status: 'pass', finding: expect.stringContaining('Safari 17') });
  });

  test('WeChat is named, with the way out as the fix', () => {
    expect(checkInAppBrowser(on(UA.wechat))).toMatchObject({ status: 'warn', fix: 'open-in-browser', finding: expect.stringContaining('微信') });
    expect(checkInAppBrowser(on(UA.chrome)).status).toBe('pass');
  });
});

test('checks are named in words customers know, not developers’ terms', () => {
  expect(CHECK_TITLES).toMatchObject({ storage: '浏览器存储', websocket: '实时消息连接' });
  expect(Object.values(CHECK_TITLES).join()).not.toMatch(/WebSocket|localStorage|sessionStorage|本地存储/);
});

describe('cookies and storage', () => {
  const jar = (enabled: boolean, keeps: boolean): CookieJar => {
    let value = '';
    return { cookieEnabled: enabled, get: () => value, set: (v) => void (keeps ? (value = v.split(';')[0]!) : undefined) };
  };
  test.each([
    [true, true, 'pass'],
    [false, false, 'fail'],
    [true, false, 'fail'],
  ])('enabled %s, keeps %s → %s', (enabled, keeps, status) => {
    expect(checkCookies(jar(enabled, keeps)).status).toBe(status);
  });

  const memory = () => {
    const data = new Map<string, string>();
    return () => ({ setItem: (k: string, v: string) => void data.set(k, v), getItem: (k: string) => data.get(k) ?? null, removeItem: (k: string) => void data.delete(k) });
  };
  const blocked = () => () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  test('both storages usable → pass, in plain words; a blocked one is said in plain words, its name in brackets for support', () => {
    expect(checkWebStorage(memory(), memory())).toMatchObject({ status: 'pass', finding: '网页可以在浏览器中保存数据。' });
    const r = checkWebStorage(blocked(), memory());
    expect(r).toMatchObject({ status: 'fail', fix: 'enable-storage' });
    expect(r.finding).toMatch(/^网页无法在浏览器中长期保存数据（localStorage）/);
    expect(r.finding).not.toContain('sessionStorage');
    expect(checkWebStorage(memory(), blocked()).finding).toMatch(/^网页无法在浏览器中临时保存数据（sessionStorage）/);
  });
});

describe('pop-ups', () => {
  type Opened = { closed: boolean; close: () => void } | null;
  const cases: [string, () => Opened, string][] = [
    ['a window opens', () => ({ closed: false, close: vi.fn() }), 'pass'],
    ['null (blocked)', () => null, 'fail'],
    ['closed at once (blocked by an extension)', () => ({ closed: true, close: vi.fn() }), 'fail'],
    [
      'throws',
      () => {
        throw new Error('blocked');
      },
      'fail',
    ],
  ];
  test.each(cases)('%s → %s', (_, open, status) => {
    expect(checkPopups(open).status).toBe(status);
  });

  test('the test window is closed again', () => {
    const close = vi.fn();
    checkPopups(() => ({ closed: false, close }));
    expect(close).toHaveBeenCalled();
  });
});

describe('host reachability', () => {
  const host = { label: '会话窗口', url: 'https://chat.example.com/' };
  test('an answer → reachable', async () => {
    const r = await checkHost(host, 0, { probe: async () => new Response('ok'), timeoutMs: 1000 });
    expect(r).toMatchObject({ id: 'host-1', status: 'pass' });
    expect(r.title).toContain('chat.example.com');
  });

  test('an error before the time-out → refused (extension, restricted zone, policy)', async () => {
    const r = await checkHost(host, 1, { probe: async () => Promise.reject(new TypeError('Failed to fetch')), timeoutMs: 1000 });
    expect(r).toMatchObject({ id: 'host-2', status: 'fail', fix: 'unblock-host' });
    // The browser sees the same error for a blocker on the device and for a company DNS or network rule: the finding names both.
    expect(r.finding).toMatch(/广告拦截.*安全软件/);
    expect(r.finding).toMatch(/网络.*DNS.*访问规则/);
  });

  test('no answer in time → time-out (firewall, proxy)', async () => {
    const never = (_: string, signal: AbortSignal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const r = await checkHost(host, 0, { probe: never, timeoutMs: 50 });
    expect(r).toMatchObject({ status: 'fail', fix: 'network-firewall' });
    expect((await probeHost(host.url, { probe: never, timeoutMs: 30 })).outcome).toBe('timeout');
  });
});

describe('WebSocket', () => {
  /** A fake socket that echoes, refuses, or stays silent. */
  const socket = (behaviour: 'echo' | 'error' | 'silent') => (): WebSocketLike => {
    const s: WebSocketLike = {
      onopen: null,
      onmessage: null,
      onerror: null,
      onclose: null,
      send: (data) => behaviour === 'echo' && setTimeout(() => s.onmessage?.({ data })),
      close: () => {},
    };
    setTimeout(() => (behaviour === 'error' ? s.onerror?.({}) : s.onopen?.({})));
    return s;
  };
  test.each([
    { behaviour: 'echo', httpsWorks: true, status: 'pass', fix: undefined },
    { behaviour: 'error', httpsWorks: true, status: 'fail', fix: 'websocket-proxy' },
    { behaviour: 'silent', httpsWorks: true, status: 'fail', fix: 'websocket-proxy' },
    { behaviour: 'error', httpsWorks: false, status: 'fail', fix: 'network-firewall' },
  ] as const)('$behaviour with HTTPS working: $httpsWorks → $fix', async ({ behaviour, httpsWorks, status, fix }) => {
    const r = await checkWebSocket({ url: 'wss://x/echo', connect: socket(behaviour), httpsWorks, timeoutMs: 100 });
    expect(r.status).toBe(status);
    expect(r.fix).toBe(fix);
  });
});

describe('clock skew and third-party storage', () => {
  const server = 'Wed, 25 Nov 2026 10:00:00 GMT';
  const at = Date.parse(server);
  test.each([
    [at + 60_000, 'pass'],
    [at - 4 * 60_000, 'pass'],
    [at + 6 * 60_000, 'warn'],
    [at - 3 * 3_600_000, 'warn'],
  ])('local %d → %s', (local, status) => {
    expect(checkClockSkew(server, local).status).toBe(status);
  });

  test('says how far and which way', () => {
    expect(checkClockSkew(server, at - 10 * 60_000).finding).toContain('慢了约 10 分钟');
    expect(checkClockSkew(null, at).status).toBe('unknown');
  });

  test.each([
    ['no-answer', 'unknown'],
    [{ cookies: true, localStorage: true }, 'pass'],
    [{ cookies: false, localStorage: true }, 'warn'],
  ] as const)('%j → %s', (report, status) => {
    expect(checkThirdPartyStorage(report).status).toBe(status);
  });
});
