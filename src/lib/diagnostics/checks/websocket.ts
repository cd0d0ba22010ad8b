// Can the browser hold a WebSocket? Chat sessions run over one, and corporate proxies
// often cut them while ordinary HTTPS still works: telling the two apart names the fix.
import { CHECK_TITLES } from '../check-titles.ts';
import type { CheckResult } from '../types.ts';

export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface WebSocketCheckOptions {
  /** ws(s) URL of an echo endpoint. */
  url: string;
  connect: (url: string) => WebSocketLike;
  /** Whether plain HTTPS to the same server works (from the API or a host check). */
  httpsWorks: boolean;
  timeoutMs: number;
}

/** Opens the socket, sends a message and waits for it to come back. */
export function echoes({ url, connect, timeoutMs }: Omit<WebSocketCheckOptions, 'httpsWorks'>): Promise<boolean> {
  return new Promise((resolve) => {
    let socket: WebSocketLike;
    const token = `wenda-${Math.random().toString(36).slice(2)}`;
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      try {
        socket.close();
      } catch {
        /* already closed */
      }
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    try {
      socket = connect(url);
    } catch {
      finish(false);
      return;
    }
    socket.onopen = () => socket.send(token);
    socket.onmessage = (event) => finish(event.data === token);
    socket.onerror = () => finish(false);
    socket.onclose = () => finish(false);
  });
}

export async function checkWebSocket(options: WebSocketCheckOptions): Promise<CheckResult> {
  const base = { id: 'websocket', title: CHECK_TITLES.websocket };
  if (await echoes(options)) return { ...base, status: 'pass', finding: '消息可以实时收发。' };
  if (options.httpsWorks) {
    return { ...base, status: 'fail', finding: '普通网页可以打开，但实时消息连接（WebSocket）被拦截：多半是所在网络的代理或防火墙不允许这类连接。', fix: 'websocket-proxy' };
  }
  return { ...base, status: 'fail', finding: '实时消息连接和普通连接都失败：网络无法访问服务器。', fix: 'network-firewall' };
}
