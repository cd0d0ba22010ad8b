// What only the server process shows: stopping on SIGTERM (under npm too), a build on
// disk that changed, and start-up errors that name what to fix.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../../src/store/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { descendantPids, isRunning } from '../support/processes.ts';
import { copyOfProject, spawnServer } from '../support/server.ts';
import { getJson, sample, useServerFixtures } from '../support/api-server.ts';

const fx = useServerFixtures();
const { start, tempDir } = fx;

describe('the server process', { timeout: 30_000 }, () => {
  test('SIGTERM stops the server cleanly', async () => {
    const server = await start();
    expect(await server.stop()).toBe(0);
    fx.servers = [];
    expect(server.output()).toContain('SIGTERM');
  });

  test('npm start stops on a SIGTERM sent to npm alone (as Docker, pm2 and supervisord send it), and frees the port', async () => {
    const { spawn } = await import('node:child_process');
    const npm = spawn('npm', ['start'], {
      cwd: new URL('../../', import.meta.url),
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WENDA_DATA_DIR: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const npmExited = new Promise((resolve) => npm.once('exit', resolve));
    let pids: number[] = [];
    try {
      await expect.poll(() => /Wenda 已启动：(http:\S+)/.exec(output)?.[1], { timeout: 20_000, interval: 50 }).toBeTruthy();
      const url = /Wenda 已启动：(http:\S+)/.exec(output)![1]!;
      pids = descendantPids(npm.pid!);
      expect(pids.length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await npmExited;
      await expect.poll(() => pids.filter(isRunning), { timeout: 10_000, interval: 100 }).toEqual([]);
      expect(output).toContain('收到 SIGTERM');
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      // Whatever the outcome, nothing this test started keeps running.
      for (const pid of [npm.pid!, ...pids]) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  test('once the build on disk changes (npm run build), pages and health answer a 503 asking for a restart, logged once; the rest of the API carries on', async () => {
    const root = copyOfProject();
    fx.temps.push(root);
    const server = await start({}, undefined, root);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    // A rebuild names the page chunks anew; Astro loads the operator page's only when first asked.
    const entry = readFileSync(join(root, 'dist/server/entry.mjs'), 'utf8');
    const pageVar = /\["src\/pages\/admin\/index\.astro", (\w+)\]/.exec(entry)?.[1];
    const chunk = new RegExp(`var ${pageVar} = \\(\\) => import\\("\\./(chunks/[^"]+)"\\)`).exec(entry)?.[1];
    expect(chunk).toBeTruthy();
    renameSync(join(root, 'dist/server', chunk!), join(root, 'dist/server', `${chunk}.old`));

    for (const path of ['/admin/', '/admin/', '/', '/faq/change-administrator/']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).toMatch(/重新构建[\s\S]*重启/);
    }
    // Health says so too (its last check is trusted for a second), so a load balancer takes
    // the server out and a monitor raises the alarm; the rest of the API carries on.
    await expect.poll(async () => (await fetch(`${server.url}/api/v1/health`)).status, { timeout: 3000, interval: 200 }).toBe(503);
    expect((await getJson(server, '/health')).error.code).toBe('restart_needed');
    expect((await getJson(server, '/robot-quota/price-list')).currency).toBe('CNY');
    const logged = server.output().split('\n').filter((line) => line.includes('重新构建'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('重启');
    expect(server.output()).not.toMatch(/ERR_MODULE_NOT_FOUND|\n\s+at .+:\d+:\d+/);
  });

  test('SIGTERM with a request still open: says at once it waits at most 10 s, and at 10 s that it gave up', async () => {
    const server = await start();
    const { connect } = await import('node:net');
    // A write whose body never finishes arriving keeps its request in progress.
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    socket.on('error', () => {});
    await new Promise((resolve) => socket.write('POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"page"', resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = Date.now();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await expect.poll(() => server.output(), { timeout: 2000, interval: 50 }).toContain('最多等 10 秒');
    expect(server.output()).not.toContain('强制退出');
    expect(await exited).toBe(1);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(9_500);
    expect(server.output()).toContain('等了 10 秒仍有请求未完成，强制退出。');
    expect(server.output()).not.toContain('秒后强制退出');
    socket.destroy();
  });

});

describe('start-up errors name what to fix', { timeout: 30_000 }, () => {
  test.each([
    {
      // Root may write anywhere, so the directory is made impossible: it would sit under a file.
      name: 'a data directory that cannot be written',
      env: () => {
        const file = join(tempDir(), 'not-a-directory');
        writeFileSync(file, '');
        return { WENDA_DATA_DIR: join(file, 'data') };
      },
      expected: ['not-a-directory/data', '不可写'],
    },
    {
      name: 'a price list with a bad field',
      env: () => {
        const file = join(tempDir(), 'bad.json');
        writeFileSync(file, JSON.stringify({ ...sample, packs: [{ ...sample.packs[0], price: -1 }] }));
        return { WENDA_PRICE_LIST: file };
      },
      expected: ['packs[0].price'],
    },
    { name: 'a bad environment variable', env: () => ({ WENDA_WRITE_RATE_LIMIT: 'lots' }), expected: ['WENDA_WRITE_RATE_LIMIT'] },
    // The server reads the site's address from the site config, checked as at build.
    { name: 'a bad site address', env: () => ({ WENDA_SITE_URL: 'help.example.com' }), expected: ['WENDA_SITE_URL', 'http'] },
  ])('$name', async ({ env, expected }) => {
    const { exited, output } = spawnServer({ WENDA_DATA_DIR: tempDir(), ...env() });
    expect(await exited).toBe(1);
    for (const text of expected) expect(output()).toContain(text);
    expect(output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  /** Starts the server and expects it to stop with exactly one line that contains `expected`. */
  async function expectOneLineFailure(env: Record<string, string>, expected: string[]) {
    const { child, exited, output } = spawnServer({ WENDA_DATA_DIR: tempDir(), ...env });
    try {
      const stillRunning = new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000));
      expect(await Promise.race([exited, stillRunning]), output()).toBe(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const lines = output().trim().split('\n');
    expect(lines, output()).toHaveLength(1);
    for (const text of expected) expect(lines[0]).toContain(text);
  }

  test('a port already in use: the port and PORT are named', async () => {
    const { createServer } = await import('node:net');
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = String((holder.address() as { port: number }).port);
    try {
      await expectOneLineFailure({ PORT: port }, [`端口 ${port}`, 'PORT']);
    } finally {
      holder.close();
    }
  });

  test.each([
    { name: 'a HOST that cannot be resolved', host: 'wenda-no-such-host.invalid' },
    { name: 'a HOST that is not an address of this machine', host: '192.0.2.1' },
  ])('$name: HOST is named', async ({ host }) => {
    await expectOneLineFailure({ HOST: host }, ['HOST', host]);
  });

  test('a data file that is not a SQLite database: the file is named and left as it was', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'wenda.db');
    const content = 'not a database, just some text someone saved here\n'.repeat(200);
    writeFileSync(file, content);
    await expectOneLineFailure({ WENDA_DATA_DIR: dataDir }, [file, '不是 SQLite 数据库', '没有改动']);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(readdirSync(dataDir)).toEqual(['wenda.db']);
  });

  test('a database written by a newer Wenda (a schema version this build does not know) is refused', async () => {
    const dataDir = tempDir();
    const store = openSqliteStore(dataDir);
    store.close();
    const { DatabaseSync } = await import('node:sqlite');
    const newer = migrations.at(-1)!.version + 1;
    const db = new DatabaseSync(join(dataDir, 'wenda.db'));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(newer, 'from the future', new Date().toISOString());
    db.close();
    await expectOneLineFailure({ WENDA_DATA_DIR: dataDir }, [join(dataDir, 'wenda.db'), `结构版本是 ${newer}`]);
  });
});
