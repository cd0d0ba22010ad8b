// `npm run bench:pages`: for every built page, the gzipped bytes of its HTML, its CSS
// and the JS it loads before any interaction (module scripts, their static imports and
// client:load islands). Article pages are held to the budget below. Run after a build.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = { html: 20 * 1024, css: 12 * 1024, js: 5 * 1024 };
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url));

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const read = (urlPath: string) => readFileSync(join(clientDir, urlPath.split('?')[0]!));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** A module and every module it imports statically (dynamic `import()` is left out). */
function staticModuleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = read(entry).toString();
  const base = entry.slice(0, entry.lastIndexOf('/') + 1);
  for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']/g)) {
    const spec = match[1]!;
    const resolved = spec.startsWith('/') ? spec : new URL(spec, `http://x${base}`).pathname;
    staticModuleGraph(resolved, seen);
  }
  return seen;
}

function measure(file: string) {
  const html = readFileSync(file, 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const entries = [
    ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<astro-island[^>]+client="load"[^>]*>/g)].flatMap((m) =>
      [...m[0].matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((u) => u[1]!),
    ),
  ];
  const modules = new Set<string>();
  for (const entry of entries) for (const m of staticModuleGraph(entry)) modules.add(m);
  return {
    page: '/' + relative(clientDir, file).replace(/index\.html$/, ''),
    html: gz(html),
    css: css.reduce((sum, href) => sum + gz(read(href)), 0),
    js: [...modules].reduce((sum, path) => sum + gz(read(path)), 0),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
const rows = htmlFiles(clientDir).map(measure).sort((a, b) => a.page.localeCompare(b.page));
let over = 0;
console.log(`${'page'.padEnd(44)}${'HTML'.padStart(9)}${'CSS'.padStart(9)}${'JS'.padStart(9)}  budget (articles: ${kb(BUDGET.html).trim()} / ${kb(BUDGET.css).trim()} / ${kb(BUDGET.js).trim()})`);
for (const row of rows) {
  const isArticle = row.page.startsWith('/faq/');
  const fails = isArticle ? (['html', 'css', 'js'] as const).filter((k) => row[k] > BUDGET[k]) : [];
  over += fails.length ? 1 : 0;
  const verdict = isArticle ? (fails.length ? `over: ${fails.join(', ')}` : 'within') : '';
  console.log(`${row.page.padEnd(44)}${kb(row.html)}${kb(row.css)}${kb(row.js)}  ${verdict}`);
}
if (over) {
  console.error(`\n${over} article page(s) over budget.`);
  process.exitCode = 1;
}
