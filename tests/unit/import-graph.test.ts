// The layers of src/ as imports: no module imports itself through others (a cycle), and
// src/lib/ (pure domain code) imports nothing from the layers built on it nor touches the
// browser (its adapters are in src/browser/). Read from the source files themselves with
// TypeScript's own scanner and parser, `import type` included.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
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

/** What a file imports, as written (`./x.ts`, `node:fs`, `zod`). */
const specifiersOf = (file: string) => ts.preProcessFile(codeOf(file), true, true).importedFiles.map((i) => i.fileName);

/** Packages that reach outside the process or tie code to a framework: Node's own modules and Astro's (but its copy of zod). */
const isAdapterImport = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec) || ((spec === 'astro' || spec.startsWith('astro/') || spec.startsWith('astro:')) && spec !== 'astro/zod');

/** Every file `from` imports, directly or through others. */
function reachable(graph: Map<string, string[]>, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    for (const next of graph.get(file) ?? []) if (!seen.has(next)) (seen.add(next), visit(next));
  };
  visit(from);
  return seen;
}

/** Each file of src/ (repo-relative) with the files of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const imports = specifiersOf(file)
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

/** The browser's globals (and its random numbers): code that uses them is an adapter, in src/browser/ or beside its component. */
const BROWSER_GLOBALS = new Set(['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'WebSocket', 'XMLHttpRequest', 'location', 'screen', 'matchMedia', 'indexedDB', 'crypto']);

/** The browser globals a module's code uses: identifiers by those names that it does not declare itself. */
function browserGlobalsIn(code: string): string[] {
  const file = ts.createSourceFile('module.ts', code, ts.ScriptTarget.Latest, true);
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (node: ts.Node) => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name)) declared.add(node.name.text);
    if (ts.isIdentifier(node) && BROWSER_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node);
      if (!isMemberName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...used].filter((name) => !declared.has(name)).sort();
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

  test('has src/lib/ use no browser global (window, document, navigator, storage, fetch …)', () => {
    const impure = [...graph.keys()]
      .filter((file) => file.startsWith('src/lib/'))
      .flatMap((file) => browserGlobalsIn(codeOf(join(root, file))).map((name) => `${file}: ${name}`));
    expect(impure).toEqual([]);
  });

  test('has src/lib/ import no Node module nor Astro, itself or through what it imports (file, path, crypto, streams …)', () => {
    const impure = [...graph.keys()]
      .filter((file) => file.startsWith('src/lib/'))
      .flatMap((file) =>
        [file, ...reachable(graph, file)].flatMap((reached) =>
          specifiersOf(join(root, reached))
            .filter(isAdapterImport)
            .map((spec) => `${file}${reached === file ? '' : ` → ${reached}`}: ${spec}`),
        ),
      );
    expect(impure).toEqual([]);
  });

  test('isAdapterImport tells Node and Astro modules from pure packages', () => {
    expect(['node:fs', 'fs', 'crypto', 'astro/loaders', 'astro:content'].filter(isAdapterImport)).toEqual(['node:fs', 'fs', 'crypto', 'astro/loaders', 'astro:content']);
    expect(['zod', 'astro/zod', 'ua-parser-js', './x.ts'].filter(isAdapterImport)).toEqual([]);
  });

  test('browserGlobalsIn finds a browser global, not a local or a property of the same name', () => {
    expect(browserGlobalsIn('export const jar = () => document.cookie; const f = (u) => fetch(u);')).toEqual(['document', 'fetch']);
    expect(browserGlobalsIn('const window = text.slice(0, 3); export const x = { document: 1 }.document + window;')).toEqual([]);
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
