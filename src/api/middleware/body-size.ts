// Refuses bodies over the limit with 413. A declared Content-Length is checked up front
// (browsers always send one); only a chunked body goes through Hono's bodyLimit, which
// reads it whole, up to the limit, before the route runs (a client that hangs up while
// it does is answered with a 400 nobody reads, not logged as a fault). A 413 closes the
// connection, so the rest of the body is never read.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { rawHeader } from '../deps.ts';
import { errorResponse } from '../errors.ts';
import { clientHungUp, cutShort } from '../json-body.ts';

export function limitBodySize(maxBytes: number): MiddlewareHandler {
  const tooLarge: MiddlewareHandler = async (c) => {
    c.header('Connection', 'close');
    return errorResponse(c, 413, 'payload_too_large', `请求体太大，最多 ${maxBytes / 1024} KB。`);
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: (c) => tooLarge(c, async () => {}) as never });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = rawHeader(c, 'content-length');
    if (declared !== undefined) return Number(declared) > maxBytes ? tooLarge(c, next) : next();
    try {
      return await streamed(c, next);
    } catch (error) {
      if (clientHungUp(c)) return cutShort(c);
      throw error;
    }
  };
}
