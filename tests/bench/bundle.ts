// `npm run bench:bundle`: each island's JS, gzipped: its component module, the Preact
// renderer and everything they import statically (Preact counted once per island, as a
// visitor downloads it once). Run after a build.
import { readFileSync } from 'node:fs';
import { gzipTotal, htmlFiles, kb, staticModuleGraph } from './built-files.ts';

/** Islands held to a budget, by component file name. */
const BUDGETS: Record<string, number> = { RobotQuotaCalculator: 25 * 1024, DownloadChooser: 25 * 1024, WidgetPreview: 25 * 1024, DiagnosticsTool: 30 * 1024 };

const islands = new Map<string, { renderer: string; pages: number }>();
for (const file of htmlFiles()) {
  for (const tag of readFileSync(file, 'utf8').matchAll(/<astro-island[^>]*>/g)) {
    const component = /component-url="([^"]+)"/.exec(tag[0])?.[1];
    const renderer = /renderer-url="([^"]+)"/.exec(tag[0])?.[1];
    if (!component || !renderer) continue;
    const known = islands.get(component);
    islands.set(component, { renderer, pages: (known?.pages ?? 0) + 1 });
  }
}

let over = 0;
console.log(`${'island'.padEnd(34)}${'own JS'.padStart(10)}${'with Preact'.padStart(13)}  pages  budget`);
for (const [component, { renderer, pages }] of [...islands].sort()) {
  const name = /\/([A-Za-z]+)\.[\w-]+\.js$/.exec(component)?.[1] ?? component;
  const rendererGraph = staticModuleGraph(renderer);
  const componentGraph = staticModuleGraph(component);
  const own = gzipTotal([...componentGraph].filter((m) => !rendererGraph.has(m)));
  const total = gzipTotal(new Set([...componentGraph, ...rendererGraph]));
  const budget = BUDGETS[name];
  if (budget && total > budget) over++;
  console.log(
    `${name.padEnd(34)}${kb(own).padStart(10)}${kb(total).padStart(13)}  ${String(pages).padStart(5)}  ${budget ? `${kb(budget)} ${total > budget ? 'OVER' : 'within'}` : ''}`,
  );
}
if (!islands.size) console.log('No islands in the build.');

// The launcher operators embed on their own sites: not an island, budget 6 KB.
const launcher = gzipTotal(['/widget/v1.js']);
const LAUNCHER_BUDGET = 6 * 1024;
if (launcher > LAUNCHER_BUDGET) over++;
console.log(`${'/widget/v1.js (launcher)'.padEnd(34)}${kb(launcher).padStart(10)}${''.padStart(13)}  ${''.padStart(5)}  ${kb(LAUNCHER_BUDGET)} ${launcher > LAUNCHER_BUDGET ? 'OVER' : 'within'}`);
if (over) process.exitCode = 1;
