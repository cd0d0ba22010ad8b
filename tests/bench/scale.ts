// `npm run bench:scale -- N [--markdown] [--dev] [--dev-only] [--keep]`: builds a help center of N generated
// articles (tests/bench/corpus.ts) in a throw-away copy of the project and prints:
// wall time per build phase (src/build/staged-build.ts), the peak memory of the whole
// process tree of the build (Astro, Pagefind and the rest, summed, sampled from /proc),
// dist/ size, the largest pages and the page budget (gzipped HTML ≤ 30 KB each), the
// search payloads (tests/bench/search-transfer.ts) against the built server.
// --dev also measures `astro dev`: how long until it serves an article, and how long an
// edit to an article takes to show (--dev-only: without the build). --markdown writes
// the articles as plain Markdown (.md, Callouts as quotes) instead of MDX, to compare
// Astro's per-entry cost. --keep leaves the copy (its path is printed).
// The real content/ is only read.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateCorpus, projectCopy } from './corpus.ts';
import { PAGE_HTML_BUDGET as PAGE_BUDGET } from './built-files.ts';
import { descendantPids } from '../support/processes.ts';
import { startServer } from '../support/server.ts';
import { PHASE_NAMES, type BuildPhases } from '../../src/build/staged-build.ts';
import { formatSearchTransfer, measureSearchTransfer, withinBudget } from './search-transfer.ts';


const PAGE_SIZE_BYTES = 4096;
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Resident memory of a process in bytes, 0 once it is gone. */
function rss(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE_BYTES;
  } catch {
    return 0;
  }
}

/** A process's program, by the script it runs when it is node: `astro.mjs build`, `pagefind_extended`. */
const commandOf = (pid: number) => {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const name = (arg = '') => arg.slice(arg.lastIndexOf('/') + 1);
    return name(argv[0]) === 'node' ? `${name(argv[1])} ${argv[2] ?? ''}`.trim() : name(argv[0]);
  } catch {
    return '?';
  }
};

/**
 * Samples the memory of `pid` and its descendants every `every` ms: the peak of their
 * sum, and each command's own peak.
 */
function sampleTree(pid: number, every = 250) {
  let peak = 0;
  const perCommand = new Map<string, number>();
  const sample = () => {
    const pids = [pid, ...descendantPids(pid)];
    let sum = 0;
    for (const p of pids) {
      const bytes = rss(p);
      sum += bytes;
      const name = commandOf(p);
      if (bytes > (perCommand.get(name) ?? 0)) perCommand.set(name, bytes);
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(sample, every);
  return {
    stop() {
      clearInterval(timer);
      return { peak, perCommand };
    },
  };
}

/** Starts `command` in `dir`, sampling the memory of its process tree and keeping its output. */
function spawnWatched(dir: string, command: string, args: string[]) {
  const child = spawn(command, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleTree(child.pid!);
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return { child, sampler, log: () => log };
}

/** Runs `npm run build` in `dir` (its staged build); resolves with the exit code. */
function build(dir: string, timings: string) {
  const started = performance.now();
  // GNU time, when there, adds the CPU seconds of every process of the build (a figure
  // the other load on a shared machine changes less than the wall time).
  const cpuFile = `${timings}.cpu`;
  const command: [string, string[]] = existsSync('/usr/bin/time')
    ? ['/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, process.execPath, 'src/build/staged-build.ts', `--timings=${timings}`]]
    : [process.execPath, ['src/build/staged-build.ts', `--timings=${timings}`]];
  const { child, sampler, log } = spawnWatched(dir, ...command);
  return new Promise<{ code: number | null; wall: number; cpu: number | undefined; memory: ReturnType<typeof sampler.stop>; log: string }>((resolve) => {
    child.once('close', (code) => {
      const cpu = existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').reduce((sum, s) => sum + Number(s), 0) : undefined;
      resolve({ code, wall: performance.now() - started, cpu: Number.isFinite(cpu) ? cpu : undefined, memory: sampler.stop(), log: log() });
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** `astro dev` on the copy: time to serve an article, then time for an edit of it to show. */
async function measureDev(dir: string, slug: string) {
  const started = performance.now();
  const { child, sampler, log } = spawnWatched(dir, process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1']);
  const until = async <T>(what: string, check: () => Promise<T | undefined>, limitMs: number): Promise<T> => {
    const deadline = performance.now() + limitMs;
    while (performance.now() < deadline) {
      const value = await check().catch(() => undefined);
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`astro dev: ${what} not within ${limitMs / 1000} s\n${log().slice(-2000)}`);
  };
  try {
    const base = await until('a local URL', async () => /http:\/\/127\.0\.0\.1:\d+/.exec(log())?.[0], 600_000);
    const listening = performance.now() - started;
    const page = `${base}/faq/${slug}/`;
    const get = async () => {
      const res = await fetch(page);
      return res.ok ? await res.text() : undefined;
    };
    await until('the article page', get, 600_000);
    const firstPage = performance.now() - started;
    // A second request: what an author waits for once the server is warm.
    const warmStart = performance.now();
    await get();
    const warm = performance.now() - warmStart;
    const file = [`${slug}.mdx`, `${slug}.md`].map((f) => join(dir, 'content/faq', f)).find((f) => existsSync(f))!;
    const marker = `改过的标题${Date.now() % 100000}`;
    const edited = performance.now();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: "${marker}"`));
    await until('the edited title', async () => ((await get())?.includes(marker) ? true : undefined), 300_000);
    const editToVisible = performance.now() - edited;
    return { listening, firstPage, warm, editToVisible, peak: sampler.stop().peak };
  } finally {
    sampler.stop();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const dev = args.includes('--dev') || args.includes('--dev-only');
  const keep = args.includes('--keep');
  const buildToo = !args.includes('--dev-only');
  const markdown = args.includes('--markdown');

  const t0 = performance.now();
  const dir = projectCopy();
  const corpus = generateCorpus(dir, n, { markdown });
  console.log(`${n} ${markdown ? 'plain Markdown (.md)' : 'MDX'} articles in ${corpus.categories.length} generated categories, written to ${dir} in ${seconds(performance.now() - t0)}.`);

  try {
    if (buildToo) {
      const timings = join(dir, '.build-timings.json');
      const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      const { code, wall, cpu, memory, log } = await build(dir, timings);
      if (code !== 0) {
        console.error(log.slice(-6000));
        throw new Error(`the build failed (exit ${code})`);
      }
      const phases = JSON.parse(readFileSync(timings, 'utf8')) as BuildPhases;
      const loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      console.log(`\nBuild of ${n} articles: ${seconds(wall)} wall${cpu === undefined ? '' : `, ${cpu.toFixed(1)} s CPU (user + system, all processes)`}; load average before ${loadBefore}, after ${loadAfter}.`);
      for (const key of Object.keys(PHASE_NAMES) as (keyof BuildPhases)[]) {
        if (phases[key] !== undefined) console.log(`  ${key.padEnd(12)} ${phases[key]!.toFixed(1).padStart(7)} s`);
      }
      console.log(`Peak memory, all build processes together: ${gib(memory.peak)}`);
      for (const [command, bytes] of [...memory.perCommand].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`  ${gib(bytes).padStart(10)}  ${command}`);

      const dist = join(dir, 'dist');
      const client = join(dist, 'client');
      const all = filesUnder(dist);
      const total = all.reduce((sum, f) => sum + statSync(f).size, 0);
      const pagefindBytes = filesUnder(join(client, 'pagefind')).reduce((sum, f) => sum + statSync(f).size, 0);
      const html = all.filter((f) => f.startsWith(client) && f.endsWith('.html'));
      console.log(`\ndist/: ${mb(total)} in ${all.length} files (${html.length} HTML pages; search index ${mb(pagefindBytes)}).`);
      const pages = html.map((file) => {
        const bytes = readFileSync(file);
        return { page: `/${relative(client, file).replace(/index\.html$/, '')}`, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
      });
      pages.sort((a, b) => b.gz - a.gz);
      console.log(`Largest pages (HTML, gzipped; budget ${kb(PAGE_BUDGET)} each):`);
      for (const p of pages.slice(0, 8)) console.log(`  ${kb(p.gz).padStart(9)} ${kb(p.raw).padStart(10)} raw  ${p.page}`);
      const over = pages.filter((p) => p.gz > PAGE_BUDGET);
      console.log(over.length ? `${over.length} page(s) over the budget.` : `Every page within the budget.`);

      // ── Search payloads ────────────────────────────────────────────────────────
      // What the first and later searches transfer, in Chromium against the built server:
      // through the support API, and in the page as when the API does not answer. Then
      // what searching costs the server: its memory, and the API's time for a few queries
      // (the index loaded; each query searched once, then answered again from memory; none of
      // them searched before, by the transfer measures above).
      const server = await startServer({ root: dir });
      try {
        const memory = (field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
        const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
        const started = memory('VmRSS');
        const transfer = await measureSearchTransfer(server.url);
        console.log('\nSearch payloads, through the support API:');
        for (const line of formatSearchTransfer(transfer)) console.log(line);
        console.log(withinBudget(transfer) ? 'Search within its budgets.' : 'Search OVER its budgets.');
        console.log('\nSearch payloads in the page, the API not answering (no budget):');
        for (const line of formatSearchTransfer(await measureSearchTransfer(server.url, { inPage: true }))) console.log(line);
        console.log('\nThe server\'s search (GET /api/v1/search, limit 5): searched, then asked again (answered from memory):');
        const timed = async (query: string) => {
          const start = performance.now();
          const res = await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent(query)}&limit=5`);
          await res.arrayBuffer();
          return `${(performance.now() - start).toFixed(1)} ms`;
        };
        for (const query of ['机器人对话', '客户端下载', '怎么换管理员', '下崽', '发票怎么开', 'qwertyzxcv']) console.log(`  「${query}」 ${await timed(query)}, again ${await timed(query)}`);
        console.log(`  server memory (RSS): ${mib(started)} once started, ${mib(memory('VmRSS'))} after these searches, peak ${mib(memory('VmHWM'))}`);
      } finally {
        await server.stop();
      }
    }

    if (dev) {
      const slug = corpus.articles[Math.floor(corpus.articles.length / 2)]!.slug;
      const d = await measureDev(dir, slug);
      console.log(`\nastro dev with ${n} articles:`);
      console.log(`  listening after      ${seconds(d.listening)}`);
      console.log(`  first article served ${seconds(d.firstPage)} after start`);
      console.log(`  article, warm        ${seconds(d.warm)}`);
      console.log(`  edit to visible      ${seconds(d.editToVisible)} (title changed in the article's file, page fetched until it shows)`);
      console.log(`  peak memory          ${gib(d.peak)}`);
    }
  } finally {
    if (keep) console.log(`\nKept ${dir}.`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
