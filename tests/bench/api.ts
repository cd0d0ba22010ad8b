// `npm run bench:api` (after a build): loads the built server with autocannon and prints
// requests/s and p99 latency for health, the price list and a typical estimate, beside a
// bare node:http hello-JSON server measured in the same run, as ratios.
// Targets: health and price-list >= 0.8 of bare node:http, a typical estimate >= 0.5.
// A Hono hello-JSON server is measured too: the ceiling any Hono route can reach here.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer } from '../support/server.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Figures {
  name: string;
  rps: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string, init: { method?: 'GET' | 'POST'; body?: string } = {}): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    method: init.method ?? 'GET',
    headers: init.body ? { 'content-type': 'application/json' } : {},
    ...(init.body ? { body: init.body } : {}),
  });
  return { name, rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Servers run on CPU 1 and the load generator mostly on CPU 0, when taskset is there:
 *  on a 2-core machine that keeps one from stealing the other's core mid-run. */
const TASKSET = existsSync('/usr/bin/taskset');
function pinned(command: string, ...args: string[]): [string, string[]] {
  return TASKSET ? ['taskset', ['-c', '1', command, ...args]] : [command, args];
}

async function startBaseline(kind: 'bare' | 'hono'): Promise<{ url: string; stop: () => void }> {
  const child = spawn(...pinned(process.execPath, 'tests/bench/bare-server.ts', kind), { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url, stop: () => child.kill('SIGTERM') };
}

const bare = await startBaseline('bare');
const hono = await startBaseline('hono');
const server = await startServer({ env: { WENDA_WRITE_RATE_LIMIT: '0' }, ...(TASKSET ? { cpu: 1 } : {}) });
const estimateBody = JSON.stringify({ robots: 3, monthlyConversations: 120_000, monthlyGrowthPercent: 5, years: 3, carryOverBalance: 20_000 });

try {
  // Warm both up so JIT and caches are steady before measuring.
  await autocannon({ url: bare.url, connections: 10, duration: 1 });
  await autocannon({ url: `${server.url}/api/v1/health`, connections: 10, duration: 1 });

  const baseline = await load('bare node:http', bare.url);
  const honoHello = await load('Hono hello-JSON (framework ceiling)', hono.url);
  const rows = [
    await load('GET /api/v1/health', `${server.url}/api/v1/health`),
    await load('GET /api/v1/robot-quota/price-list', `${server.url}/api/v1/robot-quota/price-list`),
    await load('POST /api/v1/robot-quota/estimate', `${server.url}/api/v1/robot-quota/estimate`, { method: 'POST', body: estimateBody }),
  ];
  const targets: Record<string, number> = { 'GET /api/v1/health': 0.8, 'GET /api/v1/robot-quota/price-list': 0.8, 'POST /api/v1/robot-quota/estimate': 0.5 };

  console.log(`\n${CONNECTIONS} connections, ${DURATION} s each${TASKSET ? ', servers pinned to CPU 1' : ''}\n`);
  console.log(`${'endpoint'.padEnd(38)}${'req/s'.padStart(10)}${'p99 ms'.padStart(9)}${'ratio'.padStart(8)}${'target'.padStart(8)}  errors`);
  console.log(`${baseline.name.padEnd(38)}${baseline.rps.toFixed(0).padStart(10)}${String(baseline.p99).padStart(9)}${'1.00'.padStart(8)}${''.padStart(8)}  ${baseline.errors}`);
  console.log(`${honoHello.name.padEnd(38)}${honoHello.rps.toFixed(0).padStart(10)}${String(honoHello.p99).padStart(9)}${(honoHello.rps / baseline.rps).toFixed(2).padStart(8)}${''.padStart(8)}  ${honoHello.errors}`);
  let missed = 0;
  for (const row of rows) {
    const ratio = row.rps / baseline.rps;
    const target = targets[row.name]!;
    if (ratio < target || row.errors) missed++;
    console.log(
      `${row.name.padEnd(38)}${row.rps.toFixed(0).padStart(10)}${String(row.p99).padStart(9)}${ratio.toFixed(2).padStart(8)}${`≥${target}`.padStart(8)}  ${row.errors}${ratio < target ? '  below target' : ''}`,
    );
  }
  if (missed) process.exitCode = 1;
} finally {
  bare.stop();
  hono.stop();
  await server.stop();
}
