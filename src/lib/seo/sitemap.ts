// The sitemap.xml documents for a list of absolute URLs: one `urlset` up to the
// protocol's limit of 50,000 URLs a file, past it a `sitemapindex` pointing at as many
// `urlset` files as needed (sitemaps.org).

export interface SitemapUrl {
  loc: string;
  lastmod?: Date;
}

/** URLs one sitemap file may hold (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const day = (d: Date) => d.toISOString().slice(0, 10);

export function sitemapXml(urls: readonly SitemapUrl[]): string {
  const entries = urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${day(u.lastmod)}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

/** A sitemap index listing the sitemap files at `locs` (absolute URLs). */
export function sitemapIndexXml(locs: readonly string[]): string {
  const entries = locs.map((loc) => `  <sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** Path of the n-th sitemap file behind the index (from 1): `/sitemap-1.xml`. */
export const sitemapPartPath = (n: number) => `/sitemap-${n}.xml`;

/**
 * How `urls` are written: all in /sitemap.xml when they fit in one file (`parts` empty),
 * else /sitemap.xml is an index of `parts`, each at most `limit` URLs, served at
 * {@link sitemapPartPath}.
 */
export function splitSitemap(urls: readonly SitemapUrl[], limit = SITEMAP_URL_LIMIT): { parts: SitemapUrl[][] } {
  if (urls.length <= limit) return { parts: [] };
  const parts: SitemapUrl[][] = [];
  for (let i = 0; i < urls.length; i += limit) parts.push(urls.slice(i, i + limit));
  return { parts };
}

/** The document at /sitemap.xml: the URL set itself, or the index of its parts. */
export function sitemapRoot(urls: readonly SitemapUrl[], absolute: (path: string) => string, limit = SITEMAP_URL_LIMIT): string {
  const { parts } = splitSitemap(urls, limit);
  return parts.length === 0 ? sitemapXml(urls) : sitemapIndexXml(parts.map((_, i) => absolute(sitemapPartPath(i + 1))));
}
