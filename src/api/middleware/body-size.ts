// Refuses bodies over the limit with 413. A declared Content-Length is checked up front
// (browsers always send one); only a chunked body goes through Hono's bodyLimit, whose
// stream wrapping would otherwise halve the requests/s of every write.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { rawHeader } from '../deps.ts';
import { errorResponse } from '../errors.ts';

export function limitBodySize(maxBytes: number): MiddlewareHandler {
  const tooLarge: MiddlewareHandler = async (c) => errorResponse(c, 413, 'payload_too_large', `请求体太大，最多 ${maxBytes / 1024} KB。`);
  const streamed = bodyLimit({ maxSize: maxBytes, onError: (c) => tooLarge(c, async () => {}) as never });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = rawHeader(c, 'content-length');
    if (declared !== undefined) return Number(declared) > maxBytes ? tooLarge(c, next) : next();
    return streamed(c, next);
  };
}
