// Admin routes: absent (404) while no token is configured, 401 on a wrong token, the
// comparison in constant time so response timing tells nothing about the token.
import type { MiddlewareHandler } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { errorResponse } from '../errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when `presented` equals `expected`, compared in constant time. */
export function tokensMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

export function adminAuth(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return errorResponse(c, 404, 'not_found', '没有这个接口。');
    const header = c.req.header('Authorization') ?? '';
    const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
    if (!tokensMatch(presented, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="wenda-admin"');
      return errorResponse(c, 401, 'unauthorized', '需要有效的管理员令牌。');
    }
    return next();
  };
}
