// Loads the content collections once and shapes them for pages: articles with their
// category, categories with their articles and tools. The only module pages read content through.
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupByCategory, neighbours, popularArticles } from '../lib/content/navigation.ts';
import { TOOLS, toolsInCategory } from '../lib/content/tools.ts';

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

export async function loadHelpCenter() {
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
  return {
    articles,
    categories,
    /** Categories in order, each with its articles and its tools (src/lib/content/tools.ts). */
    groups: groupByCategory(articles, categories, (c) => toolsInCategory(c.id).length > 0).map((group) => ({
      ...group,
      tools: toolsInCategory(group.category.id),
    })),
    tools: TOOLS,
    popular: popularArticles(articles, categories),
    article: (slug: string) => bySlug.get(slug),
    neighbours: (slug: string) => neighbours(articles, slug),
    related: (a: Article) => a.related.map((slug) => bySlug.get(slug)).filter((x): x is Article => !!x),
  };
}
