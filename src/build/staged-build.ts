// `npm run build`: `astro build` into a staging directory, and dist/ replaced by it only
// once the whole build succeeded (pages, search index, link check). A build that fails
// midway leaves dist/ exactly as it was, so a restart never ships a half-written or
// rejected site. The swap is two renames in the project directory (same file system),
// not a copy; the old build is deleted after.
//
// The built server finds its client files relative to dist/server/entry.mjs
// (@astrojs/node's resolveClientDir), so a build made in .dist-staging/ runs from dist/.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompressBuild } from './precompress.ts';

/** Where the build is written before it replaces dist/. */
export const STAGING_DIR = '.dist-staging';
/** Where the replaced build sits between the two renames, until it is deleted. */
export const OLD_DIR = '.dist-old';

/** True for anything at `path`, a dangling symlink included. */
const present = (path: string) => lstatSync(path, { throwIfNoEntry: false }) !== undefined;

export interface StagedBuildResult {
  ok: boolean;
  /** One line for the operator, in Chinese. */
  message: string;
}

/**
 * Runs `build` with a fresh staging directory (absolute path) for its output, and moves
 * that to `<root>/dist` when `build` resolves true and the output holds a server entry
 * and client files. Otherwise removes the staging directory and leaves dist/ alone.
 */
export async function stagedBuild(root: string, build: (outDir: string) => Promise<boolean>): Promise<StagedBuildResult> {
  const dist = join(root, 'dist');
  const staging = join(root, STAGING_DIR);
  const old = join(root, OLD_DIR);

  // A swap stopped between its renames (power cut, kill -9) left the last good build in
  // .dist-old/ and no dist/: put it back before anything else.
  if (!present(dist) && present(old)) await rename(old, dist);
  await rm(old, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });

  const hadDist = present(dist);
  const unchanged = hadDist ? 'dist/ 保持不变（仍是上次成功的构建）' : '没有写出 dist/';
  const failed = async (what: string): Promise<StagedBuildResult> => {
    await rm(staging, { recursive: true, force: true });
    return { ok: false, message: `${what}，${unchanged}。` };
  };

  let built: boolean;
  try {
    built = await build(staging);
  } catch {
    built = false;
  }
  if (!built) return failed('构建失败');
  if (!existsSync(join(staging, 'server/entry.mjs')) || !existsSync(join(staging, 'client'))) {
    return failed(`构建结束了，但 ${STAGING_DIR}/ 里没有 server/entry.mjs 或 client/`);
  }

  if (hadDist) {
    try {
      await rename(dist, old);
    } catch (error) {
      return { ok: false, message: `构建成功，但无法移走旧的 dist/（${(error as Error).message}）：dist/ 保持不变，新构建留在 ${STAGING_DIR}/。` };
    }
  }
  try {
    await rename(staging, dist);
  } catch (error) {
    if (hadDist) await rename(old, dist);
    return { ok: false, message: `构建成功，但无法把 ${STAGING_DIR}/ 改名为 dist/（${(error as Error).message}）：dist/ 保持不变，新构建留在 ${STAGING_DIR}/。` };
  }
  try {
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    return { ok: true, message: `构建完成，dist/ 已换成新构建；旧构建 ${OLD_DIR}/ 未能删除（${(error as Error).message}），下次构建时再删。` };
  }
  return { ok: true, message: 'dist/ 已换成这次的构建。' };
}

/** `astro build --outDir <outDir>` with the given extra arguments; true when it exits 0. */
function astroBuild(root: string, args: readonly string[], outDir: string): Promise<boolean> {
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', ...args, '--outDir', outDir], { cwd: root, stdio: 'inherit' });
  // Ctrl-C reaches the child from the terminal; a signal sent to this process alone
  // (a process manager's SIGTERM) is passed on. Either way the staging dir is removed.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.once('error', () => resolve(false));
    child.once('exit', (code) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code === 0);
    });
  });
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const args = process.argv.slice(2);
  if (args.some((arg) => /^--outDir\b/i.test(arg))) {
    console.error('npm run build 总是先构建到临时目录、成功后再替换 dist/，不接受 --outDir；要别的目录请直接用 npm exec -- astro build --outDir …');
    process.exit(2);
  }
  const { ok, message } = await stagedBuild(root, async (outDir) => (await astroBuild(root, args, outDir)) && precompressBuild(outDir));
  (ok ? console.log : console.error)(message);
  process.exitCode = ok ? 0 : 1;
}
