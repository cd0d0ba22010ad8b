// `npm run build`: `astro build` into a staging directory, and dist/ replaced by it only
// once the whole build succeeded (pages, search index, link check). A build that fails
// midway leaves dist/ exactly as it was, so a restart never ships a half-written or
// rejected site. The swap is two renames in the project directory (same file system),
// not a copy; the old build is deleted after.
//
// The built server finds its client files relative to dist/server/entry.mjs
// (@astrojs/node's resolveClientDir), so a build made in .dist-staging/ runs from dist/.
//
// The search index is built here, once Astro's process has exited, not in Astro's
// build hook: Pagefind's binary then does not hold its memory alongside Astro's (at
// 10,000 articles the two together would pass 3 GB). The build prints how long each
// phase took (content sync, bundle, static pages, link check, search index), and writes
// the figures as JSON to the file given with `--timings=<file>` (npm run bench:scale).
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { OperatorError } from '../config/friendly-errors.ts';
import { buildSearchIndex, searchablePages, SEARCH_INDEX_AFTER_ASTRO } from '../integrations/pagefind.ts';
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

/** Seconds each phase of the build took, in the order they ran. */
export type BuildPhases = Partial<Record<'contentSync' | 'bundle' | 'staticPages' | 'linkCheck' | 'searchIndex' | 'precompress' | 'total', number>>;

export const PHASE_NAMES: Record<keyof BuildPhases, string> = {
  contentSync: '内容同步',
  bundle: '打包',
  staticPages: '静态页面',
  linkCheck: '链接检查',
  searchIndex: '搜索索引',
  precompress: '预压缩',
  total: '合计',
};

/**
 * Reads Astro's log as it is written, line by line, and notes when each phase ends:
 * content synced, static routes prerendering, prerendering done; the link check reports
 * its own time (src/integrations/link-check.ts).
 */
export function phaseClock(start = performance.now()) {
  const marks: { synced?: number; prerendering?: number; prerendered?: number } = {};
  const phases: BuildPhases = {};
  const seconds = (from: number, to: number) => Math.round((to - from) / 100) / 10;
  return {
    phases,
    line(text: string, now = performance.now()) {
      if (marks.synced === undefined && text.includes('[content] Synced content')) {
        marks.synced = now;
        phases.contentSync = seconds(start, now);
      } else if (marks.prerendering === undefined && text.includes('prerendering static routes')) {
        marks.prerendering = now;
        phases.bundle = seconds(marks.synced ?? start, now);
      } else if (marks.prerendering !== undefined && marks.prerendered === undefined && /✓ Completed in/.test(text)) {
        marks.prerendered = now;
        phases.staticPages = seconds(marks.prerendering, now);
      } else if (text.includes('[wenda:link-check]')) {
        const ms = /\((\d+) ms\)/.exec(text)?.[1];
        if (ms) phases.linkCheck = Math.round(Number(ms) / 100) / 10;
      }
    },
    seconds,
  };
}

/** One line for the log: 构建用时：内容同步 3.1 s · 打包 10.2 s … */
export const phasesLine = (phases: BuildPhases) =>
  `构建用时：${(Object.keys(PHASE_NAMES) as (keyof BuildPhases)[])
    .filter((k) => phases[k] !== undefined)
    .map((k) => `${PHASE_NAMES[k]} ${phases[k]!.toFixed(1)} s`)
    .join(' · ')}`;

/**
 * `astro build --outDir <outDir>` with the given extra arguments, its log passed through
 * and timed into `clock`; true when it exits 0. The search index is left to
 * {@link indexSearch}.
 */
function astroBuild(root: string, args: readonly string[], outDir: string, clock: ReturnType<typeof phaseClock>): Promise<boolean> {
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', ...args, '--outDir', outDir, SEARCH_INDEX_AFTER_ASTRO], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    createInterface({ input: from, crlfDelay: Infinity }).on('line', (text) => {
      clock.line(text);
      to.write(`${text}\n`);
    });
  }
  // Ctrl-C reaches the child from the terminal; a signal sent to this process alone
  // (a process manager's SIGTERM) is passed on. Either way the staging dir is removed.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.once('error', () => resolve(false));
    child.once('close', (code) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code === 0);
    });
  });
}

/** The search index over the pages built in `outDir`, checked (src/integrations/pagefind.ts); true when complete. */
/** Brotli and gzip copies of the built text files, last, so that the search index is among them. */
async function precompress(outDir: string, clock: ReturnType<typeof phaseClock>): Promise<boolean> {
  const started = performance.now();
  try {
    return await precompressBuild(outDir);
  } finally {
    clock.phases.precompress = clock.seconds(started, performance.now());
  }
}

async function indexSearch(root: string, outDir: string, clock: ReturnType<typeof phaseClock>): Promise<boolean> {
  const started = performance.now();
  const expected = searchablePages(join(root, 'content/faq'));
  try {
    const { indexed } = await buildSearchIndex(join(outDir, 'client'), expected);
    console.log(`[wenda:pagefind] Indexed ${indexed} pages (${expected.articles.length} articles, ${expected.tools.length} tool pages).`);
  } catch (error) {
    console.error(error instanceof OperatorError ? error.message : error);
    return false;
  } finally {
    clock.phases.searchIndex = clock.seconds(started, performance.now());
  }
  return true;
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const timingsFile = process.argv.find((arg) => arg.startsWith('--timings='))?.slice('--timings='.length);
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--timings='));
  if (args.some((arg) => /^--outDir\b/i.test(arg))) {
    console.error('npm run build 总是先构建到临时目录、成功后再替换 dist/，不接受 --outDir；要别的目录请直接用 npm exec -- astro build --outDir …');
    process.exit(2);
  }
  const started = performance.now();
  const clock = phaseClock(started);
  const { ok, message } = await stagedBuild(root, async (outDir) => (await astroBuild(root, args, outDir, clock)) && (await indexSearch(root, outDir, clock)) && (await precompress(outDir, clock)));
  clock.phases.total = clock.seconds(started, performance.now());
  console.log(phasesLine(clock.phases));
  if (timingsFile) writeFileSync(timingsFile, JSON.stringify(clock.phases));
  (ok ? console.log : console.error)(message);
  process.exitCode = ok ? 0 : 1;
}
