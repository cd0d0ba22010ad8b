// The real browser behind the diagnostics: the page's cookies, storages, fetch,
// WebSocket and the support API's clock.
import { apiUrl, WEBSOCKET_ECHO_PATH } from '../../lib/api-paths.ts';
import type { CookieJar } from '../../lib/diagnostics/checks/cookies.ts';
import type { Probe } from '../../lib/diagnostics/checks/host-reachability.ts';
import type { WebSocketLike } from '../../lib/diagnostics/checks/websocket.ts';
import { detectPlatform } from '../../lib/platform/detect-platform.ts';
import type { DiagnosticsEnvironment } from '../../lib/diagnostics/run-diagnostics.ts';
import { askStorageProbe } from './storage-probe.ts';

/** The page's own cookie jar. */
export const documentCookieJar = (): CookieJar => ({
  cookieEnabled: navigator.cookieEnabled,
  get: () => document.cookie,
  set: (value) => {
    document.cookie = value;
  },
});

/** The browser's probe: a no-cors GET, which succeeds on any HTTP answer. */
export const fetchProbe: Probe = (url, signal) => fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal });

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
