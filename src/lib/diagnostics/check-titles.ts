// What each check is called, by its id: the tool shows these titles and sends them in a
// report; the operator page falls back to them for reports sent before titles were kept.
import type { ChatHost } from './types.ts';

export const CHECK_TITLES = {
  'browser-mode': '浏览器内核',
  'in-app': '应用内浏览器',
  'browser-version': '浏览器版本',
  cookies: '浏览器 Cookie',
  storage: '本地存储',
  popups: '弹出窗口',
  websocket: 'WebSocket 连接',
  'third-party-storage': '嵌入页面的 Cookie 和存储',
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
