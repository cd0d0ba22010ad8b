// sitemap.xml: every page with a canonical URL (_sitemap-urls.ts); past 50,000 URLs a
// sitemap index of /sitemap-1.xml, /sitemap-2.xml … (src/pages/sitemap-[n].xml.ts).
import type { APIRoute } from 'astro';
import { sitemapRoot } from '../lib/seo/sitemap.ts';
import { absolute, siteUrls } from './_sitemap-urls.ts';

export const GET: APIRoute = async () =>
  new Response(sitemapRoot(await siteUrls(), absolute), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
