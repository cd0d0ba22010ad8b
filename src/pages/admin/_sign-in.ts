// Who may see the operator page: only when WENDA_ADMIN_TOKEN is set, and only with a
// valid session cookie. Shared by the page and its CSV exports.
import { SESSION_COOKIE, isValidSession } from '../../server/adapters/admin-session.ts';

/** The configured token, or undefined: then the operator page does not exist. */
export const adminToken = (): string | undefined => process.env.WENDA_ADMIN_TOKEN || undefined;

export function signedIn(cookies: { get(name: string): { value: string } | undefined }, token: string, now = Date.now()): boolean {
  return isValidSession(cookies.get(SESSION_COOKIE)?.value, token, now);
}
