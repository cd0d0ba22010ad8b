// Every write's body, read once here before its route checks it with its own schema
// (`app.openapi`): declared as JSON (else 415), within the limit (else 413, and the
// connection closes so the rest is never read), UTF-8 (else 400 naming `(body)`: a stray
// byte is refused, never stored as U+FFFD), a leading byte-order mark skipped (Windows
// tools write one). The text is left where Hono's `c.req.json()` and `c.req.text()` find
// it; malformed JSON is the route's 400 naming `(body)` (src/api/errors.ts). A client
// that hangs up mid-body gets a 400 nobody reads, not a fault in the log.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { rawHeader, type ApiEnv } from '../deps.ts';
import type { ErrorAnswer } from '../errors.ts';
import { MAX_BODY_TEXT } from '../limits.ts';

/** JSON as RFC 9110 allows it to be declared: any `+json`, any case, parameters, spaces. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
/** What the routes' own type check (@hono/zod-openapi) takes: `application/json;` and `application/json ;` are not. */
const CHECKED_JSON_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/** Whether the client closed its connection before its whole body arrived. */
function clientHungUp(c: Context<ApiEnv>): boolean {
  const incoming = c.env?.incoming;
  return incoming !== undefined && (incoming.readableAborted || (incoming.destroyed && !incoming.readableEnded));
}

export function jsonBody({ maxBytes, error }: { maxBytes: number; error: ErrorAnswer }): MiddlewareHandler<ApiEnv> {
  const tooLarge = (c: Context<ApiEnv>) => error(c, 413, 'payload_too_large', `请求体太大，最多 ${MAX_BODY_TEXT}。`, {}, { Connection: 'close' });
  const cutShort = (c: Context<ApiEnv>) => error(c, 400, 'invalid_request', '请求体没有完整收到。', { fields: [{ path: '(body)', message: '连接在请求体传完之前断开' }] });
  // A body without a declared length (chunked) is read up to the limit by Hono's bodyLimit first.
  const chunked = bodyLimit({ maxSize: maxBytes, onError: tooLarge });

  /**
   * Reads the body as text for the route, or answers why not. Read by Hono's own
   * `c.req.text()` (on Node one decode, no copy; it keeps the text where the route's
   * `c.req.json()` finds it). Its UTF-8 decoding drops a leading byte-order mark and
   * turns a byte that is not UTF-8 into U+FFFD: a body holding U+FFFD is refused, so
   * nothing is ever stored with one.
   */
  const take = async (c: Context<ApiEnv>, next: () => Promise<void>) => {
    let text: string;
    try {
      text = await c.req.text();
    } catch (failure) {
      if (clientHungUp(c)) return cutShort(c);
      throw failure;
    }
    if (text.includes('\uFFFD')) {
      return error(c, 400, 'invalid_request', '请求体不是合法的 UTF-8 文本。', { fields: [{ path: '(body)', message: '含有不是 UTF-8 的字节（或替换字符 U+FFFD）' }] });
    }
    await next();
    return undefined;
  };

  return async (c, next) => {
    const type = rawHeader(c, 'content-type') ?? '';
    if (!JSON_TYPE.test(type)) return error(c, 415, 'unsupported_media_type', '请求体必须是 JSON（Content-Type: application/json）。');
    if (!CHECKED_JSON_TYPE.test(type)) c.req.raw.headers.set('Content-Type', 'application/json');
    const declared = rawHeader(c, 'content-length');
    if (declared !== undefined) return Number(declared) > maxBytes ? tooLarge(c) : take(c, next);
    try {
      return await chunked(c, () => take(c, next).then((refusal) => void (refusal && (c.res = refusal))));
    } catch (failure) {
      if (clientHungUp(c)) return cutShort(c);
      throw failure;
    }
  };
}
