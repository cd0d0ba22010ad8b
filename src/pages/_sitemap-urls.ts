// Every page of the site that has a canonical URL, for sitemap.xml and its parts
// (src/pages/sitemap.xml.ts, src/pages/sitemap-[n].xml.ts): home, each page of each
// category, every article, the tool pages, and the site map for people with its pages.
import { loadHelpCenter } from '../data/help-center.ts';
import { siteConfig } from '../config/site.ts';
import { SITEMAP_PAGE, absoluteUrl, articlePath, categoryPath, sitemapCategoryPath } from '../lib/content/urls.ts';
import { TOOL_PAGES } from '../lib/content/tools.ts';
import { CATEGORY_PAGE_SIZE, SITEMAP_PAGE_SIZE, pageCountOf } from '../lib/content/navigation.ts';
import type { SitemapUrl } from '../lib/seo/sitemap.ts';

export const absolute = (path: string) => absoluteUrl(path, siteConfig.siteUrl);

const pagesOf = (count: number, path: (page: number) => string) => Array.from({ length: count }, (_, i) => ({ loc: absolute(path(i + 1)) }));

export async function siteUrls(): Promise<SitemapUrl[]> {
  const help = await loadHelpCenter();
  return [
    { loc: absolute('/') },
    ...help.groups.flatMap((g) => pagesOf(pageCountOf(g.articles.length, CATEGORY_PAGE_SIZE), (n) => categoryPath(g.category.id, n))),
    ...help.articles.map((a) => ({ loc: absolute(articlePath(a.slug)), lastmod: a.updated })),
    ...Object.values(TOOL_PAGES).map((path) => ({ loc: absolute(path) })),
    { loc: absolute(SITEMAP_PAGE) },
    ...help.groups
      .filter((g) => g.articles.length > 0)
      .flatMap((g) => pagesOf(pageCountOf(g.articles.length, SITEMAP_PAGE_SIZE), (n) => sitemapCategoryPath(g.category.id, n))),
  ];
}
