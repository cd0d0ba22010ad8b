// Loads the content collections once per build and shapes them for pages: articles with
// their category, categories with their articles and tools, and an index of what each
// page looks up (article by slug, previous/next, related, popular). The only module
// pages read content through.
//
// Every prerendered page calls loadHelpCenter(): it is computed once per process and
// shared, so a page costs the same at 10 or 10,000 articles. Astro's getCollection()
// builds new entry objects for the whole collection on each call (withastro/astro#16297),
// so it is called here once, not per page. In `astro dev` the content changes under the
// running server, so there each call reads it afresh.
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupByCategory, neighbourIndex, popularArticles } from '../lib/content/navigation.ts';
import { TOOLS, toolsInCategory } from '../lib/content/tools.ts';
import { articlePath } from '../lib/content/urls.ts';

export type FaqEntry = CollectionEntry<'faq'>;

export interface Article {
  slug: string;
  title: string;
  summary: string;
  aliases: string[];
  updated: Date;
  category: string;
  categoryName: string;
  order: number;
  popular: boolean;
  related: string[];
  entry: FaqEntry;
}

export interface CategoryInfo {
  id: string;
  name: string;
  description: string;
  order: number;
}

async function readHelpCenter() {
  const [faq, cats] = await Promise.all([getCollection('faq'), getCollection('categories')]);
  const categories: CategoryInfo[] = cats.map((c) => ({ id: c.id, ...c.data }));
  const nameOf = new Map(categories.map((c) => [c.id, c.name]));
  const articles: Article[] = faq.map((entry) => ({
    slug: entry.id,
    title: entry.data.title,
    summary: entry.data.summary,
    aliases: entry.data.aliases,
    updated: entry.data.updated,
    category: entry.data.category,
    categoryName: nameOf.get(entry.data.category) ?? entry.data.category,
    order: entry.data.order,
    popular: entry.data.popular,
    related: entry.data.related,
    entry,
  }));
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  /** Categories in order, each with its articles and its tools (src/lib/content/tools.ts). */
  const groups = groupByCategory(articles, categories, (c) => toolsInCategory(c.id).length > 0).map((group) => ({
    ...group,
    tools: toolsInCategory(group.category.id),
  }));
  const groupById = new Map(groups.map((g) => [g.category.id, g]));
  const neighbourOf = neighbourIndex(groups);
  return {
    articles,
    categories,
    groups,
    /** A category's group (articles and tools), if it has either. */
    group: (id: string) => groupById.get(id),
    tools: TOOLS,
    popular: popularArticles(articles, categories),
    article: (slug: string) => bySlug.get(slug),
    neighbours: (slug: string) => neighbourOf.get(slug) ?? {},
    related: (a: Article) => a.related.map((slug) => bySlug.get(slug)).filter((x): x is Article => !!x),
    /** Each article's title by its page path (`/faq/a/`). */
    titleByPath: new Map(articles.map((a) => [articlePath(a.slug), a.title])) as ReadonlyMap<string, string>,
  };
}

export type HelpCenter = Awaited<ReturnType<typeof readHelpCenter>>;

let loaded: Promise<HelpCenter> | undefined;

/** The help center's content and its index: read once per process (each call in `astro dev`). */
export function loadHelpCenter(): Promise<HelpCenter> {
  if (import.meta.env.DEV) return readHelpCenter();
  loaded ??= readHelpCenter().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** Each article's title by its page path (`/faq/a/`), for the operator's tables: read once per process. */
export async function articleTitles(): Promise<ReadonlyMap<string, string>> {
  return (await loadHelpCenter()).titleByPath;
}
