// A bad content or config file must stop the build with the file and field named.
// Runs `astro sync` (the content step of `astro build`) on a copy of the project, and
// once a whole `npm run build`, for the check of links between the built pages.
import { afterEach, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
let copies: string[] = [];

function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wenda-content-'));
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  copies.push(dir);
  return dir;
}

function run(command: string, args: string[], dir: string, env: Record<string, string> = {}) {
  const done = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
  return { status: done.status, output: done.stdout + done.stderr };
}

const astroSync = (dir: string, env: Record<string, string> = {}) => run(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], dir, env);
const npmRunBuild = (dir: string) => run('npm', ['run', 'build'], dir);

/** Every file under `dir` with its text, and the directories' inodes: equal only if nothing was touched. */
function snapshot(dir: string) {
  const paths = [dir, ...readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name)).sort()];
  return paths.map((path) => `${path.slice(dir.length) || '/'} ${statSync(path).ino} ${statSync(path).isFile() ? readFileSync(path, 'utf8') : '(dir)'}`);
}

function edit(file: string, change: (text: string) => string) {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

afterEach(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  copies = [];
});

describe('content and config validation', { timeout: 60_000 }, () => {
  test('the shipped content passes', () => {
    const dir = projectCopy();
    const { status, output } = astroSync(dir);
    expect(output).not.toContain('Error');
    expect(status).toBe(0);
  });

  test('a bad date in an article names the file and the field', () => {
    const dir = projectCopy();
    edit(join(dir, 'content/faq/change-administrator.mdx'), (t) => t.replace(/^updated: .*$/m, 'updated: 上周'));
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('change-administrator');
    expect(output).toContain('updated');
  });

  test('an impossible date in an article names the file and the field (YAML would roll it over)', () => {
    const dir = projectCopy();
    edit(join(dir, 'content/faq/change-administrator.mdx'), (t) => t.replace(/^updated: .*$/m, 'updated: 2026-13-45'));
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/faq/change-administrator.mdx');
    expect(output).toContain('updated: 「2026-13-45」不是真实的日期');
  });

  test('an unknown category names the file and the category', () => {
    const dir = projectCopy();
    edit(join(dir, 'content/faq/change-administrator.mdx'), (t) => t.replace(/^category: .*$/m, 'category: acounts'));
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('change-administrator');
    expect(output).toContain('acounts');
  });

  test('a client with a malformed checksum names the file and the field', () => {
    const dir = projectCopy();
    edit(join(dir, 'content/clients/windows-x64.json'), (t) => t.replace(/"sha256": "[0-9a-f]+"/, '"sha256": "not-a-hash"'));
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('windows-x64');
    expect(output).toContain('sha256');
  });

  test('a client download URL whose file name cannot be decoded names the file and the field, without a stack trace', () => {
    const dir = projectCopy();
    edit(join(dir, 'content/clients/windows-x64.json'), (t) => t.replace(/"url": "[^"]+"/, '"url": "https://dl.example.com/Qidian_100%_setup.exe"'));
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/clients/windows-x64.json');
    expect(output).toContain('download.url: 网址末尾的文件名无法解码');
    expect(output).not.toMatch(/URI malformed|Stack trace|\n\s+at /);
  });

  test("a client's wrong platform and architecture are named in Chinese", () => {
    const dir = projectCopy();
    edit(join(dir, 'content/clients/windows-x64.json'), (t) => t.replace('"windows"', '"symbian"').replace('"x64"', '"mips"'));
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/clients/windows-x64.json');
    expect(output).toContain('platform: 只能是 「windows」');
    expect(output).toContain('architectures[0]: 只能是 「x64」');
    expect(output).not.toMatch(/Invalid option|Expected|Stack trace|Browser APIs/);
  });

  test('JSON files saved with a BOM (Windows Notepad) are read; a syntax error in one is named', () => {
    const dir = projectCopy();
    for (const file of ['content/site.json', 'content/clients/windows-x64.json', 'content/categories/accounts.json']) {
      edit(join(dir, file), (t) => `\uFEFF${t}`);
    }
    expect(astroSync(dir).status).toBe(0);
    edit(join(dir, 'content/clients/windows-x64.json'), (t) => t.replace('"name"', 'name'));
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/clients/windows-x64.json 不是有效的 JSON');
    expect(output).toContain('第 2 行第 3 列');
  });

  test('a bad support line in content/site.json stops the build with the field named', () => {
    const dir = projectCopy();
    edit(join(dir, 'content/site.json'), (t) => t.replace('"95716"', '"九五七一六"'));
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/site.json');
    expect(output).toContain('supportLines[1].phone');
    expect(output).not.toContain('Stack trace');
  });

  test('a JSON syntax error in content/site.json names the file, the line and the column', () => {
    const dir = projectCopy();
    edit(join(dir, 'content/site.json'), (t) => t.replace('"apiBaseUrl"', 'apiBaseUrl'));
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/site.json 不是有效的 JSON');
    expect(output).toMatch(/第 \d+ 行第 3 列: 字段名必须用英文双引号括起来/);
    expect(output).not.toContain('Stack trace');
  });

  test('a bad WENDA_SITE_URL is reported as the environment variable', () => {
    const dir = projectCopy();
    const { status, output } = astroSync(dir, { WENDA_SITE_URL: 'help.example.com' });
    expect(status).not.toBe(0);
    expect(output).toContain('环境变量有误');
    expect(output).toContain('WENDA_SITE_URL');
    expect(output).not.toContain('content/site.json 有误');
  });

  // A whole build of the copy takes 10–20 s on a busy machine.
  test('removing an article that others link to fails the build, naming each page and link; dist/ stays as it was', { timeout: 120_000 }, () => {
    const dir = projectCopy();
    // The last good build, which the failed one must not touch (a restart would serve it).
    for (const [file, text] of Object.entries({ 'client/index.html': '上次成功的构建', 'client/faq/download-client/index.html': '被删的文章', 'server/entry.mjs': '// last good', 'server/chunks/page.mjs': '// last good' })) {
      mkdirSync(join(dir, 'dist', file, '..'), { recursive: true });
      writeFileSync(join(dir, 'dist', file), text);
    }
    const before = snapshot(join(dir, 'dist'));
    rmSync(join(dir, 'content/faq/download-client.mdx'));
    // The operator fixed what the content check names (a related article that no longer
    // exists); the links in article bodies and pages are left for the link check.
    edit(join(dir, 'content/faq/staff-account-sign-in.mdx'), (t) => t.replace('related: [download-client, ', 'related: ['));
    const { status, output } = npmRunBuild(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('构建出的页面里有 2 个失效的站内链接');
    expect(output).toContain('  - /downloads/ → /faq/download-client/');
    expect(output).toContain('  - /faq/staff-account-sign-in/ → /faq/download-client/');
    expect(output).toContain('构建失败，dist/ 保持不变（仍是上次成功的构建）。');
    // What still ships in content/site.json is said in the log (before the link check ran):
    // no siteUrl, so the local address stands in, and the sample online chat.
    expect(output).toMatch(/WARN.*网址 siteUrl 没有设置.*http:\/\/localhost:4321/);
    expect(output).toContain('onlineChat 仍是示例');
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.includes('dist'))).toEqual(['dist']);
  });
});
