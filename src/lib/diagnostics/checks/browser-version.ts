// Is the browser recent enough for the chat widget? Old Chrome cores are common in
// Chinese browsers and in-app browsers; too old a core breaks the session page.
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

export interface BrowserVersionInput {
  userAgent: string;
}

/** Oldest engine versions the chat widget supports. */
export const MINIMUM_ENGINES = { chrome: 80, firefox: 78, safari: 13 };

export function checkBrowserVersion({ userAgent }: BrowserVersionInput): CheckResult {
  const base = { id: 'browser-version', title: CHECK_TITLES['browser-version'] };
  if (/Trident\/|MSIE /.test(userAgent)) return { ...base, status: 'unknown', finding: '见「浏览器内核」一项。' };
  const chrome = /(?:Chrome|CriOS)\/(\d+)/.exec(userAgent)?.[1];
  const firefox = /(?:Firefox|FxiOS)\/(\d+)/.exec(userAgent)?.[1];
  const safari = !chrome && /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//.exec(userAgent)?.[1];
  const engine = chrome ? ['Chromium 内核', Number(chrome), MINIMUM_ENGINES.chrome] : firefox ? ['Firefox', Number(firefox), MINIMUM_ENGINES.firefox] : safari ? ['Safari', Number(safari), MINIMUM_ENGINES.safari] : undefined;
  if (!engine) return { ...base, status: 'unknown', finding: '无法判断浏览器版本。' };
  const [name, version, minimum] = engine as [string, number, number];
  if (version < minimum) {
    return { ...base, status: 'warn', finding: `${name} ${version} 版本过旧（需要 ${minimum} 及以上），部分功能可能无法使用。`, fix: 'update-browser' };
  }
  return { ...base, status: 'pass', finding: `${name} ${version}，版本满足要求。` };
}
