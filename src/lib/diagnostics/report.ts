// The diagnostics results as a customer hands them to support: plain text to copy,
// and the body of POST /api/v1/diagnostics/reports. Browser facts only, nothing personal.
import { chinaDateTime } from '../china-time.ts';
import { clip } from '../text.ts';
import type { DetectedPlatform } from '../platform/detect-platform.ts';
import { FIX_GUIDES } from './fix-guides-data.ts';
import { summarize } from './run-diagnostics.ts';
import type { CheckResult, CheckStatus } from './types.ts';

export const STATUS_LABELS: Record<CheckStatus, string> = { pass: '正常', warn: '注意', fail: '异常', unknown: '未知' };

const OS_NAMES: Record<DetectedPlatform['os'], string> = {
  windows: 'Windows',
  macos: 'macOS',
  linux: 'Linux',
  ios: 'iOS',
  android: 'Android',
  harmonyos: 'HarmonyOS',
  chromeos: 'ChromeOS',
  unknown: '未知系统',
};

export function osLabel(p: DetectedPlatform): string {
  return `${OS_NAMES[p.os]}${p.osVersion ? ` ${p.osVersion}` : ''}`;
}

export function summaryLine(results: readonly CheckResult[]): string {
  const { allClear, firstCard, count } = summarize(results);
  return allClear ? '全部检测项正常。' : `发现 ${count} 个问题，优先处理：${firstCard!.title}。`;
}

/** Plain text for pasting into a chat or an email to support. */
export function reportText(results: readonly CheckResult[], platform: DetectedPlatform, userAgent: string, at: Date): string {
  const lines = [
    '【浏览器检测报告】',
    `时间：${chinaDateTime(at)}`,
    `浏览器：${platform.browserLabel}`,
    `系统：${osLabel(platform)}`,
    `结论：${summaryLine(results)}`,
    '',
    ...results.map((r) => `[${STATUS_LABELS[r.status]}] ${r.title}：${r.finding}${r.fix ? `（处理：${FIX_GUIDES[r.fix].title}）` : ''}`),
    '',
    `UA：${userAgent}`,
  ];
  return lines.join('\n');
}

/** The body of POST /api/v1/diagnostics/reports. */
export function reportForSupport(results: readonly CheckResult[], platform: DetectedPlatform, userAgent: string, page: string) {
  return {
    summary: summaryLine(results),
    browser: { name: platform.browserLabel, os: osLabel(platform), engine: platform.browser },
    userAgent: clip(userAgent, 500),
    page: clip(page, 200),
    checks: results.map((r) => ({
      id: r.id,
      title: clip(r.title, 80),
      status: r.status,
      finding: clip(r.finding, 300),
      ...(r.fix ? { fix: FIX_GUIDES[r.fix].title } : {}),
    })),
  };
}
