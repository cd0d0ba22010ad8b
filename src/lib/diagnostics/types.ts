// The shape every diagnostics check shares: an id, a status, one line of finding in
// Chinese, and which fix guide applies when it is not fine.

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

/** Which fix guide a failing check points to (see fix-guides.ts). */
export type FixTopic =
  | 'extreme-mode'
  | 'ie-restricted-sites'
  | 'open-in-browser'
  | 'update-browser'
  | 'enable-cookies'
  | 'enable-storage'
  | 'allow-popups'
  | 'unblock-host'
  | 'network-firewall'
  | 'websocket-proxy'
  | 'third-party-cookies'
  | 'sync-clock';

export interface CheckResult {
  /** Stable id, e.g. `cookies`, `host-1`. */
  id: string;
  /** What was checked, e.g. 浏览器 Cookie. */
  title: string;
  status: CheckStatus;
  /** One line saying what was found. */
  finding: string;
  /** The guide that fixes it, when status is warn or fail. */
  fix?: FixTopic | undefined;
}

/** A configured host the chat widget needs, as the site config lists it. */
export interface ChatHost {
  label: string;
  url: string;
}
