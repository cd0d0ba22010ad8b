// The fix guides as each device sees them: a computer gets the browsers' settings pages,
// an Android phone and an iPhone their own menus, never a computer's (visitor review 4).
import { describe, expect, test } from 'vitest';
import { DEVICE_BROWSERS, FIX_GUIDES } from '../../src/lib/diagnostics/fix-guides-data.ts';
import { fixGuide, guideDevice, type GuideView } from '../../src/lib/diagnostics/fix-guides.ts';
import { checkBrowserMode } from '../../src/lib/diagnostics/checks/browser-mode.ts';
import type { FixTopic } from '../../src/lib/diagnostics/types.ts';
import { detectPlatform } from '../../src/lib/platform/detect-platform.ts';

const UA = {
  windowsChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  androidChrome: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  androidHuawei:
    'Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00; HMSCore 6.11.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.0.322 Mobile Safari/537.36',
  androidWeChat:
    'Mozilla/5.0 (Linux; Android 12; M2102J2SC Build/SKQ1.211006.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/86.0.4240.99 XWEB/4317 MMWEBSDK/20220903 Mobile Safari/537.36 MMWEBID/4357 MicroMessenger/8.0.28.2240(0x28001C57) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  iPhoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1',
  iPhoneChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1',
  se360Compat: 'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0; QihooBrowser)',
};
const on = (userAgent: string, maxTouchPoints?: number) => detectPlatform({ userAgent, maxTouchPoints });
const text = (g: GuideView) => [...g.general, ...g.browsers.flatMap((b) => [b.name, ...b.steps])].join('\n');
const own = (g: GuideView) => g.browsers.find((b) => b.own);

const TOPICS = Object.keys(FIX_GUIDES) as FixTopic[];
/** Only IE's engine gives these, and no phone runs it. */
const COMPUTER_ONLY: FixTopic[] = ['extreme-mode', 'ie-restricted-sites'];
const PHONE_TOPICS = TOPICS.filter((t) => !COMPUTER_ONLY.includes(t));
/** What only a computer has: extensions, settings pages by address, the IE control panel, company PCs, desktop OS menus. */
const COMPUTER_ONLY_WORDS = /chrome:\/\/|edge:\/\/|扩展程序|浏览器扩展|Internet 选项|公司电脑|公司 IT|联系 IT|任务栏|右键|Windows|Mac|macOS|菜单「Safari 浏览器」|地址栏右侧|IE 11/;

describe('which device’s steps', () => {
  test.each([
    [UA.windowsChrome, undefined, 'computer'],
    [UA.macSafari, 0, 'computer'],
    [UA.macSafari, 5, 'ios'], // an iPad asking for the desktop site
    [UA.androidChrome, undefined, 'android'],
    [UA.androidHuawei, undefined, 'android'],
    [UA.androidWeChat, undefined, 'android'],
    [UA.iPhoneSafari, undefined, 'ios'],
    [UA.iPhoneChrome, undefined, 'ios'],
  ] as const)('%s (touch points %s) → %s', (ua, touch, device) => {
    expect(guideDevice(on(ua, touch))).toBe(device);
  });
});

describe('every guide on every device', () => {
  test.each(TOPICS)('%s has steps on a computer; the visitor’s browser first and open', (topic) => {
    const guide = fixGuide(topic, on(UA.windowsChrome));
    expect(guide.general.length + guide.browsers.length).toBeGreaterThan(0);
    if (guide.browsers.some((b) => b.browser === 'chrome')) expect(guide.browsers[0]).toMatchObject({ browser: 'chrome', own: true, name: 'Chrome（你正在使用）' });
    expect(guide.browsers.filter((b) => b.own).length).toBeLessThanOrEqual(1);
  });

  test.each(PHONE_TOPICS)('%s has Android and iPhone steps of its own, with nothing only a computer has', (topic) => {
    expect(FIX_GUIDES[topic].android, 'android').toBeDefined();
    expect(FIX_GUIDES[topic].ios, 'ios').toBeDefined();
    for (const ua of [UA.androidChrome, UA.androidHuawei, UA.androidWeChat, UA.iPhoneSafari, UA.iPhoneChrome]) {
      const guide = fixGuide(topic, on(ua));
      expect(guide.general.length + guide.browsers.length, ua).toBeGreaterThan(0);
      expect(text(guide), ua).not.toMatch(COMPUTER_ONLY_WORDS);
      const device = guideDevice(on(ua));
      for (const b of guide.browsers) expect(Object.keys(DEVICE_BROWSERS[device])).toContain(b.browser);
    }
  });

  test('popups, cookies and a blocked chat host have steps for every browser a computer lists', () => {
    for (const topic of ['allow-popups', 'enable-cookies', 'unblock-host'] as const) {
      expect(Object.keys(FIX_GUIDES[topic].computer.byBrowser ?? {}).sort()).toEqual(Object.keys(DEVICE_BROWSERS.computer).sort());
    }
  });
});

describe('a computer', () => {
  test('a blocked chat host may be the company network as well as an extension or security software: the guide tells them apart by changing network', () => {
    const general = fixGuide('unblock-host', on(UA.windowsChrome)).general.join('\n');
    expect(general).toMatch(/扩展.*安全软件/);
    expect(general).toMatch(/换一个网络.*DNS 或访问规则/);
  });

  test('Chrome on Windows: the extension page and the company policy, open first', () => {
    const guide = fixGuide('unblock-host', on(UA.windowsChrome));
    expect(guide.general.join('')).toContain('公司电脑');
    expect(own(guide)?.steps.join('')).toContain('chrome://extensions');
  });

  test('Safari on a Mac gets the Mac’s menus, not the iPhone’s', () => {
    for (const topic of ['unblock-host', 'third-party-cookies', 'allow-popups', 'enable-cookies'] as const) {
      const safari = own(fixGuide(topic, on(UA.macSafari, 0)))!;
      expect(safari.name).toBe('Safari（你正在使用）');
      expect(safari.steps.join(''), topic).toContain('菜单「Safari 浏览器」');
      expect(safari.steps.join(''), topic).not.toMatch(/iPhone|iPad|「设置」→「Safari 浏览器」/);
    }
    expect(own(fixGuide('third-party-cookies', on(UA.macSafari, 0)))!.steps.join('')).toContain('防止跨站跟踪');
  });

  test('a 360 in 兼容模式 gets 360’s own 极速模式 steps, open (the same detection as the device line)', () => {
    const platform = on(UA.se360Compat);
    const check = checkBrowserMode(platform);
    const guide = fixGuide(check.fix!, platform);
    expect(own(guide)).toMatchObject({ browser: '360', name: '360 浏览器（你正在使用）' });
    expect(own(guide)!.steps.join('')).toContain('极速模式');
  });

  test('a browser the guides do not list is not told it is Chrome', () => {
    const uc = on('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 UBrowser/6.2.4098.3 Safari/537.36');
    expect(fixGuide('allow-popups', uc).browsers.filter((b) => b.own)).toEqual([]);
  });
});

describe('an Android phone', () => {
  test('Chrome: 设置 → 网站设置 → 弹出式窗口和重定向, open and named as the visitor’s', () => {
    const chrome = own(fixGuide('allow-popups', on(UA.androidChrome)))!;
    expect(chrome.name).toBe('Chrome（你正在使用）');
    expect(chrome.steps[0]).toMatch(/「⋮」→「设置」→「网站设置」→「弹出式窗口和重定向」/);
  });

  test('third-party cookies in Chrome: 网站设置 → 第三方 Cookie', () => {
    expect(own(fixGuide('third-party-cookies', on(UA.androidChrome)))!.steps.join('')).toContain('「网站设置」→「第三方 Cookie」');
  });

  test('the clock: the phone’s 设置 → 日期和时间 → 自动设置', () => {
    const steps = fixGuide('sync-clock', on(UA.androidChrome)).general.join('');
    expect(steps).toContain('「日期和时间」');
    expect(steps).toContain('「自动设置」');
  });

  test('a blocked chat host: ad blockers, VPN and the network (its DNS or rules), no extension page', () => {
    const guide = fixGuide('unblock-host', on(UA.androidChrome));
    expect(guide.general.join('')).toMatch(/广告拦截、VPN/);
    expect(guide.general.join('')).toContain('移动数据');
    expect(guide.general.join('')).toMatch(/DNS 或访问规则/);
  });

  test('the phone maker’s browser is the visitor’s own, under its own name, with general steps', () => {
    const huawei = own(fixGuide('allow-popups', on(UA.androidHuawei)))!;
    expect(huawei).toMatchObject({ browser: 'other', name: '华为浏览器（你正在使用）' });
  });

  test('inside WeChat: the way out names Android’s menu, and no browser is claimed as the visitor’s', () => {
    const guide = fixGuide('open-in-browser', on(UA.androidWeChat));
    expect(guide.general.join('')).toContain('在浏览器中打开');
    expect(guide.general.join('')).not.toContain('Safari');
    expect(fixGuide('unblock-host', on(UA.androidWeChat)).browsers.filter((b) => b.own)).toEqual([]);
  });
});

describe('an iPhone', () => {
  test('Safari: 设置 → Safari 浏览器 → 阻止弹出式窗口', () => {
    const safari = own(fixGuide('allow-popups', on(UA.iPhoneSafari)))!;
    expect(safari.name).toBe('Safari（你正在使用）');
    expect(safari.steps[0]).toMatch(/「设置」→「Safari 浏览器」.*关闭「阻止弹出式窗口」/);
  });

  test('the clock: 设置 → 通用 → 日期与时间 → 自动设置', () => {
    expect(fixGuide('sync-clock', on(UA.iPhoneSafari)).general[0]).toContain('「设置」→「通用」→「日期与时间」，打开「自动设置」');
  });

  test('cookies and third-party cookies: Safari’s switches, not the Mac’s 隐私 pane', () => {
    expect(own(fixGuide('enable-cookies', on(UA.iPhoneSafari)))!.steps.join('')).toContain('关闭「阻止所有 Cookie」');
    expect(own(fixGuide('third-party-cookies', on(UA.iPhoneSafari)))!.steps.join('')).toContain('关闭「防止跨站跟踪」');
  });

  test('updating: every iPhone browser is Safari’s engine, updated with the system', () => {
    const guide = fixGuide('update-browser', on(UA.iPhoneChrome));
    expect(guide.general.join('')).toContain('「通用」→「软件更新」');
    expect(guide.browsers).toEqual([]);
  });

  test('inside an app the way out is 在 Safari 中打开', () => {
    const wechat = on('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN');
    expect(fixGuide('open-in-browser', wechat).general.join('')).toContain('在 Safari 中打开');
  });
});

describe('the wording the article and the review asked for', () => {
  const allSteps = TOPICS.flatMap((t) =>
    (['computer', 'android', 'ios'] as const).flatMap((d) => {
      const s = FIX_GUIDES[t][d];
      return [...(s?.general ?? []), ...Object.values(s?.byBrowser ?? {}).flat()];
    }),
  );

  test('the IE guides say how to remove *.qq.com from 受限站点', () => {
    for (const steps of [FIX_GUIDES['unblock-host'].computer.byBrowser?.ie ?? [], FIX_GUIDES['ie-restricted-sites'].computer.general ?? []]) {
      expect(steps.join('')).toContain('受限站点');
      expect(steps.join('')).toContain('*.qq.com');
    }
  });

  test('the IE guide starts with 受限站点, offers another browser only as the fallback, and never calls IE unsupported', () => {
    const steps = FIX_GUIDES['ie-restricted-sites'].computer.general!;
    const firstSwitch = steps.findIndex((s) => /换用|退出 Internet Explorer 模式/.test(s));
    expect(steps[0]).toContain('受限站点');
    expect(firstSwitch).toBeGreaterThan(steps.findIndex((s) => s.includes('删除')));
    expect(steps[firstSwitch]).toMatch(/^如果.*仍打不开/);
    expect(steps.join('')).not.toMatch(/不支持|停止更新/);
  });

  test('the guides send the customer to the site where the 接待组件 sits, never to 本网站 (the help center itself)', () => {
    expect(allSteps.filter((step) => step.includes('本网站'))).toEqual([]);
    expect(allSteps.filter((step) => step.includes('放置接待组件的网站')).length).toBeGreaterThan(10);
  });
});
