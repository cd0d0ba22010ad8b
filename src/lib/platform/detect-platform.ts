// Which device and browser a visitor is on, from the user agent and, where the browser
// offers them, User-Agent Client Hints (Chrome's UA no longer tells Windows on Arm or
// Windows 11 apart; the hints do). Parsing is ua-parser-js 1.x (MIT; 2.x is AGPL).
import UAParser from 'ua-parser-js';

export type OperatingSystem = 'windows' | 'macos' | 'linux' | 'ios' | 'android' | 'harmonyos' | 'chromeos' | 'unknown';
export type CpuArchitecture = 'x64' | 'arm64' | 'x86' | 'unknown';
export type InAppBrowser = 'wechat' | 'qq' | 'weibo' | 'dingtalk' | 'alipay' | 'douyin';
export type BrowserFamily =
  | 'chrome' | 'edge' | 'firefox' | 'safari' | 'ie' | '360' | 'qq-browser' | 'sogou' | '2345' | 'liebao' | 'uc' | 'quark' | 'huawei' | 'xiaomi' | 'samsung' | 'opera' | 'in-app' | 'other';
/**
 * The engine rendering the page. `trident` is Internet Explorer's: IE itself, Edge's IE
 * mode, or the 兼容模式 of a Chinese dual-engine browser. Every browser on iOS uses
 * Safari's WebKit.
 */
export type BrowserEngine = 'trident' | 'chromium' | 'gecko' | 'webkit' | 'unknown';

/** High-entropy User-Agent Client Hints, as `navigator.userAgentData.getHighEntropyValues` gives them. */
export interface ClientHints {
  platform?: string;
  platformVersion?: string;
  architecture?: string;
  bitness?: string;
  mobile?: boolean;
}

export interface PlatformInput {
  userAgent: string;
  hints?: ClientHints | undefined;
  /** `navigator.maxTouchPoints`: tells an iPad in desktop mode from a Mac. */
  maxTouchPoints?: number | undefined;
  /** `document.documentMode`: set only by IE's engine, whatever the UA says (Edge's IE mode). */
  documentMode?: number | undefined;
}

export interface DetectedPlatform {
  os: OperatingSystem;
  /** e.g. "11" for Windows 11, "17.4" for iOS; empty when unknown. */
  osVersion: string;
  /** `unknown` when nothing tells it (a Mac's CPU can't be read from Safari's UA). */
  arch: CpuArchitecture;
  /** Phone or tablet. */
  mobile: boolean;
  /** Set when the page is open inside an app whose browser blocks downloads. */
  inApp?: InAppBrowser | undefined;
  browser: BrowserFamily;
  /** Browser name and major version as shown to people, e.g. "Chrome 131", "360 浏览器". */
  browserLabel: string;
  engine: BrowserEngine;
  /** Major version of the engine: Chromium's, Firefox's, or Safari's (on iOS the system's); undefined when unknown and for Trident. */
  engineVersion?: number | undefined;
}

const IN_APP: [InAppBrowser, RegExp][] = [
  ['wechat', /MicroMessenger/i],
  ['dingtalk', /DingTalk/i],
  ['alipay', /AlipayClient/i],
  ['weibo', /Weibo|__weibo__/i],
  ['douyin', /aweme|BytedanceWebview|Douyin/i],
  // The QQ app has a " QQ/8.x" token; QQ Browser only "MQQBrowser/".
  ['qq', /\sQQ\/\d/],
];

/** IE's engine in the UA: IE itself, and the 兼容模式 of the dual-engine browsers below. */
const TRIDENT = /Trident\/|MSIE /;

/**
 * Browser families by UA token, most specific first (Chinese browsers embed Chrome's
 * token, and in 兼容模式 IE's). The one table of these tokens: the diagnostics read the
 * family from here.
 */
const BROWSERS: [BrowserFamily, RegExp][] = [
  ['360', /QIHU 360|360SE|360EE|360Browser|QihooBrowser|QHBrowser/i],
  ['qq-browser', /QQBrowser/i],
  ['sogou', /MetaSr|SE 2\.X|Sogou/i],
  ['2345', /2345Explorer|2345chrome|2345Browser/i],
  ['liebao', /LBBROWSER|LieBao/i],
  ['uc', /UCBrowser|UCWEB|UBrowser/i],
  ['quark', /Quark(?:PC)?\//i],
  ['huawei', /HuaweiBrowser|HBPC/i],
  ['xiaomi', /MiuiBrowser|XiaoMi\//i],
  ['samsung', /SamsungBrowser/i],
  ['opera', /OPR\/|Opera/i],
  ['edge', /Edg(e|A|iOS)?\//],
  // HarmonyOS NEXT's system web view carries a Chrome token but is not Chrome.
  ['other', /ArkWeb\//],
  ['ie', TRIDENT],
  ['firefox', /Firefox\/|FxiOS\//],
  ['chrome', /Chrome\/|CriOS\//],
  ['safari', /Version\/[\d.]+.*Safari\//],
];

/** Chinese browsers with two engines, whose 兼容模式 runs IE's (their fix: 切换到极速模式). */
const DUAL_ENGINE: ReadonlySet<BrowserFamily> = new Set(['360', 'qq-browser', 'sogou', '2345', 'liebao']);

export const isDualEngine = (family: BrowserFamily) => DUAL_ENGINE.has(family);

const BROWSER_LABELS: Partial<Record<BrowserFamily, string>> = {
  '360': '360 浏览器',
  'qq-browser': 'QQ 浏览器',
  sogou: '搜狗浏览器',
  '2345': '2345 浏览器',
  liebao: '猎豹浏览器',
  uc: 'UC 浏览器',
  quark: '夸克浏览器',
  huawei: '华为浏览器',
  xiaomi: '小米浏览器',
  samsung: '三星浏览器',
  // As Chinese sites write them, whatever the parser calls them ("Mobile Safari", "Chrome WebView").
  chrome: 'Chrome',
  edge: 'Edge',
  firefox: 'Firefox',
  safari: 'Safari',
  opera: 'Opera',
};

/** Families shown with their major version: 'Chrome 131', 'Safari 17'. */
const VERSIONED: ReadonlySet<BrowserFamily> = new Set(['chrome', 'edge', 'firefox', 'safari', 'ie']);

const IN_APP_LABELS: Record<InAppBrowser, string> = {
  wechat: '微信',
  qq: 'QQ',
  weibo: '微博',
  dingtalk: '钉钉',
  alipay: '支付宝',
  douyin: '抖音',
};

function osFrom(name: string | undefined, ua: string): OperatingSystem {
  switch (name) {
    case 'Windows':
      return 'windows';
    case 'Mac OS':
    case 'macOS':
      return 'macos';
    case 'iOS':
      return 'ios';
    case 'Android':
      return 'android';
    case 'HarmonyOS':
    case 'OpenHarmony':
      // Older HarmonyOS phones run Android apps and say so.
      return /Android/i.test(ua) ? 'android' : 'harmonyos';
    case 'Chromium OS':
    case 'Chrome OS':
      return 'chromeos';
    case undefined:
      return /OpenHarmony/i.test(ua) ? 'harmonyos' : 'unknown';
    default:
      return /Linux|BSD|Ubuntu|Debian|Fedora|Mint|CentOS|Deepin|UOS|Kylin/i.test(name) ? 'linux' : 'unknown';
  }
}

function archFromUserAgent(os: OperatingSystem, ua: string, cpu: string | undefined): CpuArchitecture {
  if (os === 'macos') return 'unknown';
  if (os === 'windows') {
    if (/\bARM64\b|\bARM\b|aarch64/i.test(ua)) return 'arm64';
    if (/Win64|x64|WOW64|amd64/i.test(ua)) return 'x64';
    return 'x86';
  }
  // Some phones list both ("x64; ARM64"); the ARM token is the true one there.
  if (cpu === 'arm64' || /aarch64|armv8|\bARM64\b/i.test(ua)) return 'arm64';
  if (cpu === 'amd64') return 'x64';
  if (cpu === 'ia32' && os === 'linux') return 'x86';
  return 'unknown';
}

function archFromHints(hints: ClientHints | undefined): CpuArchitecture | undefined {
  if (!hints?.architecture) return undefined;
  const bits64 = hints.bitness === '64';
  if (hints.architecture === 'arm') return bits64 ? 'arm64' : undefined;
  if (hints.architecture === 'x86') return bits64 ? 'x64' : 'x86';
  return undefined;
}

const HINT_PLATFORMS: Record<string, OperatingSystem> = {
  Windows: 'windows',
  macOS: 'macos',
  Linux: 'linux',
  Android: 'android',
  'Chrome OS': 'chromeos',
  'Chromium OS': 'chromeos',
  iOS: 'ios',
};

const majorOf = (version: string | undefined) => {
  const major = Number.parseInt(version ?? '', 10);
  return Number.isNaN(major) ? undefined : major;
};

function engineOf(ua: string, os: OperatingSystem, osVersion: string, documentMode: number | undefined): Pick<DetectedPlatform, 'engine' | 'engineVersion'> {
  if (TRIDENT.test(ua) || documentMode !== undefined) return { engine: 'trident', engineVersion: undefined };
  // Apple allows no other engine on iOS: Chrome, QQ 浏览器 and WeChat there are Safari's WebKit, as new as the system.
  if (os === 'ios') return { engine: 'webkit', engineVersion: majorOf(osVersion) };
  const chromium = /Chrome\/(\d+)/.exec(ua)?.[1];
  if (chromium) return { engine: 'chromium', engineVersion: Number(chromium) };
  const gecko = /Firefox\/(\d+)/.exec(ua)?.[1];
  if (gecko) return { engine: 'gecko', engineVersion: Number(gecko) };
  const safari = /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//.exec(ua)?.[1];
  if (safari) return { engine: 'webkit', engineVersion: Number(safari) };
  return { engine: 'unknown', engineVersion: undefined };
}

/**
 * A browser outside the families above, by the parser's name without its "Mobile "
 * prefix; a Chrome token there is not Chrome (HarmonyOS's web view carries one).
 */
function otherBrowserName(parsed: string | undefined): string {
  if (!parsed) return '未知浏览器';
  const name = parsed.replace(/^Mobile /, '');
  return /^Chrom/.test(name) ? '浏览器' : name;
}

/** The visitor's OS, CPU, device type, browser, its engine and in-app browser. */
export function detectPlatform({ userAgent: ua, hints, maxTouchPoints, documentMode }: PlatformInput): DetectedPlatform {
  const parsed = new UAParser(ua).getResult();
  let os = (hints?.platform && HINT_PLATFORMS[hints.platform]) || osFrom(parsed.os.name, ua);
  let osVersion = parsed.os.version ?? '';
  if (os === 'windows' && hints?.platformVersion) {
    // Windows 11 reports platformVersion 13 and up; the UA says "Windows NT 10.0" for both.
    const major = Number(hints.platformVersion.split('.')[0]);
    if (major >= 13) osVersion = '11';
    else if (major > 0) osVersion = '10';
  }
  let mobile = hints?.mobile ?? (parsed.device.type === 'mobile' || parsed.device.type === 'tablet' || os === 'ios' || os === 'android');
  if (os === 'macos' && (maxTouchPoints ?? 0) > 1) {
    // iPadOS Safari asks for desktop sites and says Macintosh; Macs have no touch screen.
    os = 'ios';
    mobile = true;
  }
  if (os === 'android' || os === 'ios') mobile = true;
  // HarmonyOS runs on PCs too, which say "(PC; OpenHarmony …".
  if (os === 'harmonyos') mobile = !/\(PC;/.test(ua);
  const arch = archFromHints(hints) ?? archFromUserAgent(os, ua, parsed.cpu.architecture);
  const inApp = IN_APP.find(([, pattern]) => pattern.test(ua))?.[0];
  const family = inApp ? 'in-app' : (BROWSERS.find(([, pattern]) => pattern.test(ua))?.[0] ?? 'other');
  const majorVersion = parsed.browser.version?.split('.')[0];
  const major = majorVersion ? ` ${majorVersion}` : '';
  const name = family === 'ie' ? 'Internet Explorer' : (BROWSER_LABELS[family] ?? otherBrowserName(parsed.browser.name));
  const browserLabel = inApp ? IN_APP_LABELS[inApp] : `${name}${VERSIONED.has(family) ? major : ''}`;
  return { os, osVersion, arch, mobile, inApp, browser: family, browserLabel, ...engineOf(ua, os, osVersion, documentMode) };
}

export { IN_APP_LABELS };
