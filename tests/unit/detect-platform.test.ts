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
