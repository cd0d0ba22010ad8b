// robots.txt: everything public may be crawled except the API; points to the sitemap.
import type { APIRoute } from 'astro';
import { siteConfig } from '../config/site.ts';
import { absoluteUrl } from '../lib/content/urls.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nDisallow: /api/\nDisallow: /search/\n\nSitemap: ${absoluteUrl('/sitemap.xml', siteConfig.siteUrl)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
