// Which security headers each kind of response gets (the built server's answers are
// checked in tests/server/security.test.ts; the API's own, as its app gives them, in
// api-headers.test.ts), and the pages votes may be cast for.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { mergeCsp } from '../../src/config/csp.ts';
import { headerSetFor, servedOverHttps } from '../../src/server/security-headers.ts';
import { votablePagesOfBuild } from '../../src/server/adapters/votable-pages.ts';

describe('security headers', () => {
  test('a page’s own CSP header keeps the server’s frame-ancestors (Astro replaced it on /admin/)', () => {
    const astro = "default-src 'self';object-src 'none';base-uri 'self'; script-src 'self' 'sha256-x'; style-src 'self';";
    const merged = mergeCsp(astro, "frame-ancestors 'self'; object-src 'none'; base-uri 'self'");
    expect(merged).toBe(`${astro} frame-ancestors 'self'`);
    expect(mergeCsp("frame-ancestors 'none'; default-src 'self'", "frame-ancestors 'self'")).toBe("frame-ancestors 'none'; default-src 'self'");
  });

  test('HSTS when the site address is https, or a trusted proxy says https', () => {
    const via = (proto?: string) => ({ headers: proto ? { 'x-forwarded-proto': proto } : {} });
    expect(servedOverHttps(via(), { siteUrlIsHttps: true, trustProxy: false })).toBe(true);
    expect(servedOverHttps(via('https'), { siteUrlIsHttps: false, trustProxy: true })).toBe(true);
    expect(servedOverHttps(via('https'), { siteUrlIsHttps: false, trustProxy: false })).toBe(false);
    expect(servedOverHttps(via('http'), { siteUrlIsHttps: false, trustProxy: true })).toBe(false);
    expect(servedOverHttps(via(), { siteUrlIsHttps: false, trustProxy: true })).toBe(false);
  });

  test('header sets by path', () => {
    expect(headerSetFor('/api/v1/health')).toBe('api');
    expect(headerSetFor('/diagnostics/storage-probe/')).toBe('frameable');
    expect(headerSetFor('/widget/v1.js')).toBe('embeddable');
    expect(headerSetFor('/admin/')).toBe('site');
  });
});

describe('votable pages of a build', () => {
  test('the articles built (a folder with index.html under faq/) and the tool pages built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenda-dist-'));
    try {
      for (const page of ['faq/a', 'faq/b', 'tools/robot-quota', 'categories/x']) {
        mkdirSync(join(dir, page), { recursive: true });
        writeFileSync(join(dir, page, 'index.html'), '');
      }
      mkdirSync(join(dir, 'faq/empty'));
      expect([...votablePagesOfBuild(dir)].sort()).toEqual(['/faq/a/', '/faq/b/', '/tools/robot-quota/']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
