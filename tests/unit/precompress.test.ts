// src/build/precompress.ts on a made-up build: which files get which copies, and that
// each copy unpacks to what it stands for.
import { afterEach, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { precompress } from '../../src/build/precompress.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function site(files: Record<string, Buffer | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wenda-precompress-'));
  dirs.push(dir);
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}

const page = `<!doctype html><html lang="zh-CN"><body>${'<p>机器人对话条数怎么算？每个机器人每月的对话条数按套餐计算。</p>'.repeat(40)}</body></html>`;
const signed = (text: string) => Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(text)]);

describe('precompress', () => {
  test('text files get .br and .gz copies that unpack to them; other files none', async () => {
    const dir = site({
      'faq/a/index.html': page,
      '_astro/app.js': `export const words = ${JSON.stringify(page)};`,
      'sitemap.xml': `<urlset>${'<url><loc>https://help.example.com/faq/a/</loc></url>'.repeat(30)}</urlset>`,
      'logo.png': Buffer.alloc(2000, 7),
    });
    const result = await precompress(dir);
    expect(result.files).toBe(3);
    for (const file of ['faq/a/index.html', '_astro/app.js', 'sitemap.xml']) {
      const built = readFileSync(join(dir, file));
      expect(brotliDecompressSync(readFileSync(join(dir, `${file}.br`))).equals(built)).toBe(true);
      expect(gunzipSync(readFileSync(join(dir, `${file}.gz`))).equals(built)).toBe(true);
    }
    expect(existsSync(join(dir, 'logo.png.br'))).toBe(false);
    expect(result.brotliBytes).toBeLessThan(result.gzipBytes);
    expect(result.gzipBytes).toBeLessThan(result.bytes);
  });

  test("Pagefind's gzip-packed files get a .br copy of their unpacked bytes, and no .gz", async () => {
    const unpacked = signed(JSON.stringify({ url: '/faq/a/', content: page }));
    const dir = site({ 'pagefind/fragment/zh-cn_1234567.pf_fragment': gzipSync(unpacked, { level: 1 }) });
    await precompress(dir);
    const file = join(dir, 'pagefind/fragment/zh-cn_1234567.pf_fragment');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(unpacked)).toBe(true);
    expect(existsSync(`${file}.gz`)).toBe(false);
  });

  test('a copy no smaller than the file is not kept, and a stale one is removed', async () => {
    const dir = site({ 'robots.txt': 'User-agent: *', 'robots.txt.br': 'stale', 'robots.txt.gz': 'stale' });
    const result = await precompress(dir);
    expect(existsSync(join(dir, 'robots.txt.br'))).toBe(false);
    expect(existsSync(join(dir, 'robots.txt.gz'))).toBe(false);
    expect(result.brotliBytes).toBe(result.bytes);
  });
});
