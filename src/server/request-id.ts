// Every request has an id: the trusted proxy's `X-Request-Id` when WENDA_TRUST_PROXY is
// set and it sent a usable one, else a new UUID. It is echoed in the answer, written in
// the request's log line and in any error logged while answering, and put in the body of
// a 500, so a customer's report, the proxy's log and the server's log name one request.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a proxy's id may look like: nginx's `$request_id`, UUIDs, trace ids; anything else is replaced.
 * None of these characters needs escaping in JSON: the request log writes an id as it is. */
const USABLE_ID = /^[\w.:@/+=-]{1,128}$/;

const ID = Symbol('wenda.requestId');
type Tagged = IncomingMessage & { [ID]?: string };

/** The proxy's id when it is trusted and usable, else undefined. */
export function proxyRequestId(header: string | string[] | undefined, trustProxy: boolean): string | undefined {
  if (!trustProxy || typeof header !== 'string') return undefined;
  return USABLE_ID.test(header) ? header : undefined;
}

/** A new id, or the trusted proxy's. */
export function newRequestId(header: string | string[] | undefined, trustProxy: boolean): string {
  return proxyRequestId(header, trustProxy) ?? randomUUID();
}

/** The id of this Node request: chosen the first time it is asked for, the same afterwards. */
export function requestIdFor(req: IncomingMessage, trustProxy: boolean): string {
  const tagged = req as Tagged;
  return (tagged[ID] ??= newRequestId(req.headers['x-request-id'], trustProxy));
}

/** The id this request was given, if it was given one (a request refused before the server's handler was not). */
export function knownRequestId(req: IncomingMessage): string | undefined {
  return (req as Tagged)[ID];
}
