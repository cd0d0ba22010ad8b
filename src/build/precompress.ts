// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the built
// site (HTML, JS, CSS, JSON, XML, SVG, …), which the server's sirv sends to browsers that
// accept them (`Content-Encoding`, `Vary: Accept-Encoding`): compressed once at build, not
// per request. Pagefind's own index files (`.pf_meta`, `.pf_index`, `.pf_fragment`,
// `.pf_filter`, `wasm.*.pagefind`) are gzip data that pagefind.js unpacks itself; they get
// a `.br` copy of their unpacked bytes, which the browser unpacks instead (pagefind.js
// takes bytes that start with its signature as they are), and no `.gz` copy.
// A copy is kept only when it is smaller than the file it stands for.
import { availableParallelism } from 'node:os';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Text files sent by the server. */
const TEXT = /\.(?:html|js|mjs|css|json|xml|svg|txt|webmanifest|map)$/;
/** Pagefind's gzip-packed index files. */
const PAGEFIND_PACKED = /\.(?:pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

/** What grows with the number of articles: pages, site maps, Pagefind's index chunks and fragments. */
const PER_ARTICLE = /\.(?:html|xml|pf_index|pf_fragment)$/;

/**
 * Brotli quality: 11 (the smallest, but some 20× slower than 5) for the few files that do
 * not grow with the site (JS, CSS, Pagefind's code, WebAssembly and metadata); 5 for what
 * grows with the number of articles, about as fast as gzip and ~10 % bigger than 11: at
 * 1,000 articles 11 took the index chunks alone from 1 s to 27 s on this machine.
 */
const qualityOf = (file: string) => (PER_ARTICLE.test(file) ? 5 : 11);

export interface PrecompressResult {
  /** Files looked at (text files and Pagefind's packed files). */
  files: number;
  /** Their bytes as built. */
  bytes: number;
  /** Bytes of the `.br` copies written, plus the original of each file without one. */
  brotliBytes: number;
  /** Bytes of the `.gz` copies written, plus the original of each file without one. */
  gzipBytes: number;
  /** Wall time, ms. */
  ms: number;
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Writes `path` when `bytes` is smaller than `than`, else removes a stale copy; the size that goes out. */
async function keepIfSmaller(path: string, bytes: Uint8Array | undefined, than: number): Promise<number> {
  if (bytes && bytes.length < than) {
    await writeFile(path, bytes);
    return bytes.length;
  }
  await rm(path, { force: true });
  return than;
}

async function compressFile(file: string): Promise<{ bytes: number; br: number; gz: number }> {
  const original = await readFile(file);
  const packed = PAGEFIND_PACKED.test(file);
  if (packed && !isGzip(original)) return { bytes: original.length, br: original.length, gz: original.length };
  const raw = packed ? await gunzipAsync(original) : original;
  const params = { [constants.BROTLI_PARAM_QUALITY]: qualityOf(file), [constants.BROTLI_PARAM_SIZE_HINT]: raw.length, [constants.BROTLI_PARAM_MODE]: packed ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT };
  const [br, gz] = await Promise.all([brotli(raw, { params }), packed ? undefined : gzipAsync(raw, { level: 9 })]);
  return {
    bytes: original.length,
    br: await keepIfSmaller(`${file}.br`, br, original.length),
    gz: packed ? original.length : await keepIfSmaller(`${file}.gz`, gz, original.length),
  };
}

/**
 * Precompresses the built client files under `dir` (see the top of this file), several
 * at a time (zlib works on libuv's thread pool), a file read, compressed and written
 * before the next is taken, so memory stays that of a few files whatever the site's size.
 */
export async function precompress(dir: string, { concurrency = Math.max(2, availableParallelism()) }: { concurrency?: number } = {}): Promise<PrecompressResult> {
  const started = performance.now();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && (TEXT.test(e.name) || PAGEFIND_PACKED.test(e.name))).map((e) => join(e.parentPath, e.name));
  const result: PrecompressResult = { files: files.length, bytes: 0, brotliBytes: 0, gzipBytes: 0, ms: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const { bytes, br, gz } = await compressFile(files[next++]!);
      result.bytes += bytes;
      result.brotliBytes += br;
      result.gzipBytes += gz;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  result.ms = performance.now() - started;
  return result;
}

/** The build's last step (src/build/staged-build.ts): precompresses `<outDir>/client`, says so, true when done. */
export async function precompressBuild(outDir: string): Promise<boolean> {
  try {
    const { files, bytes, brotliBytes, gzipBytes, ms } = await precompress(join(outDir, 'client'));
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(`预压缩 ${files} 个文件：${mb(bytes)} → brotli ${mb(brotliBytes)}，gzip ${mb(gzipBytes)}，用时 ${(ms / 1000).toFixed(1)} 秒。`);
    return true;
  } catch (error) {
    console.error(`预压缩失败：${(error as Error).message}`);
    return false;
  }
}
