// The site's URL scheme in one place, so pages, sitemap, JSON-LD and links agree.

export const articlePath = (slug: string) => `/faq/${slug}/`;
export const categoryPath = (id: string) => `/categories/${id}/`;
export const searchPath = (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');

/** Absolute URL of a site path, for canonical links, Open Graph and the sitemap. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/**
 * Anchor of the hidden section holding an article's search aliases. The search indexes
 * it with a high weight but never shows it as an excerpt.
 */
export const ALIASES_ANCHOR = 'search-aliases';
