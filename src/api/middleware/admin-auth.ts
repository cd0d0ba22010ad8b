// Admin routes: absent (404) while no token is configured, 401 on a wrong token, the
// comparison in constant time so response timing tells nothing about the token. Wrong
// tokens count against the client's address in the throttle the operator page's
// sign-in shares (token-throttle.ts): past the limit, 429 with Retry-After at once.
import type { Context, MiddlewareHandler } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiEnv } from '../deps.ts';
import type { ErrorAnswer } from '../errors.ts';
import { tooManyTriesMessage, type TokenThrottle } from './token-throttle.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when `presented` equals `expected`, compared in constant time. */
export function tokensMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

export interface AdminAuthOptions {
  token: string | undefined;
  throttle: TokenThrottle;
  /** The client's address for this request, as the rate limit reads it. */
  clientAddress: (c: Context<ApiEnv>) => string;
  error: ErrorAnswer;
  now?: () => number;
}

export function adminAuth({ token, throttle, clientAddress, error, now = Date.now }: AdminAuthOptions): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!token) return error(c, 404, 'not_found', '没有这个接口。');
    const client = clientAddress(c);
    const wait = throttle.retryAfterSeconds(client, now());
    if (wait) return error(c, 429, 'rate_limited', tooManyTriesMessage(wait), {}, { 'Retry-After': String(wait) });
    const header = c.req.header('Authorization') ?? '';
    const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
    if (!tokensMatch(presented, token)) {
      throttle.failed(client, now());
      return error(c, 401, 'unauthorized', '需要有效的管理员令牌。', {}, { 'WWW-Authenticate': 'Bearer realm="wenda-admin"' });
    }
    throttle.succeeded(client);
    return next();
  };
}
