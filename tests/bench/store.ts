// `npm run bench:store` (after a build): write throughput and p99 latency of the two
// stored writes visitors make most (a feedback vote, a saved quote) through the built
// server, on SQLite with one process, and on PostgreSQL with one and with three
// processes, in the same run. PostgreSQL is a server of the benchmark's own
// (tests/support/postgres.ts) on this machine, with its durability on (every commit
// flushed, as SQLite's are). With three processes the load is split evenly over them
// (as a balancer would); their requests/s are added up, and the p99 shown is the worst
// of the three. The write limit is off. BENCH_SECONDS (default 5) per row,
// BENCH_CONNECTIONS (default 30) in all.
import autocannon from 'autocannon';
import { startTestPostgres } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 30);

const WRITES = [
  { name: 'feedback vote', path: '/api/v1/feedback', body: JSON.stringify({ page: '/faq/change-administrator/', helpful: true, comment: '步骤清楚，谢谢' }) },
  { name: 'saved quote', path: '/api/v1/robot-quota/quotes', body: JSON.stringify({ robots: 3, monthlyConversations: 120_000 }) },
];

interface Row {
  setup: string;
  write: string;
  rps: number;
  p99: number;
  errors: number;
}

async function load(servers: RunningServer[], path: string, body: string) {
  const per = Math.max(1, Math.round(CONNECTIONS / servers.length));
  const results = await Promise.all(
    servers.map((s) =>
      autocannon({ url: `${s.url}${path}`, method: 'POST', connections: per, duration: SECONDS, headers: { 'content-type': 'application/json' }, body }),
    ),
  );
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}

async function measure(setup: string, servers: RunningServer[], rows: Row[]) {
  for (const w of WRITES) {
    // A second's warm-up (connections, the pool, JIT), not counted.
    await autocannon({ url: `${servers[0]!.url}${w.path}`, method: 'POST', connections: 5, duration: 1, headers: { 'content-type': 'application/json' }, body: w.body });
    const r = await load(servers, w.path, w.body);
    rows.push({ setup, write: w.name, ...r });
    console.error(`  ${setup}, ${w.name}: ${r.rps.toFixed(0)}/s, p99 ${r.p99} ms`);
  }
}

const rows: Row[] = [];
console.error(`bench:store: ${SECONDS} s per row, ${CONNECTIONS} connections`);

const sqlite = await startServer();
try {
  await measure('SQLite, 1 process', [sqlite], rows);
} finally {
  await sqlite.stop();
}

const pg = await startTestPostgres({ durable: true });
try {
  const one = await startServer({ env: { WENDA_DATABASE_URL: await pg.createDatabase('bench') } });
  try {
    await measure('PostgreSQL, 1 process', [one], rows);
  } finally {
    await one.stop();
  }
  const url = await pg.createDatabase('bench');
  const three: RunningServer[] = [];
  try {
    for (let i = 0; i < 3; i++) three.push(await startServer({ env: { WENDA_DATABASE_URL: url } }));
    await measure('PostgreSQL, 3 processes', three, rows);
  } finally {
    await Promise.all(three.map((s) => s.stop()));
  }
} finally {
  await pg.destroy();
}

console.log(`\n| setup | write | writes/s | p99 (ms) | errors |\n| --- | --- | ---: | ---: | ---: |`);
for (const r of rows) console.log(`| ${r.setup} | ${r.write} | ${r.rps.toFixed(0)} | ${r.p99} | ${r.errors} |`);
console.log(`\n${new Date().toISOString().slice(0, 10)}, ${(await import('node:os')).cpus().length} cores; PostgreSQL 15 on the same machine.`);
