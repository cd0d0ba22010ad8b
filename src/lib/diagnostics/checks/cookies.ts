// Are cookies enabled? The chat session keeps its identity in a cookie.
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

export interface CookieJar {
  cookieEnabled: boolean;
  /** Reads and writes `document.cookie`. */
  get(): string;
  set(value: string): void;
}

export function checkCookies(jar: CookieJar): CheckResult {
  const base = { id: 'cookies', title: CHECK_TITLES.cookies };
  const name = `wenda_diag_${Math.random().toString(36).slice(2, 8)}`;
  let works = false;
  try {
    jar.set(`${name}=1; path=/; SameSite=Lax`);
    works = jar.get().includes(`${name}=1`);
    jar.set(`${name}=; path=/; max-age=0`);
  } catch {
    works = false;
  }
  if (jar.cookieEnabled && works) return { ...base, status: 'pass', finding: 'Cookie 已启用。' };
  return { ...base, status: 'fail', finding: 'Cookie 被禁用，会话无法保持登录状态。', fix: 'enable-cookies' };
}
