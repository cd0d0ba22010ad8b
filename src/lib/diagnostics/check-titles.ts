// What each check is called, by its id, in words a customer knows (the technical term,
// where support needs it, is in the finding): the tool shows these titles, and the
// operator page names the checks of reports that were sent before reports kept titles.
import type { ChatHost } from './types.ts';

export const CHECK_TITLES = {
  'browser-mode': '浏览器内核',
  'in-app': '应用内浏览器',
  'browser-version': '浏览器版本',
  cookies: '浏览器 Cookie',
  storage: '浏览器存储',
  popups: '弹出窗口',
  websocket: '实时消息连接',
  'third-party-storage': '第三方 Cookie',
  clock: '系统时间',
} as const;

/** The id of the check of the `index`th configured chat host (0-based): host-1, host-2 … */
export const hostCheckId = (index: number) => `host-${index + 1}`;

const hostName = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** 连接接待组件（wpa.b.qq.com） */
export const hostCheckTitle = (host: ChatHost) => `连接${host.label}（${hostName(host.url)}）`;
