// The operator's sign-in: a session cookie signed with the admin token itself (so
// nothing is stored, and changing the token signs everyone out), and a throttle that
// slows down repeated wrong tokens.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'wenda_admin';
export const SESSION_HOURS = 8;

const sign = (token: string, issuedAt: number) => createHmac('sha256', token).update(`wenda-admin-session:${issuedAt}`).digest('base64url');

/** Cookie value for a session starting at `issuedAt` (ms). */
export function createSession(token: string, issuedAt: number): string {
  return `${issuedAt}.${sign(token, issuedAt)}`;
}

/** True when `value` was made with `token` and has not expired. */
export function isValidSession(value: string | undefined, token: string, now: number): boolean {
  const [issued, mac] = (value ?? '').split('.');
  const issuedAt = Number(issued);
  if (!mac || !Number.isInteger(issuedAt) || issuedAt > now || now - issuedAt > SESSION_HOURS * 3_600_000) return false;
  const expected = Buffer.from(sign(token, issuedAt));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const WINDOW_MS = 15 * 60_000;
/** Wrong tokens from one client within the window after which it is refused outright. */
const MAX_FAILURES = 10;

/**
 * Wrong tokens per client: from the fourth failure on, each answer waits longer
 * (1 s, 2 s, 4 s … up to 30 s), and from the tenth the client is refused until 15 quiet
 * minutes have passed (so parallel guesses gain nothing). A success forgets them.
 */
export class SignInThrottle {
  private failures = new Map<string, { count: number; last: number }>();

  /** True while this client has used up its tries. */
  blocked(client: string, now: number): boolean {
    const entry = this.failures.get(client);
    return !!entry && now - entry.last <= WINDOW_MS && entry.count >= MAX_FAILURES;
  }

  delayMs(client: string, now: number): number {
    const entry = this.failures.get(client);
    if (!entry || now - entry.last > WINDOW_MS) return 0;
    return entry.count < 3 ? 0 : Math.min(30_000, 1000 * 2 ** (entry.count - 3));
  }

  failed(client: string, now: number): void {
    const entry = this.failures.get(client);
    const fresh = !entry || now - entry.last > WINDOW_MS;
    this.failures.set(client, { count: fresh ? 1 : entry.count + 1, last: now });
    if (this.failures.size > 1000) {
      for (const [key, e] of this.failures) if (now - e.last > WINDOW_MS) this.failures.delete(key);
    }
  }

  succeeded(client: string): void {
    this.failures.delete(client);
  }
}
