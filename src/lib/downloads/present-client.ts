// How a client is described to visitors: sizes, dates, file names, platform names, and
// the command that checks a download's SHA-256 on the visitor's own system.
import { chinaDate } from '../china-time.ts';
import type { DetectedPlatform, OperatingSystem } from '../platform/detect-platform.ts';
import type { Client } from './client-schema.ts';
import { ARCHITECTURE_NAMES, PLATFORM_NAMES, PLATFORMS, STORE_NAMES, type Architecture, type Platform } from './platforms.ts';

export { PLATFORM_NAMES } from './platforms.ts';

/** 186413056 → "177.8 MB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "2026-10-28" in the site's time zone. */
export const formatDate = (date: Date | string) => chinaDate(date);

// Defined beside the schema that checks it decodes, which this module's Client type comes from
// (defining it here made the two modules import each other).
export { fileNameOf } from './file-name.ts';

/** The platforms some client is for, in the usual order: "Windows、macOS 和安卓". */
export function platformList(clients: readonly Pick<Client, 'platform'>[]): string {
  const names = PLATFORMS.filter((p) => clients.some((c) => c.platform === p)).map((p) => PLATFORM_NAMES[p]);
  if (names.length < 2) return names[0] ?? '';
  return joinWords(names.slice(0, -1).join('、'), '和', names.at(-1)!);
}

/** Joins words, with a space where Chinese meets Latin letters or digits: "在 PowerShell 中", "在终端中". */
export function joinWords(...parts: string[]): string {
  return parts.reduce((text, part) => {
    const meet = `${text.slice(-1)}${part.slice(0, 1)}`;
    return text + (/^[\p{Script=Han}][\w)]|^[\w)][\p{Script=Han}]/u.test(meet) ? ' ' : '') + part;
  }, '');
}

/** A listed client's button: 下载, 去 App Store 下载, 去应用宝下载. */
export function actionLabel(client: Pick<Client, 'download'>): string {
  if (client.download.kind !== 'store') return '下载';
  return joinWords('去', STORE_NAMES[client.download.store], '下载');
}

/** The recommended client's large button, its card titled with the product: 下载 Windows 版, 下载安卓版, 去 App Store 下载. */
export function recommendedActionLabel(client: Pick<Client, 'download' | 'platform'>): string {
  if (client.download.kind === 'store') return actionLabel(client);
  return joinWords('下载', PLATFORM_NAMES[client.platform], '版');
}

export interface ChecksumCommand {
  /** Where to type it, as a phrase: 在 PowerShell 中, 在终端中. */
  place: string;
  command: string;
}

/** Text as one sh/zsh word that nothing expands: 'it'\''s'. */
const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** Text as a PowerShell verbatim string; PowerShell reads typographic single quotes as quotes too. */
const powerShellQuoted = (text: string) => `'${text.replace(/['\u2018-\u201b]/g, '$&$&')}'`;

/**
 * The command that prints a file's SHA-256 on the given system, for the file in
 * Downloads. The name is quoted, so spaces, $ and [ ] in it are typed as they are.
 */
export function checksumCommand(os: OperatingSystem | Platform, fileName: string): ChecksumCommand {
  const at = (where: string, command: string) => ({ place: joinWords('在', where, '中'), command });
  switch (os) {
    case 'windows':
      return at('PowerShell', `Get-FileHash -LiteralPath (Join-Path $env:USERPROFILE ${powerShellQuoted(`Downloads\\${fileName}`)}) -Algorithm SHA256`);
    case 'macos':
      return at('终端', `shasum -a 256 ~/Downloads/${shellQuoted(fileName)}`);
    default:
      return at('终端', `sha256sum ~/Downloads/${shellQuoted(fileName)}`);
  }
}

const OS_NAMES: Record<OperatingSystem, string> = {
  windows: 'Windows',
  macos: 'Mac',
  linux: 'Linux',
  ios: 'iPhone / iPad',
  android: '安卓手机',
  harmonyos: '鸿蒙手机',
  chromeos: 'ChromeOS',
  unknown: '未知设备',
};

/** A computer's CPU as its owner knows it: a Mac has an Apple or an Intel chip, not "x64". */
function processorName(os: OperatingSystem, arch: DetectedPlatform['arch']): string {
  if (os === 'macos') return arch === 'arm64' ? 'Apple 芯片' : arch === 'x64' ? 'Intel 芯片' : '';
  return arch === 'unknown' ? '' : ARCHITECTURE_NAMES[arch];
}

/** The visitor's device, as the chooser names it: "Windows 11 · 64 位（x64） · Chrome 131", "Mac · Apple 芯片 · Safari 17". */
export function deviceLabel(p: Pick<DetectedPlatform, 'os' | 'osVersion' | 'arch' | 'mobile' | 'browserLabel'>): string {
  const os = p.os === 'windows' && p.osVersion ? `Windows ${p.osVersion}` : OS_NAMES[p.os];
  const processor = p.mobile ? '' : processorName(p.os, p.arch);
  return [os, processor, p.browserLabel].filter(Boolean).join(' · ');
}

/** What a build runs on: "64 位（x64）", "Apple 芯片和 Intel 通用". */
export const buildArchitectures = (architectures: readonly Architecture[]) => architectures.map((a) => ARCHITECTURE_NAMES[a]).join('、');
