// Browser writes only from the site itself or configured origins; CORS for exactly those.
// Requests without an Origin header (curl, servers) are not browser cross-site requests.
// Mounted on writes and preflights only: reads are public, and the server gives them
// their CORS headers with its security headers (src/server/security-headers.ts), so a
// read stays one handler deep in Hono (its fastest path).
import type { MiddlewareHandler } from 'hono';
import { rawHeader } from '../deps.ts';
import { errorResponse } from '../errors.ts';

export interface OriginGuardOptions {
  /** Origins besides the request's own that may call the API from a browser. */
  allowedOrigins: readonly string[];
  /** The host (name:port) the request was addressed to: its own site. */
  requestHost: (c: Parameters<MiddlewareHandler>[0]) => string;
  /** Whether a path is one of the API's routes: preflights of other paths get the 404. */
  isRoute: (path: string) => boolean;
}

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
};

/**
 * Whether `origin` is on `host` (a Host header): compared as URLs compare them, so case,
 * IDN spelling and a default port (`:80`, `:443`) make no difference.
 */
function sameHost(origin: string, host: string): boolean {
  const originHost = hostOf(origin);
  if (originHost === undefined) return false;
  if (originHost === host) return true;
  return originHost === hostOf(`http://${host}`) || originHost === hostOf(`https://${host}`);
}

export function originGuard({ allowedOrigins, requestHost, isRoute }: OriginGuardOptions): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    // A preflight of a path the API does not have gets the 404 (or 405) of any request.
    if (c.req.method === 'OPTIONS' && !isRoute(c.req.path)) return next();
    const origin = rawHeader(c, 'origin');
    // Hosts, not origins, are compared: behind a TLS proxy the request arrives as http.
    const crossOrigin = origin !== undefined && !sameHost(origin, requestHost(c));
    const permitted = !crossOrigin || allowed.has(origin);

    if (crossOrigin && permitted) {
      c.header('Access-Control-Allow-Origin', origin);
      // The diagnostics read the API's clock from Date, which CORS hides unless exposed.
      c.header('Access-Control-Expose-Headers', 'Date');
      c.header('Vary', 'Origin', { append: true });
    }
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      if (!permitted) return errorResponse(c, 403, 'forbidden_origin', '这个网站不能调用本接口。');
      c.header('Access-Control-Allow-Methods', 'GET, POST');
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    if (!permitted) {
      return errorResponse(c, 403, 'forbidden_origin', '这个网站不能向本接口提交数据。');
    }
    return next();
  };
}
