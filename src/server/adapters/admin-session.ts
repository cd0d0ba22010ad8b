// The operator's sign-in: a session cookie signed with the admin token itself (so
// nothing is stored, and changing the token signs everyone out). Wrong tokens are
// limited by src/api/middleware/token-throttle.ts, shared with the admin API.
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
