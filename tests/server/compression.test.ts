// Made on request; the files made at build time: static-compression.test.ts.
// What the built server makes on request goes out compressed to a client that takes br
// or gzip (src/server/adapters/compression.ts): the API's answers of 1 KB or more, its
// NDJSON exports, and the pages Astro renders on request (`/admin/`, its CSV exports).
// Read through a raw socket request, so the bytes are the ones sent.
import { describe, expect, test } from 'vitest';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SESSION_COOKIE, createSession } from '../../src/server/adapters/admin-session.ts';
import type { RunningServer } from '../support/server.ts';
import { ADMIN, admin, post, useServerFixtures } from '../support/api-server.ts';

const fx = useServerFixtures();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent, decompressed as its Content-Encoding says. */
  text: string;
  sent: number;
}

function get(server: RunningServer, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const text = (body.length === 0 ? body : encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, sent: body.length });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed answers from the built server', { timeout: 30_000 }, () => {
  test('the API’s answers of 1 KB or more and its exports, the pages rendered on request and their CSV; not small answers nor HEADs', async () => {
    const server = await fx.start();
    const estimate = await post(server, '/robot-quota/estimate', { robots: 3, monthlyConversations: 120_000, monthlyGrowthPercent: 5, years: 3 });
    expect(estimate.status).toBe(200);
    for (let i = 0; i < 30; i++) expect((await post(server, '/robot-quota/quotes', { robots: 1 + (i % 5), monthlyConversations: 1000 * (i + 1) })).status).toBe(201);
    const operator = { Cookie: `${SESSION_COOKIE}=${createSession(ADMIN, Date.now())}` };

    for (const [path, headers] of [
      ['/api/v1/robot-quota/price-list', {}],
      ['/api/v1/admin/quotes', admin],
      ['/api/v1/admin/quotes/export', admin],
      ['/admin/', {}],
      ['/admin/', operator],
      ['/admin/export/quotes.csv', operator],
    ] as const) {
      const plain = await get(server, path, headers);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      for (const encoding of ['br', 'gzip']) {
        const packed = await get(server, path, { ...headers, 'Accept-Encoding': `${encoding}, deflate` });
        expect(packed.status, path).toBe(plain.status);
        if (plain.sent < 1024) {
          // The price list is under the threshold: sent as it is.
          expect(packed.headers['content-encoding'], path).toBeUndefined();
          continue;
        }
        expect(packed.headers['content-encoding'], path).toBe(encoding);
        // A length, if any, is the compressed one.
        if (packed.headers['content-length'] !== undefined) expect(Number(packed.headers['content-length']), path).toBe(packed.sent);
        expect(packed.headers.vary, path).toContain('Accept-Encoding');
        expect(packed.sent, path).toBeLessThan(plain.sent / 2);
        expect(packed.text, path).toBe(plain.text);
        expect(packed.headers['content-type'], path).toBe(plain.headers['content-type']);
        if (path === '/admin/') expect(packed.headers['content-security-policy'], path).toContain("frame-ancestors 'self'");
      }
    }

    // Small answers and HEADs go out as they are.
    const takes = { 'Accept-Encoding': 'br, gzip' };
    for (const [path, method, headers] of [
      ['/api/v1/health', 'GET', takes],
      ['/admin/export/quotes.csv', 'GET', takes],
      ['/admin/', 'HEAD', takes],
      ['/api/v1/admin/quotes/export', 'HEAD', { ...takes, ...admin }],
    ] as const) {
      const res = await get(server, path, headers, method);
      if (method === 'HEAD') {
        expect(res.sent, path).toBe(0);
        if (path.startsWith('/admin/')) expect(res.headers['content-encoding'], path).toBeUndefined();
      } else {
        expect(res.headers['content-encoding'], path).toBeUndefined();
        expect(res.sent, path).toBeLessThan(1024);
      }
    }
  });
});
