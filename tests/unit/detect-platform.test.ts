// Platform detection on real user-agent strings (sources named in each case's label).
import { describe, expect, test } from 'vitest';
import { detectPlatform } from '../../src/lib/platform/detect-platform.ts';
import { userAgentCases } from '../fixtures/user-agents.ts';

describe('detectPlatform on real user agents', () => {
  test('the table is large and covers the Chinese browsers and in-app browsers', () => {
    expect(userAgentCases.length).toBeGreaterThanOrEqual(40);
    const families = new Set(userAgentCases.map((c) => c.expected.browser));
    for (const f of ['360', 'qq-browser', 'sogou', 'uc', 'quark', 'huawei', 'xiaomi']) expect(families).toContain(f);
    const apps = new Set(userAgentCases.map((c) => c.expected.inApp));
    for (const a of ['wechat', 'qq', 'weibo', 'dingtalk', 'alipay', 'douyin']) expect(apps).toContain(a);
  });

  test.each(userAgentCases)('$label', ({ userAgent, expected }) => {
    const detected = detectPlatform({ userAgent });
    expect({ os: detected.os, arch: detected.arch, mobile: detected.mobile, inApp: detected.inApp, browser: detected.browser }).toEqual({
      os: expected.os,
      arch: expected.arch,
      mobile: expected.mobile,
      inApp: expected.inApp,
      browser: expected.browser,
    });
  });
});

describe('the engine', () => {
  test.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', undefined, 'chromium', 131],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0', undefined, 'gecko', 128],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', undefined, 'webkit', 17],
    // Chrome on iOS is Safari's WebKit, as new as the system.
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1', undefined, 'webkit', 16],
    ['Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', undefined, 'trident', undefined],
    ['Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0; QihooBrowser)', undefined, 'trident', undefined],
    // Edge's IE mode with a Chromium UA: only document.documentMode tells.
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 11, 'trident', undefined],
  ])('%s (documentMode %s) → %s %s', (userAgent, documentMode, engine, engineVersion) => {
    expect(detectPlatform({ userAgent, documentMode })).toMatchObject({ engine, engineVersion });
  });

  test('a dual-engine browser keeps its own name in 兼容模式 (IE’s engine) and in 极速模式', () => {
    const compat = detectPlatform({ userAgent: 'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0; QihooBrowser)' });
    const fast = detectPlatform({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 QIHU 360SE' });
    expect([compat.browser, compat.browserLabel, compat.engine]).toEqual(['360', '360 浏览器', 'trident']);
    expect([fast.browser, fast.browserLabel, fast.engine]).toEqual(['360', '360 浏览器', 'chromium']);
  });
});
