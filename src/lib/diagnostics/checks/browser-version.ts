// Is the browser recent enough for the chat widget? Old Chrome cores are common in
// Chinese browsers and in-app browsers; too old a core breaks the session page. The
// engine and its version come from detectPlatform.
import type { BrowserEngine, DetectedPlatform } from '../../platform/detect-platform.ts';
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

/** Oldest engine versions the chat widget supports. */
export const MINIMUM_ENGINES = { chromium: 80, gecko: 78, webkit: 13 } satisfies Partial<Record<BrowserEngine, number>>;

const ENGINE_NAMES: Record<keyof typeof MINIMUM_ENGINES, string> = { chromium: 'Chromium 内核', gecko: 'Firefox', webkit: 'Safari' };

export function checkBrowserVersion({ engine, engineVersion }: Pick<DetectedPlatform, 'engine' | 'engineVersion'>): CheckResult {
  const base = { id: 'browser-version', title: CHECK_TITLES['browser-version'] };
  if (engine === 'trident') return { ...base, status: 'unknown', finding: '见「浏览器内核」一项。' };
  if (engine === 'unknown' || engineVersion === undefined) return { ...base, status: 'unknown', finding: '无法判断浏览器版本。' };
  const name = ENGINE_NAMES[engine];
  const minimum = MINIMUM_ENGINES[engine];
  if (engineVersion < minimum) {
    return { ...base, status: 'warn', finding: `${name} ${engineVersion} 版本过旧（需要 ${minimum} 及以上），部分功能可能无法使用。`, fix: 'update-browser' };
  }
  return { ...base, status: 'pass', finding: `${name} ${engineVersion}，版本满足要求。` };
}
