// Can a chat frame from another site keep its cookies and storage here? Browsers that
// block third-party storage break embedded chat windows. Needs a probe page on another
// origin (site config `diagnostics.storageProbeOrigin`); without one the check is not run.
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

/** What the probe page reports through postMessage. */
export interface StorageProbeReport {
  cookies: boolean;
  localStorage: boolean;
}

export function checkThirdPartyStorage(report: StorageProbeReport | 'no-answer'): CheckResult {
  const base = { id: 'third-party-storage', title: CHECK_TITLES['third-party-storage'] };
  if (report === 'no-answer') return { ...base, status: 'unknown', finding: '检测没有完成，无法判断。' };
  if (report.cookies && report.localStorage) return { ...base, status: 'pass', finding: '嵌入的会话窗口可以保存数据。' };
  return { ...base, status: 'warn', finding: '浏览器阻止了第三方 Cookie 或存储，嵌入的会话窗口可能无法保持会话。', fix: 'third-party-cookies' };
}
