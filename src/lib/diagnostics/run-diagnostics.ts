// Runs the checks that need no click, in a sensible order, reporting each result as it
// arrives; and says what to fix first.
import { checkBrowserMode } from './checks/browser-mode.ts';
import { checkBrowserVersion } from './checks/browser-version.ts';
import { checkClockSkew } from './checks/clock-skew.ts';
import { checkCookies, type CookieJar } from './checks/cookies.ts';
import { checkHost, type Probe } from './checks/host-reachability.ts';
import { checkInAppBrowser } from './checks/in-app-browser.ts';
import { popupsNotTested } from './checks/popups.ts';
import { checkThirdPartyStorage, type StorageProbeReport } from './checks/third-party-storage.ts';
import { checkWebSocket, type WebSocketLike } from './checks/websocket.ts';
import { checkWebStorage, type StorageGetter } from './checks/web-storage.ts';
import { resultCards, type ResultCard } from './result-cards.ts';
import type { ChatHost, CheckResult } from './types.ts';
import type { DetectedPlatform } from '../platform/detect-platform.ts';

/** Everything the checks touch in the browser, injected so each can be tested alone. */
export interface DiagnosticsEnvironment {
  /** The browser as detectPlatform sees it: the checks and the tool's device line read this one result. */
  platform: DetectedPlatform;
  cookies: CookieJar;
  localStorage: StorageGetter;
  sessionStorage: StorageGetter;
  probe: Probe;
  connectWebSocket: (url: string) => WebSocketLike;
  /** The support API's Date header (a request to /api/v1/health); rejects when unreachable. */
  serverDate: () => Promise<string | null>;
  now: () => number;
  /** Asks the storage probe on another origin; called only when one is configured. */
  thirdPartyStorage: () => Promise<StorageProbeReport | 'no-answer'>;
}

export interface DiagnosticsSettings {
  chatHosts: readonly ChatHost[];
  /** ws(s) URL of an echo endpoint. */
  webSocketUrl: string;
  hostTimeoutMs: number;
  /**
   * Whether a storage-probe origin is configured. Without one the third-party storage
   * check is left out, rather than shown to every customer as 未知 (nothing they can fix).
   */
  thirdPartyStorage: boolean;
}

/** How many results `runPassiveChecks` reports, for a progress bar. */
export const passiveCheckCount = (settings: DiagnosticsSettings) => 7 + settings.chatHosts.length + (settings.thirdPartyStorage ? 1 : 0);

export async function runPassiveChecks(
  env: DiagnosticsEnvironment,
  settings: DiagnosticsSettings,
  onResult: (result: CheckResult) => void = () => {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const report = (result: CheckResult) => {
    results.push(result);
    onResult(result);
    return result;
  };
  report(checkBrowserMode(env.platform));
  report(checkInAppBrowser(env.platform));
  report(checkBrowserVersion(env.platform));
  report(checkCookies(env.cookies));
  report(checkWebStorage(env.localStorage, env.sessionStorage));

  const serverTime = env.serverDate().then(
    (date) => ({ ok: true, date, at: env.now() }),
    () => ({ ok: false, date: null, at: env.now() }),
  );
  const hostChecks = settings.chatHosts.map((host, i) => checkHost(host, i, { probe: env.probe, timeoutMs: settings.hostTimeoutMs }).then(report));
  const clock = serverTime.then(({ date, at }) => report(checkClockSkew(date, at)));
  const socket = serverTime.then(({ ok }) =>
    checkWebSocket({ url: settings.webSocketUrl, connect: env.connectWebSocket, httpsWorks: ok, timeoutMs: settings.hostTimeoutMs }).then(report),
  );
  const frame = settings.thirdPartyStorage ? [env.thirdPartyStorage().then((r) => report(checkThirdPartyStorage(r)))] : [];
  await Promise.all([...hostChecks, clock, socket, ...frame]);
  return results;
}

/** Check ids in the order a visitor should deal with them. */
const PRIORITY = ['browser-mode', 'in-app', 'cookies', 'storage', 'host-', 'websocket', 'popups', 'third-party-storage', 'clock', 'browser-version'];

const rank = (r: CheckResult) => {
  const i = PRIORITY.findIndex((p) => (p.endsWith('-') ? r.id.startsWith(p) : r.id === p));
  return (r.status === 'fail' ? 0 : 100) + (i === -1 ? 50 : i);
};

export interface DiagnosticsSummary {
  /** No check failed or warned. */
  allClear: boolean;
  /** The problem to deal with first. */
  first?: CheckResult | undefined;
  /** The card that shows it (chat hosts failing alike share one). */
  firstCard?: ResultCard | undefined;
  /** The failed or warned checks, first to deal with first. */
  problems: CheckResult[];
  /** How many problems, as the cards show them: hosts failing alike count once. */
  count: number;
}

export function summarize(results: readonly CheckResult[]): DiagnosticsSummary {
  const problems = results.filter((r) => r.status === 'fail' || r.status === 'warn').sort((a, b) => rank(a) - rank(b));
  const cards = resultCards(problems);
  const first = problems[0];
  const firstCard = first && cards.find((c) => c.checks.includes(first));
  return { allClear: problems.length === 0, first, firstCard, problems, count: cards.length };
}

/** Display order, whatever order the checks finished in. */
const DISPLAY_ORDER = ['browser-mode', 'in-app', 'browser-version', 'cookies', 'storage', 'popups', 'host-', 'websocket', 'third-party-storage', 'clock'];
const displayRank = (r: CheckResult) => DISPLAY_ORDER.findIndex((p) => (p.endsWith('-') ? r.id.startsWith(p) : r.id === p));

/** The results in display order, with the pop-up check (run on a click) always listed. */
export function withPopupCheck(results: readonly CheckResult[], popup: CheckResult | undefined): CheckResult[] {
  return [...results.filter((r) => r.id !== 'popups'), popup ?? popupsNotTested()].sort(
    (a, b) => displayRank(a) - displayRank(b) || a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
}
