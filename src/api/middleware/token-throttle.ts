// One limit on guessing the admin token, shared by the operator page's sign-in form and
// the admin API's Bearer check (src/api/middleware/admin-auth.ts): whichever a client
// guesses through, its wrong tokens add up. Kept in memory per client address (a
// restart forgets them); the server builds one per process and hands it to both. With
// PostgreSQL they are also counted in the database (a GuessTally), whose totals every
// process hears of, so several processes enforce one limit.
import { isIPv6 } from 'node:net';

/** Wrong tokens one address may present within `WINDOW_MS` before it is refused. */
export const MAX_WRONG_TOKENS = 10;
/** Wrong tokens are forgotten after this long without one; a refused address waits this long after its last. */
export const WINDOW_MS = 15 * 60_000;
/** Addresses kept at most: beyond, the oldest are forgotten first. */
const MAX_CLIENTS = 10_000;

/**
 * Whose guesses count together: an IPv4 address as it is, an IPv6 address by its /64
 * (one subscriber's network, which hands its devices any address in it).
 */
export function throttleKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Where wrong tokens are also counted when several processes share one limit (with
 * PostgreSQL: src/store/postgres-shared.ts). Told of each wrong and right token; its word
 * on the totals comes back through `heard`.
 */
export interface GuessTally {
  failed(key: string, now: number): void;
  succeeded(key: string): void;
}

export class TokenThrottle {
  private wrong = new Map<string, { count: number; last: number }>();

  private readonly tally: GuessTally | undefined;

  /** `tally`: the shared count, when there is one; the counts here are then a copy of it. */
  constructor(tally?: GuessTally) {
    this.tally = tally;
  }

  /** The shared tally's totals for `key` (a throttleKey): what every process counted. `undefined`: none. */
  heard(key: string, entry: { count: number; last: number } | undefined): void {
    this.wrong.delete(key);
    if (entry) this.wrong.set(key, entry);
    if (this.wrong.size > MAX_CLIENTS) this.sweep(entry?.last ?? 0);
  }

  /**
   * Seconds this address must wait before its next try, or 0 when it may try now. While
   * it waits, every try is refused, right token or not (or the answer would tell a
   * guesser which one was right), and does not count.
   */
  retryAfterSeconds(address: string, now: number): number {
    const entry = this.wrong.get(throttleKey(address));
    if (!entry || entry.count < MAX_WRONG_TOKENS) return 0;
    const left = entry.last + WINDOW_MS - now;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Counts a wrong token from this address. */
  failed(address: string, now: number): void {
    const key = throttleKey(address);
    const entry = this.wrong.get(key);
    const fresh = !entry || now - entry.last > WINDOW_MS;
    this.wrong.delete(key);
    this.wrong.set(key, { count: fresh ? 1 : entry.count + 1, last: now });
    if (this.wrong.size > MAX_CLIENTS) this.sweep(now);
    this.tally?.failed(key, now);
  }

  /** The right token: this address's wrong ones are forgotten. */
  succeeded(address: string): void {
    if (this.wrong.size) this.wrong.delete(throttleKey(address));
    this.tally?.succeeded(throttleKey(address));
  }

  private sweep(now: number) {
    for (const [key, e] of this.wrong) if (now - e.last > WINDOW_MS) this.wrong.delete(key);
    // Still full (many addresses at once): the least recent go first (insertion order).
    for (const key of this.wrong.keys()) {
      if (this.wrong.size <= MAX_CLIENTS) break;
      this.wrong.delete(key);
    }
  }
}

/** What a refused client is told, page and API alike. */
export const tooManyTriesMessage = (retryAfterSeconds: number) => `尝试次数过多，请 ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} 分钟后再试。`;
