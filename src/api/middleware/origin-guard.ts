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
}

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
};

export function originGuard({ allowedOrigins, requestHost }: OriginGuardOptions): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    const origin = rawHeader(c, 'origin');
    // Hosts, not origins, are compared: behind a TLS proxy the request arrives as http.
    const crossOrigin = origin !== undefined && hostOf(origin) !== requestHost(c);
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
