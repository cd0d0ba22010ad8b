// Per-client limit on the writes that store something: a fixed one-minute window per IP,
// answered with 429 and Retry-After, so a burst from one address cannot fill the store.
// One budget per app, attached by each such route where it is defined (`middleware:
// [kit.storingWrite]`). Its neighbour token-throttle.ts limits guesses of the admin token.
// The counting is a function of its own (`CountWrite`): kept in memory here, it can be
// kept elsewhere (shared by several processes) without touching the middleware.
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiEnv, CountWrite } from '../deps.ts';
import type { ErrorAnswer } from '../errors.ts';

const WINDOW_MS = 60_000;

/** Writes counted in this process's memory, per client and fixed minute; `writesPerMinute` 0 counts nothing. */
export function countWritesInMemory(writesPerMinute: number): CountWrite {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;
  return (client, now) => {
    if (writesPerMinute <= 0) return 0;
    if (now >= nextSweep) {
      for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
      nextSweep = now + WINDOW_MS;
    }
    let window = windows.get(client);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + WINDOW_MS };
      windows.set(client, window);
    }
    window.count++;
    return window.count > writesPerMinute ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 0;
  };
}

export interface RateLimitOptions {
  count: CountWrite;
  /** The client's address for this request. */
  clientAddress: (c: Context<ApiEnv>) => string;
  error: ErrorAnswer;
  now?: () => number;
}

export function rateLimitWrites({ count, clientAddress, error, now = Date.now }: RateLimitOptions): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const wait = await count(clientAddress(c), now());
    if (wait > 0) return error(c, 429, 'rate_limited', '提交太频繁，请稍后再试。', {}, { 'Retry-After': String(wait) });
    return next();
  };
}
