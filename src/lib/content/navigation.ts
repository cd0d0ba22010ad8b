// Ordering and neighbourhood of articles: category lists, previous/next, related and
// popular questions, and the pages a long list is split into. Pure functions over plain
// data, so they are tested without Astro. Each is linear (one pass to group, one sort
// per category): the build computes them once for the whole site (src/data/help-center.ts)
// and every page looks its part up.

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

/** Questions a category page lists per page (`/categories/<id>/2/` …). */
export const CATEGORY_PAGE_SIZE = 30;
/** Questions the home page shows per category, before 查看全部. */
export const HOME_QUESTIONS_PER_CATEGORY = 5;
/** Questions listed under 热门问题 (home, search page, 404). */
export const POPULAR_LIMIT = 10;
/** Question titles per page of the site map for people (`/sitemap/<id>/`). */
export const SITEMAP_PAGE_SIZE = 300;

// One collator for all comparisons: `localeCompare(…, 'zh-CN')` builds one per call.
const collator = new Intl.Collator('zh-CN');
const byOrderThenTitle = <T extends { order: number; title?: string; name?: string }>(a: T, b: T) =>
  a.order - b.order || collator.compare(a.title ?? a.name ?? '', b.title ?? b.name ?? '');

/**
 * Categories in display order, each with its articles in display order; categories
 * without articles are dropped, unless `keep` says otherwise (one with a tool in it).
 */
export function groupByCategory<A extends ArticleRef, C extends CategoryRef>(
  articles: readonly A[],
  categories: readonly C[],
  keep: (category: C) => boolean = () => false,
): { category: C; articles: A[] }[] {
  const buckets = new Map<string, A[]>(categories.map((c) => [c.id, []]));
  for (const article of articles) buckets.get(article.category)?.push(article);
  return [...categories]
    .sort(byOrderThenTitle)
    .map((category) => ({ category, articles: buckets.get(category.id)!.sort(byOrderThenTitle) }))
    .filter((group) => group.articles.length > 0 || keep(group.category));
}

/** Previous and next article of each article within its category, from {@link groupByCategory}'s groups. */
export function neighbourIndex<A extends ArticleRef>(groups: readonly { articles: readonly A[] }[]): Map<string, { prev?: A; next?: A }> {
  const index = new Map<string, { prev?: A; next?: A }>();
  for (const { articles } of groups) {
    articles.forEach((article, i) => {
      const prev = articles[i - 1];
      const next = articles[i + 1];
      index.set(article.slug, { ...(prev && { prev }), ...(next && { next }) });
    });
  }
  return index;
}

/**
 * Articles marked popular, at most `limit`: each category's first popular question in
 * category order, then each one's second, and so on, so many categories share the list.
 */
export function popularArticles<A extends ArticleRef, C extends CategoryRef>(
  articles: readonly A[],
  categories: readonly C[],
  limit = POPULAR_LIMIT,
): A[] {
  const perCategory = groupByCategory(articles, categories).map((g) => g.articles.filter((a) => a.popular));
  const picked: A[] = [];
  for (let rank = 0; picked.length < limit && perCategory.some((list) => list.length > rank); rank++) {
    for (const list of perCategory) {
      const article = list[rank];
      if (article && picked.length < limit) picked.push(article);
    }
  }
  return picked;
}

/** How many pages a list of `total` items takes at `pageSize` a page (at least one). */
export const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
