// Is the page running in Internet Explorer's engine: IE itself, Edge's IE mode, or the
// compatibility (兼容) mode of a Chinese dual-engine browser? A dual-engine browser's
// 兼容模式 is switched to 极速模式. IE is only a warning: as the article says, the usual
// cause there is `*.qq.com` in 受限站点, so its guide starts with that and offers another
// browser only after. Which browser and engine it is comes from detectPlatform, the same
// result the tool's device line shows.
import { isDualEngine, type DetectedPlatform } from '../../platform/detect-platform.ts';
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

export function checkBrowserMode(platform: Pick<DetectedPlatform, 'browser' | 'browserLabel' | 'engine'>): CheckResult {
  const base = { id: 'browser-mode', title: CHECK_TITLES['browser-mode'] };
  if (platform.engine !== 'trident') return { ...base, status: 'pass', finding: '正在使用现代浏览器内核，可以正常打开会话窗口。' };
  if (isDualEngine(platform.browser)) {
    return { ...base, status: 'fail', finding: `${platform.browserLabel}正处于兼容模式（IE 内核），会话窗口可能打不开。`, fix: 'extreme-mode' };
  }
  const browser = platform.browser === 'ie' ? platform.browserLabel : 'IE 内核';
  return {
    ...base,
    status: 'warn',
    finding: `正在使用 ${browser}（或 Edge 的 IE 模式）：请先检查受限站点设置（见下方步骤）。`,
    fix: 'ie-restricted-sites',
  };
}
