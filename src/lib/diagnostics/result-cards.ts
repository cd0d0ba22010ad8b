// The results as the tool shows them: a card per check, except that chat hosts failing
// alike (the same fix) share one card that lists them, with one guide. A policy or an
// ad blocker that stops one chat host usually stops them all, and the same long guide
// three times reads like three problems. Reports for support keep every check.
import { FIX_GUIDES } from './fix-guides-data.ts';
import type { CheckResult, CheckStatus, FixTopic } from './types.ts';

export interface ResultCard {
  /** Element id the summary links to: check-<the first check's id>. */
  anchor: string;
  title: string;
  status: CheckStatus;
  /** For a card of several hosts, the line before their list. */
  lead?: string | undefined;
  finding: string;
  fix?: FixTopic | undefined;
  /** The check, or the hosts of a shared card. */
  checks: CheckResult[];
  /** Set on a card shared by several hosts. */
  shared: boolean;
}

export const SHARED_HOSTS_TITLE = '连接会话服务';

const hostProblem = (r: CheckResult) => (r.id.startsWith('host-') && (r.status === 'fail' || r.status === 'warn') ? r.fix : undefined);

export function resultCards(results: readonly CheckResult[]): ResultCard[] {
  const byFix = new Map<FixTopic, CheckResult[]>();
  for (const r of results) {
    const fix = hostProblem(r);
    if (fix) byFix.set(fix, [...(byFix.get(fix) ?? []), r]);
  }
  const cards: ResultCard[] = [];
  for (const r of results) {
    const fix = hostProblem(r);
    const hosts = fix ? byFix.get(fix)! : [];
    if (hosts.length < 2) {
      cards.push({ anchor: `check-${r.id}`, title: r.title, status: r.status, finding: r.finding, fix: r.fix, checks: [r], shared: false });
    } else if (hosts[0] === r) {
      // The hosts share the fix because they failed the same way, so they share the finding too.
      cards.push({
        anchor: `check-${r.id}`,
        title: SHARED_HOSTS_TITLE,
        status: hosts.some((h) => h.status === 'fail') ? 'fail' : 'warn',
        lead: `以下 ${hosts.length} 项连接都失败了：`,
        finding: r.finding,
        fix,
        checks: hosts,
        shared: true,
      });
    }
  }
  return cards;
}

/**
 * What to do about a card, in a few words for the summary line: its guide's title
 * (解除对会话服务的拦截), or its finding when it has no guide. Short, so the summary keeps
 * its height on a phone (the finding and the steps are on the card).
 */
export const firstStep = (card: Pick<ResultCard, 'fix' | 'finding'>): string => (card.fix ? FIX_GUIDES[card.fix].title : card.finding);

/** A card's title for the summary line: without the host name in brackets (连接会话窗口), which the card shows. */
export const shortTitle = (card: Pick<ResultCard, 'title'>): string => card.title.replace(/（[^（]*）$/, '');
