// The README and docs/ stay findable and true to the tree: the README stays short, every
// relative link leads to a file (and a heading, when it names one), and every file path
// the docs name in backticks exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];

/** The text outside fenced code blocks, where links and paths are prose. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
function anchorOf(heading: string): string {
  return heading
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsIn(file: string): Set<string> {
  const headings = [...prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1]!);
  return new Set(headings.map(anchorOf));
}

function relativeLinks(file: string): string[] {
  const links = [...prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  return links.filter((l) => !/^[a-z]+:/i.test(l));
}

describe('anchorOf', () => {
  test.each([
    ['Static host or CDN: the headers yourself', 'static-host-or-cdn-the-headers-yourself'],
    ['In `npm run dev`', 'in-npm-run-dev'],
    ['Where is X?', 'where-is-x'],
  ])('%s → %s', (heading, anchor) => expect(anchorOf(heading)).toBe(anchor));
});

describe('the README', () => {
  test('is at most 120 lines', () => {
    const lines = readFileSync(join(root, 'README.md'), 'utf8').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(120);
  });

  test('keeps the two commands first', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme.indexOf('npm install && npm run serve')).toBeLessThan(200);
    expect(readme.indexOf('npm install && npm test')).toBeLessThan(300);
  });
});

describe('docs/', () => {
  test('has an index page in every folder', () => {
    const folders = new Set(files.filter((f) => f.includes(`${root}docs`)).map(dirname));
    for (const folder of folders) expect(existsSync(join(folder, 'README.md')), relative(root, folder)).toBe(true);
  });

  test('lists every page in its folder index', () => {
    for (const file of files) {
      if (!file.startsWith(join(root, 'docs')) || file.endsWith('README.md')) continue;
      const index = readFileSync(join(dirname(file), 'README.md'), 'utf8');
      expect(index, `${relative(root, file)} is not listed in its folder's README.md`).toContain(`(${file.split('/').pop()}`);
    }
  });
});

describe.each(files.map((f) => [relative(root, f), f]))('%s', (_, file) => {
  test('links only to files and headings that exist', () => {
    const dead: string[] = [];
    for (const link of relativeLinks(file)) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path ? resolve(dirname(file), path) : file;
      if (!existsSync(target)) dead.push(link);
      else if (anchor && target.endsWith('.md') && !anchorsIn(target).has(anchor)) dead.push(link);
    }
    expect(dead).toEqual([]);
  });

  test('names only source files that exist', () => {
    const paths = [...prose(readFileSync(file, 'utf8')).matchAll(/`((?:src|tests|content|docs)\/[^`\s*<>…]+)`/g)].map((m) => m[1]!);
    const missing = paths.filter((p) => !existsSync(join(root, p)));
    expect(missing).toEqual([]);
  });
});
