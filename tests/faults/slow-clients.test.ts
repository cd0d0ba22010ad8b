// Slow clients: hundreds of connections that trickle their request headers a few bytes
// at a time (a slowloris), while health must keep answering in time; each slow
// connection is cut off with a 408 once the headers time-out passes. `npm test`: 300
// connections for 8 s (the cut-off is not waited for); `npm run test:faults`: 1,000
// connections until the server has cut them all off (over 20 s).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HEADERS_TIMEOUT_MS, TIMEOUT_CHECK_INTERVAL_MS } from '../../src/server/client-errors.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { RELEASE, faultScale } from './scale.ts';

const CONNECTIONS = faultScale(300, 1_000);
/** How long the slow clients trickle: in CI less than the headers time-out, for a release past it. */
const TRICKLE_MS = faultScale(8_000, HEADERS_TIMEOUT_MS + TIMEOUT_CHECK_INTERVAL_MS + 5_000);
const BYTE_EVERY_MS = 500;
/** Health must answer within this, every time (2 shared cores, a busy machine). */
const HEALTH_MS = 2_000;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

interface SlowClient {
  socket: Socket;
  answer: string;
  closed: boolean;
}

/** Opens a connection that sends a request line and then one header byte every BYTE_EVERY_MS. */
function slowClient(port: number, index: number): Promise<SlowClient> {
  return new Promise((resolve) => {
    const client: SlowClient = { socket: connect(port, '127.0.0.1'), answer: '', closed: false };
    const header = `X-Slow-${index}: ${'z'.repeat(200)}`;
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    client.socket.setEncoding('latin1');
    client.socket.on('data', (d: string) => (client.answer += d));
    client.socket.on('error', () => {});
    client.socket.on('close', () => {
      client.closed = true;
      clearInterval(timer);
    });
    client.socket.on('connect', () => {
      client.socket.write(`GET /${index % 2 ? 'api/v1/health' : ''} HTTP/1.1\r\nHost: x\r\n`);
      timer = setInterval(() => {
        if (!client.closed) client.socket.write(header[sent++ % header.length]!);
      }, BYTE_EVERY_MS);
      resolve(client);
    });
  });
}

test(`${CONNECTIONS} connections trickling headers: health answers within ${HEALTH_MS} ms throughout`, { timeout: RELEASE ? 120_000 : 40_000 }, async () => {
  const port = Number(new URL(server.url).port);
  const started = performance.now();
  const clients: SlowClient[] = [];
  for (let i = 0; i < CONNECTIONS; i += 50) clients.push(...(await Promise.all(Array.from({ length: Math.min(50, CONNECTIONS - i) }, (_, j) => slowClient(port, i + j)))));
  const opened = performance.now() - started;

  const latencies: number[] = [];
  const failures: string[] = [];
  while (performance.now() - started < TRICKLE_MS) {
    const asked = performance.now();
    try {
      const res = await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(HEALTH_MS) });
      if (res.status !== 200) failures.push(`health answered ${res.status}`);
      await res.arrayBuffer();
    } catch (error) {
      failures.push(`health did not answer within ${HEALTH_MS} ms: ${(error as Error).name}`);
    }
    latencies.push(performance.now() - asked);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stillOpen = clients.filter((c) => !c.closed).length;
  const cutOff = clients.filter((c) => c.answer.startsWith('HTTP/1.1 408 ')).length;
  console.log(
    `slow clients: ${CONNECTIONS} opened in ${opened.toFixed(0)} ms; health ${latencies.length} checks, ` +
      `slowest ${Math.max(...latencies).toFixed(0)} ms; after ${(TRICKLE_MS / 1000).toFixed(0)} s ${stillOpen} still open, ${cutOff} cut off with 408`,
  );
  for (const client of clients) client.socket.destroy();

  expect(failures).toEqual([]);
  expect(latencies.length).toBeGreaterThan(10);
  if (RELEASE) {
    // Past the headers time-out every slow connection has been answered 408 and closed.
    expect(stillOpen).toBe(0);
    expect(cutOff).toBe(CONNECTIONS);
  } else {
    // Within it none was dropped: the server held them all and still answered health.
    expect(stillOpen).toBe(CONNECTIONS);
  }
  expect(server.process.exitCode).toBeNull();
});
