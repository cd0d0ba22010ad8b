// Baselines for `npm run bench:api`: the least a Node HTTP server can do for a JSON
// answer (`bare`), and the same through Hono on @hono/node-server (`hono`), which shows
// how much of the gap is the framework itself.
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';

const body = JSON.stringify({ status: 'ok' });
const hono = new Hono();
hono.get('/', (c) => c.json({ status: 'ok' }));
const honoListener = getRequestListener(hono.fetch);

const server = createServer(
  process.argv[2] === 'hono'
    ? honoListener
    : (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      },
);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
