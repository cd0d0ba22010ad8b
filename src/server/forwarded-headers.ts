// Astro takes the client's address from the left-most X-Forwarded-For entry, and the
// site's URL from X-Forwarded-Host/-Proto, whenever the Host is the site's own: a client
// could write them itself and, say, change its address on each wrong operator token.
// Requests handed to Astro get them as the API reads them (src/api/deps.ts).
import type { IncomingMessage } from 'node:http';
import { lastForwarded } from '../api/deps.ts';

const PROXY_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

/**
 * Without a trusted proxy nobody may say where a request came from: the headers go, and
 * Astro uses the socket's address. Behind one, X-Forwarded-For keeps only the entry the
 * proxy itself added (the right-most).
 */
export function applyProxyTrust(req: IncomingMessage, trustProxy: boolean): void {
  const headers = req.headers;
  if (!trustProxy) {
    for (const name of PROXY_HEADERS) delete headers[name];
    return;
  }
  const forwardedFor = headers['x-forwarded-for'];
  const client = lastForwarded(Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor);
  if (client) headers['x-forwarded-for'] = client;
  else delete headers['x-forwarded-for'];
}
