// Can this browser reach each of the chat service's hosts? A quick failure means
// something blocks it on the way: on this device (an extension, IE's restricted-sites
// zone, a policy, security software, an ad-blocking app) or in the network (a company
// DNS that does not resolve the host, a rule that refuses it). The browser sees the same
// error for all of them, so the finding names both. A time-out means the network drops
// the connection silently (firewall, proxy).
import { hostCheckId, hostCheckTitle } from '../check-titles.ts';
import type { ChatHost, CheckResult } from '../types.ts';

/** Fetches a URL; rejects on a network error, and on `signal` abort. */
export type Probe = (url: string, signal: AbortSignal) => Promise<unknown>;

export interface ReachabilityOptions {
  probe: Probe;
  timeoutMs: number;
  now?: () => number;
}

/**
 * What a quick failure may be: the browser cannot tell the device's blocking from the
 * network's. Worded for phones too (no extensions there); a computer's guide names them.
 */
export const REFUSED_FINDING =
  '连接立即被拒绝：可能是广告拦截、安全软件或浏览器设置拦下了，也可能是所在网络（例如公司网络）的 DNS 或访问规则不允许访问；浏览器无法分辨是哪一种。';

export type Reachability = 'reachable' | 'refused' | 'timeout';

export async function probeHost(url: string, { probe, timeoutMs, now = () => performance.now() }: ReachabilityOptions): Promise<{ outcome: Reachability; ms: number }> {
  const controller = new AbortController();
  const started = now();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await probe(url, controller.signal);
    return { outcome: 'reachable', ms: Math.round(now() - started) };
  } catch {
    return { outcome: controller.signal.aborted ? 'timeout' : 'refused', ms: Math.round(now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHost(host: ChatHost, index: number, options: ReachabilityOptions): Promise<CheckResult> {
  const base = { id: hostCheckId(index), title: hostCheckTitle(host) };
  const { outcome, ms } = await probeHost(host.url, options);
  switch (outcome) {
    case 'reachable':
      return { ...base, status: 'pass', finding: `可以连接，用时 ${ms} 毫秒。` };
    case 'refused':
      // Worded for computers and phones alike: what does the blocking differs (extensions,
      // 受限站点 and policies on a computer; ad-blocking apps and filters on a phone), and the guide names it.
      return { ...base, status: 'fail', finding: REFUSED_FINDING, fix: 'unblock-host' };
    case 'timeout':
      return { ...base, status: 'fail', finding: `${Math.round(options.timeoutMs / 1000)} 秒内没有响应：可能被防火墙或代理服务器拦截。`, fix: 'network-firewall' };
  }
}
