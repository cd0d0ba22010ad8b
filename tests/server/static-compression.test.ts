// Pages and files made at build time; what the server makes on request: compression.test.ts.
// Every text file the built server sends goes out compressed when the browser accepts it:
// the build writes `.br` and `.gz` copies (src/build/precompress.ts) and sirv picks one by
// Accept-Encoding. Raw HTTP (node:http), so nothing decodes the body on the way: each
// answer's Content-Encoding and Vary, and its body decoded back to the file as built.
import { describe, expect, inject, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const baseUrl = inject('baseUrl');
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function request(path: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    get(baseUrl + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Built files under dist/client, as site paths. */
const builtFiles = (pattern: RegExp) =>
  readdirSync(clientDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file) && statSync(join(clientDir, file)).isFile())
    .map((file) => `/${file.split(sep).join('/')}`);

const firstOf = (pattern: RegExp) => {
  const found = builtFiles(pattern)[0];
  if (!found) throw new Error(`no built file matches ${pattern}`);
  return found;
};

describe('static files are sent compressed, by Accept-Encoding', () => {
  const textFiles: [string, string][] = [
    ['an article page', '/faq/change-administrator/'],
    ['the home page', '/'],
    ['a script', firstOf(/^_astro[\\/].+\.js$/)],
    ['a style sheet', firstOf(/^_astro[\\/].+\.css$/)],
    ['the XML site map', '/sitemap.xml'],
    ['an SVG image', '/logo.svg'],
    ["Pagefind's script", '/pagefind/pagefind.js'],
    ["Pagefind's entry (JSON)", '/pagefind/pagefind-entry.json'],
  ];
  /** The file as built: a page's path names its index.html. */
  const builtBytes = (path: string) => readFileSync(join(clientDir, path.endsWith('/') ? `${path}index.html` : path));

  test.each(textFiles)('%s (%s): br, gzip, or as built', async (_, path) => {
    const built = builtBytes(path);
    const br = await request(path, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(built.length);
    expect(brotliDecompressSync(br.body).equals(built)).toBe(true);

    const gz = await request(path, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.body).equals(built)).toBe(true);

    for (const none of [undefined, 'identity']) {
      const plain = await request(path, none);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.body.equals(built)).toBe(true);
    }
  });

  test("Pagefind's packed index files go out as brotli of their bytes, or as built", async () => {
    for (const path of [firstOf(/^pagefind[\\/].+\.pf_meta$/), firstOf(/^pagefind[\\/]index[\\/].+\.pf_index$/), firstOf(/^pagefind[\\/]wasm\..+\.pagefind$/)]) {
      const built = builtBytes(path);
      const br = await request(path, 'br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.body.length).toBeLessThan(built.length);
      // pagefind.js takes bytes starting with its signature as unpacked.
      expect(brotliDecompressSync(br.body).equals(gunzipSync(built))).toBe(true);
      const gz = await request(path, 'gzip');
      expect(gz.headers['content-encoding']).toBeUndefined();
      expect(gz.body.equals(built)).toBe(true);
    }
  });

  test('every built text file of 1 KB or more has its .br and .gz copies', () => {
    const missing = builtFiles(/\.(?:html|js|css|json|xml|svg|txt)$/)
      .filter((path) => statSync(join(clientDir, path)).size >= 1024)
      .filter((path) => !existsSync(join(clientDir, `${path}.br`)) || !existsSync(join(clientDir, `${path}.gz`)))
      .map((path) => relative(clientDir, join(clientDir, path)));
    expect(missing).toEqual([]);
  });
});
