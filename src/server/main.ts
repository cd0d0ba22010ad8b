// Production server entry: one Node process serves the support API (`/api/`), the built
// static files of dist/client, and hands everything else to Astro's handler.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import sirv from 'sirv';
import { createApiApp } from '../api/app.ts';

const distDir = new URL('../../dist/', import.meta.url);
const clientDir = fileURLToPath(new URL('client/', distDir));
const serverEntry = new URL('server/entry.mjs', distDir);

if (!existsSync(fileURLToPath(serverEntry))) {
  console.error('没有找到构建产物 dist/server/entry.mjs：请先运行 npm run build。');
  process.exit(1);
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => Promise<void> | void;
const { handler: astroHandler } = (await import(serverEntry.href)) as { handler: NodeHandler };

const api = getRequestListener(createApiApp().fetch);

const HASHED_ASSET = /^\/(?:_astro|pagefind\/(?:fragment|index|wasm))\b/;
const staticFiles = sirv(clientDir, {
  etag: true,
  gzip: true,
  brotli: true,
  setHeaders(res, pathname) {
    res.setHeader(
      'Cache-Control',
      HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    );
  },
});

const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/')) {
    void api(req, res);
    return;
  }
  staticFiles(req, res, () => void astroHandler(req, res));
});

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
server.listen(port, host, () => {
  const address = server.address();
  const shown = typeof address === 'object' && address ? `${host}:${address.port}` : `${host}:${port}`;
  console.log(`Wenda 已启动：http://${shown}/`);
});

function shutdown(signal: string) {
  console.log(`收到 ${signal}，正在关闭：处理完进行中的请求后退出。`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
