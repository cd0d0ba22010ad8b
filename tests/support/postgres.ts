// A PostgreSQL server of the tests' own: Debian's PostgreSQL 15 binaries, a temporary
// data directory, a free port on 127.0.0.1 and the unix socket in the same temporary
// directory. initdb and pg_ctl refuse to run as root, so as root they run as the
// `postgres` user (runuser). Durability is switched off (fsync, synchronous_commit):
// the tests need speed, not a database that survives a power cut. One server serves a
// whole test run (tests/support/postgres-global-setup.ts); a test that stops and
// restarts its database starts one of its own, from a copy of the run's initdb
// (initTemplate) rather than a new one.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);
export const PG_BIN = '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as `postgres` when this process is root. */
async function pgRun(program: string, args: string[]) {
  const [command, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, program), ...args]] : [join(PG_BIN, program), args];
  try {
    return await run(command, full, { timeout: 60_000 });
  } catch (error) {
    const e = error as Error & { stderr?: string; stdout?: string };
    throw new Error(`${program} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** A port nothing listens on just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface TestPostgres {
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (trust authentication). */
  url(database?: string): string;
  /** A new empty database, named uniquely; its URL. */
  createDatabase(prefix?: string): Promise<string>;
  /** Stops the server (fast shutdown: connections are cut); its data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
}

let databases = 0;

/** A new empty database on the server at `serverUrl` (the shared one: inject('postgresUrl')); its URL. */
export async function createTestDatabase(serverUrl: string, prefix = 'wenda'): Promise<string> {
  const name = `${prefix}_${process.pid}_${++databases}_${Date.now() % 1e6}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** A temporary directory PostgreSQL's user may write (and others may not read). */
function serverDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wenda-pg-'));
  if (asRoot) chownSync(dir, uid('postgres'), gid('postgres'));
  chmodSync(dir, 0o700);
  return dir;
}

/**
 * A fresh cluster's data directory (initdb), to start servers from by copying it: initdb
 * takes seconds, a copy a fraction of one. Remove its parent directory afterwards.
 */
export async function initTemplate(): Promise<string> {
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL 15 is not installed (${PG_BIN}/initdb): .ci/run installs the postgresql package.`);
  const data = join(serverDir(), 'data');
  await pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  return data;
}

/**
 * pg_ctl start on a copy of `template` (initTemplate; a new one when not given);
 * resolves when the server accepts connections.
 */
export async function startTestPostgres({ template, durable = false }: { template?: string; durable?: boolean } = {}): Promise<TestPostgres> {
  const dir = serverDir();
  const data = join(dir, 'data');
  if (template) await run('cp', ['-a', template, data]);
  else await pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    // A benchmark keeps PostgreSQL's durability (each commit flushed, as SQLite's are); tests need none.
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    '-c max_connections=200',
    '-c shared_buffers=32MB',
  ].join(' ');
  const start = () => pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']).then(() => undefined);
  const stop = () => pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).then(() => undefined);
  await start();
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let running = true;
  return {
    port,
    url,
    createDatabase: (prefix) => createTestDatabase(url(), prefix),
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => {});
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A user's or group's number (`id` is in every Debian; the user comes with the postgresql package). */
const idOf = (flag: '-u' | '-g', name: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
const uid = (name: string) => idOf('-u', name);
const gid = (name: string) => idOf('-g', name);
