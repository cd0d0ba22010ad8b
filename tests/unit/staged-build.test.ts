// `npm run build` (src/build/staged-build.ts): the build goes to a staging directory and replaces
// dist/ only when it succeeded. Here with stand-in builds that write a few files or fail;
// tests/build/content-validation.test.ts runs the real one, failing on a dead link.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { OLD_DIR, STAGING_DIR, stagedBuild } from '../../src/build/staged-build.ts';
import { watchLoadedBuild } from '../../src/server/loaded-build.ts';

let root: string;

function write(dir: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

/** Every file under `dir` with its text, to compare a tree before and after. */
function tree(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(entries.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]).sort());
}

const oldBuild = { 'client/index.html': '旧的首页', 'client/_astro/a.css': 'a{}', 'server/entry.mjs': '// old', 'server/chunks/page_old.mjs': '// old' };
const newBuild = { 'client/index.html': '新的首页', 'client/_astro/b.css': 'b{}', 'server/entry.mjs': '// new', 'server/chunks/page_new.mjs': '// new' };

/** A stand-in for `astro build`: writes `files` into its output directory, then succeeds or not. */
const fakeBuild =
  (files: Record<string, string>, succeeds = true) =>
  async (outDir: string) => {
    write(outDir, files);
    return succeeds;
  };

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wenda-staged-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staged build', () => {
  test('a successful build replaces dist/ (by rename), leaving no staging or old directory', async () => {
    write(join(root, 'dist'), oldBuild);
    let outDir = '';
    const result = await stagedBuild(root, async (dir) => {
      outDir = dir;
      // While it builds, dist/ is still the old build.
      expect(tree(join(root, 'dist'))).toEqual(oldBuild);
      write(dir, newBuild);
      return true;
    });
    expect(outDir).toBe(join(root, STAGING_DIR));
    expect(result).toEqual({ ok: true, message: 'dist/ 已换成这次的构建。' });
    expect(tree(join(root, 'dist'))).toEqual(newBuild);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  test('a failed build leaves dist/ exactly as it was, says so in one line, and removes what it wrote', async () => {
    write(join(root, 'dist'), oldBuild);
    const before = statSync(join(root, 'dist/server/chunks'));
    const result = await stagedBuild(root, fakeBuild({ 'client/index.html': '写了一半' }, false));
    expect(result).toEqual({ ok: false, message: '构建失败，dist/ 保持不变（仍是上次成功的构建）。' });
    expect(result.message).not.toContain('\n');
    expect(tree(join(root, 'dist'))).toEqual(oldBuild);
    const after = statSync(join(root, 'dist/server/chunks'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  test('a build that throws counts as failed', async () => {
    write(join(root, 'dist'), oldBuild);
    const result = await stagedBuild(root, async () => {
      throw new Error('boom');
    });
    expect(result.ok).toBe(false);
    expect(tree(join(root, 'dist'))).toEqual(oldBuild);
  });

  test('a build that "succeeds" without a server entry or client files does not replace dist/', async () => {
    write(join(root, 'dist'), oldBuild);
    const result = await stagedBuild(root, fakeBuild({ 'client/index.html': '只有页面' }));
    expect(result.ok).toBe(false);
    expect(result.message).toContain('server/entry.mjs');
    expect(result.message).toContain('dist/ 保持不变');
    expect(tree(join(root, 'dist'))).toEqual(oldBuild);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  test('the first build (no dist/ yet) creates it; a failed first build says no dist/ was written', async () => {
    const failed = await stagedBuild(root, fakeBuild(newBuild, false));
    expect(failed).toEqual({ ok: false, message: '构建失败，没有写出 dist/。' });
    expect(readdirSync(root)).toEqual([]);
    expect((await stagedBuild(root, fakeBuild(newBuild))).ok).toBe(true);
    expect(tree(join(root, 'dist'))).toEqual(newBuild);
  });

  test('leftovers of an interrupted build are cleared first; a swap stopped between its renames gets the old build back', async () => {
    write(join(root, STAGING_DIR), { 'client/stale.html': '上次中断留下的' });
    write(join(root, OLD_DIR), oldBuild); // dist/ moved away, the new one never moved in
    let seen: string[] = [];
    const result = await stagedBuild(root, async (dir) => {
      seen = readdirSync(root);
      expect(existsSync(dir)).toBe(false); // Astro makes it
      return false;
    });
    expect(seen).toEqual(['dist']);
    expect(result.message).toContain('dist/ 保持不变');
    expect(tree(join(root, 'dist'))).toEqual(oldBuild);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  test("the running server's rebuild watcher notices the swapped build (dist/server/chunks is a new directory)", async () => {
    write(join(root, 'dist'), oldBuild);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const loaded = watchLoadedBuild(join(root, 'dist/server/chunks'));
      expect(loaded.replaced()).toBe(false);
      await stagedBuild(root, fakeBuild(newBuild, false));
      expect(loaded.replaced()).toBe(false);
      await stagedBuild(root, fakeBuild(newBuild));
      expect(loaded.replaced()).toBe(true);
      expect(error).toHaveBeenCalledTimes(1);
    } finally {
      error.mockRestore();
    }
  });
});
