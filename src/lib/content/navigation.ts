// Ordering and neighbourhood of articles: category lists, previous/next, related and
// popular questions. Pure functions over plain data, so they are tested without Astro.

/** What navigation needs to know of an article. */
export interface ArticleRef {
  slug: string;
  title: string;
  category: string;
  order: number;
  popular?: boolean;
}

/** What navigation needs to know of a category. */
export interface CategoryRef {
  id: string;
  name: string;
  order: number;
}

const byOrderThenTitle = <T extends { order: number; title?: string; name?: string }>(a: T, b: T) =>
  a.order - b.order || (a.title ?? a.name ?? '').localeCompare(b.title ?? b.name ?? '', 'zh-CN');

/**
 * Categories in display order, each with its articles in display order; categories
 * without articles are dropped, unless `keep` says otherwise (one with a tool in it).
 */
export function groupByCategory<A extends ArticleRef, C extends CategoryRef>(
  articles: readonly A[],
  categories: readonly C[],
  keep: (category: C) => boolean = () => false,
): { category: C; articles: A[] }[] {
  return [...categories]
    .sort(byOrderThenTitle)
    .map((category) => ({
      category,
      articles: articles.filter((a) => a.category === category.id).sort(byOrderThenTitle),
    }))
    .filter((group) => group.articles.length > 0 || keep(group.category));
}

/** The articles before and after `slug` within its own category. */
export function neighbours<A extends ArticleRef>(articles: readonly A[], slug: string): { prev?: A; next?: A } {
  const current = articles.find((a) => a.slug === slug);
  if (!current) return {};
  const siblings = articles.filter((a) => a.category === current.category).sort(byOrderThenTitle);
  const i = siblings.indexOf(current);
  return { prev: siblings[i - 1], next: siblings[i + 1] };
}

/** Articles marked popular, in category then article order. */
export function popularArticles<A extends ArticleRef, C extends CategoryRef>(
  articles: readonly A[],
  categories: readonly C[],
): A[] {
  return groupByCategory(articles, categories).flatMap((g) => g.articles.filter((a) => a.popular));
}
