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
  const lasting = usable(local);
  const forTheVisit = usable(session);
  if (lasting && forTheVisit) return { ...base, status: 'pass', finding: '网页可以在浏览器中保存数据。' };
  // Which one fails is said in plain words; support reads the storage's name in brackets.
  const what = !lasting && !forTheVisit ? '保存数据（localStorage 和 sessionStorage）' : !lasting ? '长期保存数据（localStorage）' : '临时保存数据（sessionStorage）';
  return { ...base, status: 'fail', finding: `网页无法在浏览器中${what}：可能是无痕模式，或浏览器设置禁止了网站存储数据。`, fix: 'enable-storage' };
}
