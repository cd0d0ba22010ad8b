// Is the page open inside an app (WeChat, QQ, Weibo…)? Their built-in browsers often
// block pop-ups and outside chat pages.
import { IN_APP_LABELS, type DetectedPlatform } from '../../platform/detect-platform.ts';
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

export function checkInAppBrowser({ inApp }: Pick<DetectedPlatform, 'inApp'>): CheckResult {
  const base = { id: 'in-app', title: CHECK_TITLES['in-app'] };
  if (!inApp) return { ...base, status: 'pass', finding: '不在应用内置浏览器中。' };
  return {
    ...base,
    status: 'warn',
    finding: `正在${IN_APP_LABELS[inApp]}内置浏览器中打开，它可能拦截会话窗口。`,
    fix: 'open-in-browser',
  };
}
