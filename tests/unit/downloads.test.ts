import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientSchema, type Client } from '../../src/lib/downloads/client-schema.ts';
import { recommendClient } from '../../src/lib/downloads/recommend-client.ts';
import { actionLabel, buildArchitectures, checksumCommand, deviceLabel, fileNameOf, formatSize, joinWords, platformList, recommendedActionLabel } from '../../src/lib/downloads/present-client.ts';
import { openInBrowserSteps } from '../../src/lib/platform/open-in-browser.ts';
import { detectPlatform, type DetectedPlatform } from '../../src/lib/platform/detect-platform.ts';

const dir = new URL('../../content/clients/', import.meta.url);
const shipped: Client[] = readdirSync(dir).map((file) => ({
  id: file.replace(/\.json$/, ''),
  ...clientSchema.parse(JSON.parse(readFileSync(new URL(file, dir), 'utf8'))),
}));

const platform = (p: Partial<DetectedPlatform>): DetectedPlatform => ({
  os: 'unknown',
  osVersion: '',
  arch: 'unknown',
  mobile: false,
  browser: 'chrome',
  browserLabel: 'Chrome',
  engine: 'chromium',
  ...p,
});

describe('client data', () => {
  test('the shipped sample set is valid, marked sample, and covers Windows, macOS, iPhone, 应用宝 and an APK', () => {
    expect(shipped.every((c) => c.sample)).toBe(true);
    expect(shipped.map((c) => c.platform).sort()).toEqual(['android', 'android', 'ios', 'macos', 'windows', 'windows']);
    expect(shipped.some((c) => c.download.kind === 'store' && c.download.store === 'yingyongbao')).toBe(true);
    expect(shipped.some((c) => c.platform === 'android' && c.download.kind === 'file')).toBe(true);
  });

  const good = JSON.parse(readFileSync(new URL('windows-x64.json', dir), 'utf8'));
  test.each([
    ['platform', { platform: 'symbian' }, 'platform'],
    ['architectures', { architectures: [] }, 'architectures'],
    ['a version', { version: 'v5' }, 'version'],
    ['a date', { releaseDate: '上周' }, 'releaseDate'],
    ['an impossible date', { releaseDate: '2026-02-30' }, 'releaseDate'],
    ['a date in the future', { releaseDate: '2999-01-01' }, 'releaseDate'],
    ['a checksum', { download: { ...good.download, sha256: 'abc' } }, 'download.sha256'],
    ['a file without size', { download: { kind: 'file', url: good.download.url, sha256: good.download.sha256 } }, 'download.size'],
    ['a store', { download: { kind: 'store', store: 'myshop', url: 'https://x.example' } }, 'download.store'],
    ['a URL', { download: { ...good.download, url: 'ftp://x.example/a.exe' } }, 'download.url'],
    ['a file name that cannot be decoded', { download: { ...good.download, url: 'https://dl.example.com/Qidian_100%_setup.exe' } }, 'download.url'],
    ['an iPhone file', { platform: 'ios' }, 'download.kind'],
    ['universal with others', { architectures: ['universal', 'x64'] }, 'architectures'],
    ['an unknown field', { colour: 'blue' }, ''],
  ])('refuses %s, naming the field', (_, patch, path) => {
    const result = clientSchema.safeParse({ ...good, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  test('a stray % in the file name is explained; %25 and encoded spaces are accepted', () => {
    const withUrl = (url: string) => clientSchema.safeParse({ ...good, download: { ...good.download, url } });
    expect(withUrl('https://dl.example.com/Qidian_100%_setup.exe').error?.issues).toEqual([
      expect.objectContaining({ path: ['download', 'url'], message: '网址末尾的文件名无法解码：% 后面应是两位十六进制数字，% 本身要写成 %25' }),
    ]);
    // Only the file name is shown, so only it has to decode.
    expect(withUrl('https://dl.example.com/100%/Qidian_100%25_setup.exe').success).toBe(true);
    expect(withUrl('https://dl.example.com/Qidian%20Setup%205.6.2.exe').success).toBe(true);
  });
});

describe('recommendClient', () => {
  test.each([
    { name: 'Windows x64', p: { os: 'windows', arch: 'x64' }, client: 'windows-x64', sure: true },
    { name: 'Windows on Arm', p: { os: 'windows', arch: 'arm64' }, client: 'windows-arm64', sure: true },
    { name: '32-bit Windows has no build', p: { os: 'windows', arch: 'x86' }, client: 'windows-x64', sure: false },
    { name: 'Windows, CPU unknown', p: { os: 'windows', arch: 'unknown' }, client: 'windows-x64', sure: false },
    { name: 'a Mac (CPU never known)', p: { os: 'macos' }, client: 'macos', sure: true },
    { name: 'iPhone', p: { os: 'ios', mobile: true }, client: 'iphone', sure: true },
    { name: 'Android: the store first', p: { os: 'android', mobile: true }, client: 'android-yingyongbao', sure: true },
    { name: 'HarmonyOS: Android build, unsure', p: { os: 'harmonyos', mobile: true }, client: 'android-yingyongbao', sure: false },
    { name: 'Linux has no client', p: { os: 'linux', arch: 'x64' }, client: undefined, sure: false },
    { name: 'unknown device', p: {}, client: undefined, sure: false },
  ] as const)('$name → $client', ({ p, client, sure }) => {
    const rec = recommendClient(platform(p), shipped);
    expect(rec.client?.id).toBe(client);
    expect(rec.sure).toBe(sure);
    if (!sure) expect(rec.note).not.toBe('');
  });

  test('in an app’s browser the visitor is told to open a real browser', () => {
    const rec = recommendClient(platform({ os: 'android', mobile: true, inApp: 'wechat', browser: 'in-app' }), shipped);
    expect(rec.openInBrowser).toBe(true);
    expect(rec.client?.id).toBe('android-yingyongbao');
  });

  test('an x64-only Windows list serves Arm through emulation, and says so (promising nothing about it)', () => {
    const rec = recommendClient(platform({ os: 'windows', arch: 'arm64' }), shipped.filter((c) => c.id !== 'windows-arm64'));
    expect(rec.client?.id).toBe('windows-x64');
    expect(rec.note).toContain('兼容模式');
    expect(rec.note).not.toContain('不受影响');
  });

  test('a HarmonyOS phone is sent to the desktop client when Android apps will not install: there is no 网页版', () => {
    const rec = recommendClient(platform({ os: 'harmonyos', mobile: true }), shipped);
    expect(rec.note).toBe('鸿蒙手机请先确认能安装安卓应用；不能安装时请使用电脑客户端。');
    expect(shipped.some((c) => c.platform === 'web')).toBe(false);
  });
});

describe('presentation', () => {
  test.each([
    [formatSize(186_413_056), '177.8 MB'],
    [formatSize(2_500_000_000), '2.33 GB'],
    [formatSize(2048), '2 KB'],
    [fileNameOf('https://download.example.com/a/QidianSetup-5.6.2-x64.exe'), 'QidianSetup-5.6.2-x64.exe'],
    [fileNameOf('https://download.example.com/Qidian%20Setup%205.6.2.dmg'), 'Qidian Setup 5.6.2.dmg'],
    [checksumCommand('windows', 'a.exe').command, "Get-FileHash -LiteralPath (Join-Path $env:USERPROFILE 'Downloads\\a.exe') -Algorithm SHA256"],
    [checksumCommand('macos', 'a.dmg').command, "shasum -a 256 ~/Downloads/'a.dmg'"],
    [checksumCommand('linux', 'a.deb').command, "sha256sum ~/Downloads/'a.deb'"],
    // Names with spaces, quotes, $ and brackets are typed as they are, in every shell.
    [checksumCommand('macos', 'Qidian Setup 5.6.2.dmg').command, "shasum -a 256 ~/Downloads/'Qidian Setup 5.6.2.dmg'"],
    [checksumCommand('linux', "Qidian's $HOME `x`.deb").command, "sha256sum ~/Downloads/'Qidian'\\''s $HOME `x`.deb'"],
    [checksumCommand('windows', "Qidian's $env:PATH [x].exe").command, "Get-FileHash -LiteralPath (Join-Path $env:USERPROFILE 'Downloads\\Qidian''s $env:PATH [x].exe') -Algorithm SHA256"],
    [checksumCommand('windows', 'Qidian’s.exe').command, "Get-FileHash -LiteralPath (Join-Path $env:USERPROFILE 'Downloads\\Qidian’’s.exe') -Algorithm SHA256"],
    [checksumCommand('windows', 'a.exe').place, '在 PowerShell 中'],
    [checksumCommand('macos', 'a.dmg').place, '在终端中'],
    [actionLabel({ download: { kind: 'store', store: 'app-store', url: 'https://x' } }), '去 App Store 下载'],
    [actionLabel({ download: { kind: 'store', store: 'yingyongbao', url: 'https://x' } }), '去应用宝下载'],
    [actionLabel(shipped.find((c) => c.id === 'windows-x64')!), '下载'],
    // The large button: its card's title already names the product.
    [recommendedActionLabel(shipped.find((c) => c.id === 'windows-x64')!), '下载 Windows 版'],
    [recommendedActionLabel(shipped.find((c) => c.id === 'android-apk')!), '下载安卓版'],
    // One name for the Mac build: the card says 企点客服 Mac 版, so the button says Mac too.
    [recommendedActionLabel(shipped.find((c) => c.id === 'macos')!), '下载 Mac 版'],
    [recommendedActionLabel(shipped.find((c) => c.id === 'iphone')!), '去 App Store 下载'],
    [joinWords('在', 'PowerShell', '中运行'), '在 PowerShell 中运行'],
    [joinWords('版本', '5.6.2'), '版本 5.6.2'],
    [joinWords('安卓', '版'), '安卓版'],
    // The download page's description names the platforms there are clients for.
    [platformList([{ platform: 'android' }, { platform: 'windows' }, { platform: 'windows' }, { platform: 'linux' }]), 'Windows、Linux 和安卓'],
    [platformList([{ platform: 'android' }, { platform: 'web' }, { platform: 'ios' }]), 'iPhone / iPad、安卓和网页版'],
    [platformList([{ platform: 'macos' }, { platform: 'linux' }]), 'Mac 和 Linux'],
    [platformList([{ platform: 'macos' }]), 'Mac'],
    [platformList([]), ''],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('the device and the build, as customers name them', () => {
  const macChrome = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const mac = (architecture: string) => detectPlatform({ userAgent: macChrome, hints: { platform: 'macOS', platformVersion: '14.4.0', architecture, bitness: '64', mobile: false } });
  test.each([
    // A Mac has an Apple or an Intel chip; "64 位（x64）" is Windows talk.
    ['an Intel Mac in Chrome', deviceLabel(mac('x86')), 'Mac · Intel 芯片 · Chrome 131'],
    ['an Apple-chip Mac in Chrome', deviceLabel(mac('arm')), 'Mac · Apple 芯片 · Chrome 131'],
    ['a Mac in Safari (no hints: the chip is not known)', deviceLabel(detectPlatform({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15' })), 'Mac · Safari 17'],
    [
      'Windows 11 on x64',
      deviceLabel(detectPlatform({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', hints: { platform: 'Windows', platformVersion: '15.0.0', architecture: 'x86', bitness: '64' } })),
      'Windows 11 · 64 位（x64） · Chrome 131',
    ],
    // Browser names as Chinese sites write them, not the parser's "Mobile Safari".
    ['Safari on an iPhone', deviceLabel(detectPlatform({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1' })), 'iPhone / iPad · Safari 17'],
    ['Chrome on an iPhone', deviceLabel(detectPlatform({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1' })), 'iPhone / iPad · Chrome 120'],
    ['the Mac build', buildArchitectures(shipped.find((c) => c.id === 'macos')!.architectures), 'Apple 芯片和 Intel 通用'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('no browser on the UA table is called by the parser’s "Mobile …" name', async () => {
    const { userAgentCases } = await import('../fixtures/user-agents.ts');
    for (const { userAgent } of userAgentCases) expect(detectPlatform({ userAgent }).browserLabel, userAgent).not.toMatch(/^Mobile |WebView/);
  });
});

describe('leaving an app’s browser', () => {
  test.each([
    // The menu item as WeChat shows it, which differs by system.
    ['wechat', 'android', { menu: '右上角的「···」', item: '在浏览器打开', exact: true, browser: '浏览器' }],
    ['wechat', 'ios', { menu: '右上角的「···」', item: '在Safari中打开', exact: true, browser: 'Safari' }],
    ['weibo', 'android', { menu: '右上角的「···」或分享按钮', item: '在浏览器中打开', exact: false, browser: '浏览器' }],
    ['qq', 'ios', { menu: '右上角的「···」或分享按钮', item: '在 Safari 中打开', exact: false, browser: 'Safari' }],
  ] as const)('%s on %s', (app, os, steps) => {
    expect(openInBrowserSteps(app, os)).toEqual(steps);
  });
});

describe('the checksum command in a real shell', () => {
  // What the visitor pastes into 终端, run by sh and bash with a home directory holding the file.
  test.each(['Qidian Setup 5.6.2.dmg', "Qidian's $HOME `id` (1).deb", 'a;b|c&d*.apk', '企点 客服.dmg'])('%s', (name) => {
    const home = mkdtempSync(join(tmpdir(), 'wenda-checksum-'));
    try {
      mkdirSync(join(home, 'Downloads'));
      writeFileSync(join(home, 'Downloads', name), `contents of ${name}`);
      const sha256 = createHash('sha256').update(`contents of ${name}`).digest('hex');
      for (const os of ['macos', 'linux'] as const) {
        for (const shell of ['sh', 'bash']) {
          const output = execFileSync(shell, ['-c', checksumCommand(os, name).command], { env: { ...process.env, HOME: home }, encoding: 'utf8' });
          expect(output, `${os} in ${shell}`).toBe(`${sha256}  ${join(home, 'Downloads', name)}\n`);
        }
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('detectPlatform with client hints', () => {
  const chromeOnWindows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  test.each([
    { name: 'Windows 11 x64', hints: { platform: 'Windows', platformVersion: '15.0.0', architecture: 'x86', bitness: '64' }, os: 'windows', osVersion: '11', arch: 'x64' },
    { name: 'Windows 10', hints: { platform: 'Windows', platformVersion: '10.0.0', architecture: 'x86', bitness: '64' }, os: 'windows', osVersion: '10', arch: 'x64' },
    { name: 'Windows on Arm (the UA says x64)', hints: { platform: 'Windows', platformVersion: '15.0.0', architecture: 'arm', bitness: '64' }, os: 'windows', osVersion: '11', arch: 'arm64' },
    { name: '32-bit Windows', hints: { platform: 'Windows', platformVersion: '10.0.0', architecture: 'x86', bitness: '32' }, os: 'windows', osVersion: '10', arch: 'x86' },
    { name: 'no hints (Firefox, Safari)', hints: undefined, os: 'windows', osVersion: '10', arch: 'x64' },
  ])('$name', ({ hints, os, osVersion, arch }) => {
    expect(detectPlatform({ userAgent: chromeOnWindows, hints })).toMatchObject({ os, osVersion, arch });
  });

  test('an iPad asking for the desktop site is told from a Mac by its touch screen', () => {
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
    expect(detectPlatform({ userAgent: ua, maxTouchPoints: 5 })).toMatchObject({ os: 'ios', mobile: true });
    expect(detectPlatform({ userAgent: ua, maxTouchPoints: 0 })).toMatchObject({ os: 'macos', mobile: false, arch: 'unknown' });
  });
});
