// Can the page keep data in localStorage and sessionStorage? The widget keeps its
// conversation state there; private modes and policies can switch them off.
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

/** Returns the storage, or throws as browsers do when storage is blocked. */
export type StorageGetter = () => Pick<Storage, 'setItem' | 'getItem' | 'removeItem'>;

function usable(get: StorageGetter): boolean {
  try {
    const storage = get();
    const key = '__wenda_diag__';
    storage.setItem(key, '1');
    const ok = storage.getItem(key) === '1';
    storage.removeItem(key);
    return ok;
  } catch {
    return false;
  }
}

export function checkWebStorage(local: StorageGetter, session: StorageGetter): CheckResult {
  const base = { id: 'storage', title: CHECK_TITLES.storage };
  const missing = [usable(local) ? '' : 'localStorage', usable(session) ? '' : 'sessionStorage'].filter(Boolean);
  if (!missing.length) return { ...base, status: 'pass', finding: 'localStorage 和 sessionStorage 都可以使用。' };
  return { ...base, status: 'fail', finding: `${missing.join('、')} 无法使用（可能是无痕模式或浏览器设置禁止了网站存储数据）。`, fix: 'enable-storage' };
}
