// Is the page running in Internet Explorer, Edge's IE mode, or the compatibility (兼容)
// mode of a Chinese dual-engine browser? A dual-engine browser's 兼容模式 is switched to
// 极速模式. IE is only a warning: as the article says, the usual cause there is `*.qq.com`
// in 受限站点, so its guide starts with that and offers another browser only after.
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

export interface BrowserModeInput {
  userAgent: string;
  /** `document.documentMode`: set only by IE's Trident engine. */
  documentMode?: number | undefined;
}

/** Dual-engine browsers whose compatibility mode runs the IE engine, with their names. */
const DUAL_ENGINE: [RegExp, string][] = [
  [/360SE|360EE|QIHU 360/i, '360 浏览器'],
  [/QQBrowser/i, 'QQ 浏览器'],
  [/MetaSr|SE 2\.X/i, '搜狗浏览器'],
  [/2345Explorer|2345chrome/i, '2345 浏览器'],
  [/LBBROWSER|LieBao/i, '猎豹浏览器'],
];

export function checkBrowserMode({ userAgent, documentMode }: BrowserModeInput): CheckResult {
  const base = { id: 'browser-mode', title: CHECK_TITLES['browser-mode'] };
  const trident = /Trident\/|MSIE /.test(userAgent) || documentMode !== undefined;
  if (!trident) return { ...base, status: 'pass', finding: '正在使用现代浏览器内核，可以正常打开会话窗口。' };
  const dual = DUAL_ENGINE.find(([pattern]) => pattern.test(userAgent));
  if (dual) {
    return { ...base, status: 'fail', finding: `${dual[1]}正处于兼容模式（IE 内核），会话窗口可能打不开。`, fix: 'extreme-mode' };
  }
  const version = /MSIE (\d+)/.exec(userAgent)?.[1] ?? (/rv:(\d+)/.exec(userAgent)?.[1] || '11');
  return {
    ...base,
    status: 'warn',
    finding: `正在使用 Internet Explorer ${version}（或 Edge 的 IE 模式）：请先检查受限站点设置（见下方步骤）。`,
    fix: 'ie-restricted-sites',
  };
}
