// Reads and checks JSON request bodies with a zod schema, answering 415 or 400 in the
// API's error shape: every write of the API reads its body here, so each one takes the
// same content types, the same byte-order mark, and the same hang-ups. Hono's validator
// would build a full Headers object per request and read through the Fetch API; the
// routes stay in the OpenAPI document through the same schemas. The estimate uses the
// two steps apart, to answer a body it has seen before from its cache before parsing it
// (src/api/json-cache.ts).
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { z } from 'zod';
import { rawHeader } from './deps.ts';
import { errorResponse, fieldErrors } from './errors.ts';
import { stripBom } from '../lib/text.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** The body as text, or a 415 when it is not declared as JSON. */
export async function readJsonText(c: Context): Promise<string | Response> {
  if (!JSON_TYPE.test(rawHeader(c, 'content-type') ?? '')) {
    return errorResponse(c, 415, 'unsupported_media_type', '请求体必须是 JSON（Content-Type: application/json）。');
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming?.headers['content-length'] !== undefined) return readIncomingText(c, incoming);
  // Without a declared length (a chunked body) the bytes come through Hono's request,
  // which the body-size middleware has read up to its limit.
  try {
    return utf8Text(c, new Uint8Array(await c.req.arrayBuffer()));
  } catch (error) {
    if (clientHungUp(c)) return cutShort(c);
    throw error;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body's bytes as text, or a 400 when they are not UTF-8: a stray byte is refused,
 * never stored as U+FFFD. (A byte-order mark is kept here and skipped by the parser.)
 */
function utf8Text(c: Context, bytes: Uint8Array): string | Response {
  try {
    return utf8.decode(bytes);
  } catch {
    return errorResponse(c, 400, 'invalid_request', '请求体不是合法的 UTF-8 文本。', { fields: [{ path: '(body)', message: '含有不是 UTF-8 的字节' }] });
  }
}

/** Whether the client closed its connection before its whole body arrived. */
export function clientHungUp(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming !== undefined && (incoming.readableAborted || (incoming.destroyed && !incoming.readableEnded));
}

/** The 400 for a body cut short: nobody reads it, but it keeps the log free of a fault. */
export const cutShort = (c: Context) =>
  errorResponse(c, 400, 'invalid_request', '请求体没有完整收到。', { fields: [{ path: '(body)', message: '连接在请求体传完之前断开' }] });

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
      resolve(utf8Text(c, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    });
    incoming.once('close', () => {
      if (!ended) resolve(cutShort(c));
    });
  });
}

/**
 * `text` parsed as JSON and checked by `schema`, or a 400 naming the fields at fault. A
 * leading byte-order mark (Windows tools write one) is skipped, as `Response.text()` does.
 */
export function parseJsonBody<S extends z.ZodType>(c: Context, text: string, schema: S): { data: z.output<S> } | Response {
  let body: unknown;
  try {
    body = JSON.parse(stripBom(text));
  } catch {
    return errorResponse(c, 400, 'invalid_request', '请求体不是合法的 JSON。', { fields: [{ path: '(body)', message: '无法解析为 JSON' }] });
  }
  const result = schema.safeParse(body);
  if (!result.success) return errorResponse(c, 400, 'invalid_request', '请求内容有误，请检查标出的字段。', { fields: fieldErrors(result.error) });
  return { data: result.data };
}

/** The body read and checked: `{data}`, or the 415/400 to answer. */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<{ data: z.output<S> } | Response> {
  const text = await readJsonText(c);
  return typeof text === 'string' ? parseJsonBody(c, text, schema) : text;
}
