// sitemap.xml: the home page, every category, every article, the tool pages and the
// site map for people (/sitemap/).
import type { APIRoute } from 'astro';
import { loadHelpCenter } from '../data/help-center.ts';
import { siteConfig } from '../config/site.ts';
import { SITEMAP_PAGE, absoluteUrl, articlePath, categoryPath } from '../lib/content/urls.ts';
import { TOOL_PAGES } from '../lib/content/tools.ts';
import { sitemapXml } from '../lib/seo/sitemap.ts';

export const GET: APIRoute = async () => {
  const help = await loadHelpCenter();
  const urls = [
    { loc: absoluteUrl('/', siteConfig.siteUrl) },
    ...help.groups.map((g) => ({ loc: absoluteUrl(categoryPath(g.category.id), siteConfig.siteUrl) })),
    ...help.articles.map((a) => ({ loc: absoluteUrl(articlePath(a.slug), siteConfig.siteUrl), lastmod: a.updated })),
    ...Object.values(TOOL_PAGES).map((path) => ({ loc: absoluteUrl(path, siteConfig.siteUrl) })),
    { loc: absoluteUrl(SITEMAP_PAGE, siteConfig.siteUrl) },
  ];
  return new Response(sitemapXml(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
