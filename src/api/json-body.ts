// Reads and checks a JSON request body with a zod schema, answering 415 or 400 in the
// API's error shape. For the hottest write (the estimate) this replaces the generic
// validator, whose content-type check builds a full Headers object per request; the
// route stays in the OpenAPI document through the same schemas. The two steps are
// separate so the estimate can answer a body it has seen before from its cache,
// before parsing it (src/api/json-cache.ts).
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { z } from 'zod';
import { rawHeader } from './deps.ts';
import { errorResponse, fieldErrors } from './errors.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** The body as text, or a 415 when it is not declared as JSON. */
export async function readJsonText(c: Context): Promise<string | Response> {
  if (!JSON_TYPE.test(rawHeader(c, 'content-type') ?? '')) {
    return errorResponse(c, 415, 'unsupported_media_type', '请求体必须是 JSON（Content-Type: application/json）。');
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  // Without a declared length (a chunked body) the text comes through Hono's request,
  // which the body-size middleware has wrapped in its streamed limit.
  if (incoming?.headers['content-length'] === undefined) return c.req.text();
  return readIncomingText(c, incoming);
}

/**
 * A body of declared length (already checked against the limit), read straight from
 * Node's request: Hono's own reading, through the Fetch API's request, costs about a
 * tenth of a small write's time. A client that hangs up mid-body gets a 400 that nobody
 * reads, rather than an internal error in the log.
 */
function readIncomingText(c: Context, incoming: IncomingMessage): Promise<string | Response> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let ended = false;
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => {
      ended = true;
      resolve((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8'));
    });
    incoming.once('close', () => {
      if (!ended) resolve(errorResponse(c, 400, 'invalid_request', '请求体没有完整收到。', { fields: [{ path: '(body)', message: '连接在请求体传完之前断开' }] }));
    });
  });
}

/** `text` parsed as JSON and checked by `schema`, or a 400 naming the fields at fault. */
export function parseJsonBody<S extends z.ZodType>(c: Context, text: string, schema: S): { data: z.output<S> } | Response {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return errorResponse(c, 400, 'invalid_request', '请求体不是合法的 JSON。', { fields: [{ path: '(body)', message: '无法解析为 JSON' }] });
  }
  const result = schema.safeParse(body);
  if (!result.success) return errorResponse(c, 400, 'invalid_request', '请求内容有误，请检查标出的字段。', { fields: fieldErrors(result.error) });
  return { data: result.data };
}
