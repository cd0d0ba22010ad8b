// `npm run bench:pages`: for every built page, the gzipped bytes of its HTML, its CSS
// and the JS it loads before any interaction (module scripts, their static imports and
// client:load islands; client:visible islands load later). Article pages are held to
// the budget below, and every page to PAGE_HTML_BUDGET of HTML whatever the number of
// articles (npm run bench:scale checks it at 10,000). Run after a build.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PAGE_HTML_BUDGET, clientDir, gzipSize, gzipTotal, htmlFiles, kb, staticModuleGraph } from './built-files.ts';

const BUDGET = { html: 20 * 1024, css: 12 * 1024, js: 5 * 1024 };

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
    html: gzipSize(html),
    css: gzipTotal(css),
    js: gzipTotal(modules),
  };
}

const rows = htmlFiles().map(measure).sort((a, b) => a.page.localeCompare(b.page));
let over = 0;
console.log(`${'page'.padEnd(40)}${'HTML'.padStart(9)}${'CSS'.padStart(9)}${'JS'.padStart(9)}  budget for articles: ${kb(BUDGET.html)} / ${kb(BUDGET.css)} / ${kb(BUDGET.js)}; HTML of any page: ${kb(PAGE_HTML_BUDGET)}`);
for (const row of rows) {
  const isArticle = row.page.startsWith('/faq/');
  const fails = isArticle ? (['html', 'css', 'js'] as const).filter((k) => row[k] > BUDGET[k]) : row.html > PAGE_HTML_BUDGET ? ['html'] : [];
  if (fails.length) over++;
  const verdict = fails.length ? `over: ${fails.join(', ')}` : isArticle ? 'within' : '';
  console.log(`${row.page.padEnd(40)}${kb(row.html).padStart(9)}${kb(row.css).padStart(9)}${kb(row.js).padStart(9)}  ${verdict}`);
}
if (over) {
  console.error(`\n${over} page(s) over budget.`);
  process.exitCode = 1;
}
