// In `astro dev`, mounts the support API on the dev server (so islands call the same
// `/api/v1` as in production) and serves the search index of the last build.
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import sirv from 'sirv';
import { clientAddressOf } from '../api/deps.ts';
import { votablePagesOfContent } from '../server/adapters/votable-pages.ts';
import { readServerConfig } from '../server/config.ts';
import { openSupportApi } from '../server/support-api.ts';
import { attachWebSocketEcho } from '../server/websocket-echo.ts';

export function supportApiIntegration(): AstroIntegration {
  return {
    name: 'wenda:support-api',
    hooks: {
      'astro:server:setup': async ({ server, logger }) => {
        // The same app, store and price list as `npm start`: WENDA_DATABASE_URL, else WENDA_DATA_DIR (default ./data).
        // Votes go to the articles of content/faq (no build needed) and the tool pages.
        const env = readServerConfig();
        const indexDir = fileURLToPath(new URL('../../dist/client/pagefind/', import.meta.url));
        const supportApi = await openSupportApi(env, {
          votablePages: votablePagesOfContent(fileURLToPath(new URL('../../content/faq/', import.meta.url))),
          // The last build's index, as /pagefind/ below: searched in the server as in production.
          ...(existsSync(indexDir) && { searchIndexDir: indexDir }),
        });
        server.httpServer?.once('close', () => supportApi.close());
        // Vite handles its own (HMR) upgrades; only the echo path is taken here.
        if (server.httpServer) attachWebSocketEcho(server.httpServer as import('node:http').Server, () => {});
        const api = getRequestListener(supportApi.app.fetch, { overrideGlobalObjects: false });
        const searchIndex = sirv(indexDir, { dev: true });
        if (!existsSync(indexDir)) {
          logger.warn('No search index yet: run `npm run build` once, then search works in `npm run dev` too.');
        }
        server.middlewares.use((req, res, next) => {
          if (req.url?.startsWith('/api/')) return void api(req, res);
          if (req.url?.startsWith('/pagefind/')) {
            req.url = req.url.slice('/pagefind'.length);
            return searchIndex(req, res, next);
          }
          // As the server entry does (App.Locals): the operator page reads through this API
          // app with the configured token, and its sign-in shares the API's admin-token throttle.
          const locals: App.Locals = {
            tokenGuard: { throttle: supportApi.tokenThrottle, client: clientAddressOf(req, env.WENDA_TRUST_PROXY) },
            supportApi: supportApi.app,
            adminToken: env.WENDA_ADMIN_TOKEN,
          };
          Reflect.set(req, Symbol.for('astro.locals'), locals);
          next();
        });
      },
    },
  };
}
