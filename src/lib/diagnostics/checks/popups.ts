// Does the browser let the chat open in a pop-up window? Only testable from a click
// (browsers allow pop-ups that follow a user gesture), so the tool runs it on a button.
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

/** `window.open`, as the page has it. */
export type WindowOpener = (url: string, target: string, features: string) => Pick<Window, 'close' | 'closed'> | null;

export function checkPopups(open: WindowOpener): CheckResult {
  const base = { id: 'popups', title: CHECK_TITLES.popups };
  let popup: Pick<Window, 'close' | 'closed'> | null = null;
  try {
    popup = open('about:blank', 'wenda_popup_test', 'width=120,height=120,left=0,top=0');
  } catch {
    popup = null;
  }
  if (!popup || popup.closed) {
    return { ...base, status: 'fail', finding: '浏览器拦截了弹出窗口，点击接待组件时会话窗口打不开。', fix: 'allow-popups' };
  }
  popup.close();
  return { ...base, status: 'pass', finding: '允许弹出窗口，会话窗口可以正常打开。' };
}

/** The result before the visitor has clicked the test button. */
export const popupsNotTested = (): CheckResult => ({
  id: 'popups',
  title: CHECK_TITLES.popups,
  status: 'unknown',
  finding: '需要点击「测试弹出窗口」按钮才能检测。',
});
