// Big files are split along their seams: no source file in src/ is over 300 lines, but
// pure data tables (files named `…-data.ts`, such as the diagnostics' fix guides).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MAX_LINES = 300;

/** Lines of a text, the last one counted whether or not it ends with a line break. */
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

test(`every source file but data tables is at most ${MAX_LINES} lines`, () => {
  const sources = files(join(root, 'src')).filter((path) => /\.(ts|tsx|astro|css|mjs)$/.test(path));
  expect(sources.length).toBeGreaterThan(100);
  const long = sources
    .filter((path) => !path.endsWith('-data.ts'))
    .map((path) => ({ file: relative(root, path), lines: lineCount(readFileSync(path, 'utf8')) }))
    .filter(({ lines }) => lines > MAX_LINES);
  expect(long).toEqual([]);
});
