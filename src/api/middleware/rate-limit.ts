// Per-client limit on writes (POST): a fixed one-minute window per IP, answered with 429
// and Retry-After, so a burst from one address cannot fill the store.
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors.ts';

/**
 * Counts one write of `client` at `now` (ms): the seconds it must wait before the next is
 * taken when this one is over its budget, else 0. In memory by default; with PostgreSQL,
 * in the database, so that every process counts against one budget
 * (src/store/postgres-shared.ts).
 */
export type CountWrite = (client: string, now: number) => number | Promise<number>;

export interface RateLimitOptions {
  /** Writes allowed per client per minute; 0 turns the limit off. */
  writesPerMinute: number;
  /** Where writes are counted, when not in this process's memory. */
  count?: CountWrite | undefined;
  /** The client's address for this request. */
  clientAddress: (c: Parameters<MiddlewareHandler>[0]) => string;
  now?: () => number;
}

const WINDOW_MS = 60_000;

export function rateLimitWrites({ writesPerMinute, clientAddress, count, now = Date.now }: RateLimitOptions): MiddlewareHandler {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = now() + WINDOW_MS;
  return async (c, next) => {
    if (writesPerMinute <= 0 || c.req.method !== 'POST') return next();
    if (count) {
      const wait = await count(clientAddress(c), now());
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return errorResponse(c, 429, 'rate_limited', '提交太频繁，请稍后再试。');
      }
      return next();
    }
    const t = now();
    if (t >= nextSweep) {
      for (const [key, w] of windows) if (w.resetAt <= t) windows.delete(key);
      nextSweep = t + WINDOW_MS;
    }
    const key = clientAddress(c);
    let window = windows.get(key);
    if (!window || window.resetAt <= t) {
      window = { count: 0, resetAt: t + WINDOW_MS };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > writesPerMinute) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((window.resetAt - t) / 1000))));
      return errorResponse(c, 429, 'rate_limited', '提交太频繁，请稍后再试。');
    }
    return next();
  };
}
