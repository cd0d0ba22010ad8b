// The site's URL scheme in one place, so pages, sitemap, JSON-LD and links agree.

export const articlePath = (slug: string) => `/faq/${slug}/`;
/** A category's page of questions: the first at `/categories/<id>/`, then `/categories/<id>/2/` … */
export const categoryPath = (id: string, page = 1) => (page > 1 ? `/categories/${id}/${page}/` : `/categories/${id}/`);
export const searchPath = (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');
/** The site map for people (every category and tool, and where each category's questions are listed); crawlers read /sitemap.xml. */
export const SITEMAP_PAGE = '/sitemap/';
/** The site map's list of one category's questions: `/sitemap/<id>/`, then `/sitemap/<id>/2/` … */
export const sitemapCategoryPath = (id: string, page = 1) => (page > 1 ? `/sitemap/${id}/${page}/` : `/sitemap/${id}/`);

/**
 * Articles (content/faq/) that pages link to by name, in the tools' lead paragraphs.
 * Renaming or removing one of these files breaks those links: the build's link check
 * (src/integrations/link-check.ts) then fails, naming each page.
 */
export const LINKED_ARTICLES = {
  downloadClient: 'download-client',
  widgetSessionNotOpening: 'widget-session-not-opening',
  widgetOutsideChannels: 'widget-outside-channels',
  robotConversationPacks: 'robot-conversation-packs',
  robotUnusedConversations: 'robot-unused-conversations',
} as const;

/**
 * Categories (content/categories/) the tools belong to (src/lib/content/tools.ts), likewise:
 * the tool pages' breadcrumbs link to them, so the link check catches a rename.
 */
export const LINKED_CATEGORIES = {
  webReception: 'web-reception',
  textRobot: 'text-robot',
  downloads: 'downloads',
} as const;

/** Absolute URL of a site path, for canonical links, Open Graph and the sitemap. */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/**
 * Anchor of the hidden section holding an article's search aliases. The search indexes
 * it with a high weight but never shows it as an excerpt.
 */
export const ALIASES_ANCHOR = 'search-aliases';
