// Starts the real production server (`npm start`'s entry) on a free port with its own
// temporary data directory, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM, wait for exit; removes the data dir unless `keepData`. Resolves to the exit code. */
  stop: (options?: { keepData?: boolean }) => Promise<number | null>;
}

const root = new URL('../../', import.meta.url);

export interface StartOptions {
  env?: Record<string, string>;
  /** Run the server on this CPU only (taskset), for benchmarks. */
  cpu?: number;
  /** Reuse a data directory (e.g. to test a restart). */
  dataDir?: string;
  /** Run the server of a copy made by `copyOfProject`, not of this checkout. */
  root?: string;
}

/**
 * The server's code, content and build copied to a temporary directory (node_modules
 * linked), for tests that change the build under a running server: this checkout's
 * dist/ stays as it was. Remove the directory afterwards.
 */
export function copyOfProject(): string {
  const here = fileURLToPath(root);
  const copy = mkdtempSync(join(tmpdir(), 'wenda-copy-'));
  for (const part of ['src', 'content', 'dist', 'package.json']) cpSync(join(here, part), join(copy, part), { recursive: true });
  symlinkSync(realpathSync(join(here, 'node_modules')), join(copy, 'node_modules'));
  return copy;
}

/** Spawns the server entry; resolves with its exit code and output if it stops by itself. */
export function spawnServer(env: Record<string, string>, cpu?: number, projectRoot: string | URL = root) {
  const command: [string, string[]] = cpu === undefined ? [process.execPath, ['src/server/main.ts']] : ['taskset', ['-c', String(cpu), process.execPath, 'src/server/main.ts']];
  const child = spawn(command[0], command[1], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WENDA_WRITE_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function startServer({ env = {}, dataDir = mkdtempSync(join(tmpdir(), 'wenda-test-')), cpu, root: projectRoot }: StartOptions = {}): Promise<RunningServer> {
  const { child, output, exited } = spawnServer({ WENDA_DATA_DIR: dataDir, ...env }, cpu, projectRoot);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output()}`)), 20_000);
    const poll = setInterval(() => {
      const match = /http:\/\/[\w.:[\]-]+/.exec(output());
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[0]);
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output()}`));
    });
  });
  return {
    url,
    dataDir,
    process: child,
    output,
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
