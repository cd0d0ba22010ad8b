// The real browser behind the diagnostics: the page's cookies, storages, fetch,
// WebSocket and the support API's clock.
import { apiUrl, WEBSOCKET_ECHO_PATH } from '../../lib/api-paths.ts';
import { documentCookieJar } from '../../lib/diagnostics/checks/cookies.ts';
import { fetchProbe } from '../../lib/diagnostics/checks/host-reachability.ts';
import type { WebSocketLike } from '../../lib/diagnostics/checks/websocket.ts';
import { detectPlatform } from '../../lib/platform/detect-platform.ts';
import type { DiagnosticsEnvironment } from '../../lib/diagnostics/run-diagnostics.ts';
import { askStorageProbe } from './storage-probe.ts';

export interface BrowserEnvironmentOptions {
  /** Support API origin; empty for the site's own. */
  apiBaseUrl: string;
  storageProbeOrigin: string;
}

export function browserEnvironment({ apiBaseUrl, storageProbeOrigin }: BrowserEnvironmentOptions): DiagnosticsEnvironment {
  return {
    platform: detectPlatform({
      userAgent: navigator.userAgent,
      maxTouchPoints: navigator.maxTouchPoints,
      documentMode: (document as Document & { documentMode?: number }).documentMode,
    }),
    cookies: documentCookieJar(),
    localStorage: () => window.localStorage,
    sessionStorage: () => window.sessionStorage,
    probe: fetchProbe,
    // The DOM's handlers take specific event types; the check reads only `data`.
    connectWebSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    serverDate: async () => (await fetch(apiUrl(apiBaseUrl, '/health'), { cache: 'no-store' })).headers.get('Date'),
    now: () => Date.now(),
    thirdPartyStorage: () => askStorageProbe(storageProbeOrigin),
  };
}

/** The support API's WebSocket echo, next to wherever the API lives. */
export function defaultEchoUrl(apiBaseUrl: string): string {
  const base = new URL(apiBaseUrl || location.origin);
  return `${base.protocol === 'https:' ? 'wss:' : 'ws:'}//${base.host}${WEBSOCKET_ECHO_PATH}`;
}
