// /sitemap-<n>.xml: the parts of sitemap.xml once the site has more than 50,000 URLs
// (none before).
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapXml, splitSitemap } from '../lib/seo/sitemap.ts';
import { siteUrls } from './_sitemap-urls.ts';

export const getStaticPaths = (async () =>
  splitSitemap(await siteUrls()).parts.map((urls, i) => ({ params: { n: String(i + 1) }, props: { urls } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ urls: Parameters<typeof sitemapXml>[0] }> = ({ props }) =>
  new Response(sitemapXml(props.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
