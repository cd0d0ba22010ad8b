// `npm run backup` while the built server takes writes, and a restore from its file into
// a fresh data directory: every write acknowledged before the backup started is there.
// And the command's answers to wrong arguments: a message, exit code 1, no stack trace.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { integrityOf, missingFrom, noneAcknowledged, writeLoad, type Acknowledged } from './acknowledged-writes.ts';

const root = new URL('../../', import.meta.url);
let servers: RunningServer[] = [];
let temps: string[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
  servers = [];
  temps = [];
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wenda-backup-'));
  temps.push(dir);
  return dir;
};
const start = async (dataDir: string) => {
  const server = await startServer({ dataDir, env: { WENDA_WRITE_RATE_LIMIT: '0' } });
  servers.push(server);
  return server;
};

/** A data directory with a store holding a quote, the server not running. */
function storeWithData() {
  const dir = tempDir();
  const store = openSqliteStore(dir);
  void store.saveQuote({ input: { robots: 1 }, estimate: { totalCost: 1 }, priceListVersion: 'v1' });
  store.close();
  return dir;
}

/** Runs `npm run backup -- …args` as an operator would (npm sets INIT_CWD to where it was run). */
function backupCommand(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['src/cli/backup.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const copyOf = (acked: Acknowledged): Acknowledged => {
  const copy = noneAcknowledged();
  for (const [table, ids] of Object.entries(acked.ids)) copy.ids[table as keyof Acknowledged['ids']].push(...ids);
  return copy;
};

describe('backup and restore', () => {
  test('a backup taken during writes restores into a fresh data directory with every write acknowledged before it', { timeout: 60_000 }, async () => {
    const server = await start(tempDir());
    const acked = noneAcknowledged();
    const load = writeLoad(() => server.url, acked, 8);
    while (acked.count() < 60) await new Promise((resolve) => setTimeout(resolve, 50));
    const before = copyOf(acked);
    const file = join(tempDir(), 'wenda-backup.db');
    const result = await backupCommand([file], { WENDA_DATA_DIR: server.dataDir });
    const duringBackup = acked.count() - before.count();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await load.stop();
    expect(result.output).toMatch(/^已备份到 .*wenda-backup\.db（[\d.]+ MB，用时 [\d.]+ 秒；.*quotes \d+ 行/);
    expect(result.code).toBe(0);
    expect(load.refused()).toBe(0);
    // The server went on writing while the copy was made.
    expect(duringBackup).toBeGreaterThan(0);
    // One self-contained file: nothing beside it.
    expect(readdirSync(join(file, '..'))).toEqual(['wenda-backup.db']);

    // Restore, as docs/operating/backup-and-restore.md says: the file becomes wenda.db of a data directory.
    const restored = tempDir();
    copyFileSync(file, join(restored, 'wenda.db'));
    const again = await start(restored);
    expect(await (await fetch(`${again.url}/api/v1/health`)).json()).toMatchObject({ status: 'ok' });
    const quote = before.ids.quotes[0]!;
    expect((await fetch(`${again.url}/api/v1/robot-quota/quotes/${quote}`)).status).toBe(200);
    expect(integrityOf(join(restored, 'wenda.db'))).toBe('ok');
    expect(missingFrom(join(restored, 'wenda.db'), before)).toEqual({ quotes: [], feedback: [], diagnostics_reports: [] });
    // And the restored store takes writes.
    const res = await fetch(`${again.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ page: '/faq/change-administrator/', helpful: true }),
    });
    expect(res.status).toBe(201);
  });

  test('wrong arguments get a message naming the problem, exit code 1 and no stack trace; nothing is written', async () => {
    const dataDir = storeWithData();
    const out = tempDir();
    const existing = join(out, 'taken.db');
    writeFileSync(existing, 'not mine to overwrite');
    const notDb = tempDir();
    writeFileSync(join(notDb, 'wenda.db'), 'a text file, not SQLite');
    const cases: [string[], Record<string, string>, RegExp][] = [
      [[], { WENDA_DATA_DIR: dataDir }, /没有给出备份文件/],
      [['a.db', 'b.db'], { WENDA_DATA_DIR: dataDir }, /只能给一个备份文件/],
      [[existing], { WENDA_DATA_DIR: dataDir }, /taken\.db 已经存在，没有覆盖它/],
      [[join(out, 'x.db')], { WENDA_DATA_DIR: join(out, 'missing') }, /数据目录 .*missing 不存在/],
      [[join(out, 'x.db')], { WENDA_DATA_DIR: out }, /里没有 wenda\.db/],
      [[join(out, 'no-such-dir', 'x.db')], { WENDA_DATA_DIR: dataDir }, /备份要放的目录 .*no-such-dir 不存在/],
      [[join(out, 'y.db')], { WENDA_DATA_DIR: notDb }, /wenda\.db 不是 SQLite 数据库/],
    ];
    const answers = await Promise.all(cases.map(([args, env]) => backupCommand(args, env)));
    answers.forEach(({ code, output }, i) => {
      expect(output, cases[i]![0].join(' ')).toMatch(cases[i]![2]);
      expect(output).not.toMatch(/\n\s+at /);
      expect(code).toBe(1);
    });
    expect(readdirSync(out).sort()).toEqual(['taken.db']);
    expect(existsSync(join(dataDir, 'wenda.db'))).toBe(true);
  });

  test('a relative file is taken from the directory npm was run in', async () => {
    const dataDir = storeWithData();
    const cwd = tempDir();
    const { code, output } = await backupCommand(['relative.db'], { WENDA_DATA_DIR: dataDir, INIT_CWD: cwd });
    expect(output).toContain(join(cwd, 'relative.db'));
    expect(code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['relative.db']);
  });
});
