// Is this device's clock right? Secure connections and session tokens fail when the
// clock is far off; the support API's Date header is the reference.
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

export const MAX_SKEW_MS = 5 * 60 * 1000;

/** `serverDate`: the API's Date header; `localNow`: Date.now() when it arrived. */
export function checkClockSkew(serverDate: string | null | undefined, localNow: number): CheckResult {
  const base = { id: 'clock', title: CHECK_TITLES.clock };
  const server = serverDate ? Date.parse(serverDate) : Number.NaN;
  if (Number.isNaN(server)) return { ...base, status: 'unknown', finding: '无法取得服务器时间。' };
  const skew = localNow - server;
  const minutes = Math.round(Math.abs(skew) / 60_000);
  if (Math.abs(skew) <= MAX_SKEW_MS) return { ...base, status: 'pass', finding: '系统时间准确。' };
  return {
    ...base,
    status: 'warn',
    finding: `本机时间比标准时间${skew > 0 ? '快' : '慢'}了约 ${minutes} 分钟，可能导致连接失败。`,
    fix: 'sync-clock',
  };
}
