// References for `npm run bench:api`: Hono's own hello-JSON server (`hono`), the one
// health and the price list are held to, and for the estimate a one-line Hono route
// (`hono-post`: `await c.req.json()`, no middleware, no security headers) that answers
// with the estimate's own JSON text (BENCH_ANSWER). For scale, node:http alone does the
// same: `bare` (hello-JSON) and `bare-post` (reads the body, sends the same answer).
import { createServer, type RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';

const kind = process.argv[2];
const hello = JSON.stringify({ status: 'ok' });
const answer = process.env.BENCH_ANSWER ?? hello;
const json = { 'Content-Type': 'application/json' };

const hono = new Hono();
hono.get('/', (c) => c.json({ status: 'ok' }));
hono.post('/', async (c) => {
  await c.req.json();
  return new Response(answer, { status: 200, headers: json });
});

const listeners: Record<string, RequestListener> = {
  bare: (_req, res) => {
    res.writeHead(200, { ...json, 'Content-Length': Buffer.byteLength(hello) });
    res.end(hello);
  },
  'bare-post': (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { ...json, 'Content-Length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  },
  hono: getRequestListener(hono.fetch),
};
listeners['hono-post'] = listeners.hono!;

const server = createServer(listeners[kind ?? 'bare']);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
