// How to leave an app's built-in browser for a real one: where the app's menu is and
// what its item is called there. WeChat names it differently on Android and on iOS; for
// the other apps only the usual wording is known, so the steps say "or the like".
import type { InAppBrowser, OperatingSystem } from './detect-platform.ts';

export interface OpenInBrowserSteps {
  /** Where the menu opens: 右上角的「···」. */
  menu: string;
  /** The menu item, as the app shows it: 在浏览器打开. */
  item: string;
  /** False when the app's own wording is not known: the item is the usual one. */
  exact: boolean;
  /** The browser it opens: Safari on iOS. */
  browser: string;
}

/** What the app's menu offers, on this system. */
export function openInBrowserSteps(app: InAppBrowser, os: OperatingSystem): OpenInBrowserSteps {
  const ios = os === 'ios';
  if (app === 'wechat') {
    // As WeChat writes them (no spaces around Safari): the visitor looks for these words.
    return ios
      ? { menu: '右上角的「···」', item: '在Safari中打开', exact: true, browser: 'Safari' }
      : { menu: '右上角的「···」', item: '在浏览器打开', exact: true, browser: '浏览器' };
  }
  return { menu: '右上角的「···」或分享按钮', item: ios ? '在 Safari 中打开' : '在浏览器中打开', exact: false, browser: ios ? 'Safari' : '浏览器' };
}
