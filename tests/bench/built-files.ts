// Reading the build output for the size benchmarks: pages, and the modules a script
// pulls in statically.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url));

/** Gzipped HTML any page may weigh, whatever the number of articles (issue 20: at 10,000 too). */
export const PAGE_HTML_BUDGET = 30 * 1024;

export const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
export const readBuilt = (urlPath: string) => readFileSync(join(clientDir, urlPath.split('?')[0]!));
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Every built HTML page (the search index excluded). */
export function htmlFiles(dir = clientDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** A module and every module it imports statically (dynamic `import()` is left out). */
export function staticModuleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readBuilt(entry).toString();
  const base = entry.slice(0, entry.lastIndexOf('/') + 1);
  for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']/g)) {
    const spec = match[1]!;
    staticModuleGraph(spec.startsWith('/') ? spec : new URL(spec, `http://x${base}`).pathname, seen);
  }
  return seen;
}

/** Total gzipped bytes of a set of built files. */
export const gzipTotal = (paths: Iterable<string>) => [...paths].reduce((sum, p) => sum + gzipSize(readBuilt(p)), 0);
