// The layers of src/ as imports: no module imports itself through others (a cycle), and
// src/lib/ (pure domain code) imports nothing from the layers built on it. Read from the
// source files themselves with TypeScript's own import scanner, `import type` included.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The code of a file: an .astro file's frontmatter and <script> blocks, or the whole module. */
function codeOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** Each file of src/ (repo-relative) with the files of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const imports = ts
      .preProcessFile(codeOf(file), true, true)
      .importedFiles.map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec))
      .filter((target) => target.startsWith(src + '/'))
      .map((target) => relative(root, target));
    graph.set(relative(root, file), [...new Set(imports)]);
  }
  return graph;
}

/** Every cycle, as the path that closes it (a → b → a), each reported once. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/** The layers src/lib/ may not import from: everything that is built on it. */
const ABOVE_LIB = ['api', 'browser', 'components', 'data', 'integrations', 'layouts', 'pages', 'server', 'store', 'widget', 'cli', 'build'].map((d) => `src/${d}/`);

describe('the import graph of src/', () => {
  const graph = importGraph();

  test('is read: the layers are all there and imports resolve to files', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/lib/downloads/present-client.ts')).toContain('src/lib/downloads/client-schema.ts');
    const missing = [...graph.values()].flat().filter((target) => !graph.has(target) && !/\.(json|css|svg)$/.test(target));
    expect(missing).toEqual([]);
  });

  test('has no cycle', () => {
    expect(cyclesOf(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  test('has src/lib/ import nothing from the layers above it (api, server, store, browser, components, pages …)', () => {
    const upward = [...graph]
      .filter(([file]) => file.startsWith('src/lib/'))
      .flatMap(([file, imports]) => imports.filter((target) => ABOVE_LIB.some((layer) => target.startsWith(layer))).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  test('cyclesOf finds a cycle when there is one (so the check above can fail)', () => {
    const withCycle = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cyclesOf(withCycle)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(cyclesOf(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });
});
