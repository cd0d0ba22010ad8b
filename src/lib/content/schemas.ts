// Schemas of the help center's content files, kept free of Astro so unit tests can
// check them directly; src/content.config.ts adds the cross-collection references.
import { z } from 'zod';
import { calendarDate } from './dates.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和短横线，如 change-administrator');

/** A category of questions, one JSON file each in `content/categories/`. */
export const categorySchema = z.strictObject({
  /** Name shown in navigation, e.g. 账号与登录. */
  name: z.string().trim().min(1).max(20),
  /** One sentence telling what questions the category holds. */
  description: z.string().trim().min(1).max(120),
  /** Position on the home page, smallest first. */
  order: z.int().min(0),
});

/** Frontmatter of one FAQ article in `content/faq/`. */
export const faqFrontmatterSchema = z.strictObject({
  /** The question, as a customer would ask it. */
  title: z.string().trim().min(4).max(60),
  /** Id of the category (file name in `content/categories/` without `.json`). */
  category: slug,
  /** One-sentence answer: search excerpt, meta description and JSON-LD answer. */
  summary: z.string().trim().min(10).max(160),
  /**
   * What customers type when they look for this answer: colloquial words, keywords,
   * frequent typos. Indexed by the search with a high weight, never shown as body text.
   */
  aliases: z.array(z.string().trim().min(1).max(30)).min(1).max(30),
  /** When the answer's facts were last checked: YYYY-MM-DD, a real day, not after today. */
  updated: calendarDate(),
  /** Slugs of articles a reader may want next. */
  related: z.array(slug).max(6).default([]),
  /** Position within its category, smallest first. */
  order: z.int().min(0),
  /** Listed under 热门问题 on the home page. */
  popular: z.boolean().default(false),
  /**
   * What the article is about: `sales` for buying (prices, packs, what to purchase), so
   * 没有帮助 offers the 售前 line first; `support` (the default) for using the product,
   * which offers the 售后 line and no sales line.
   */
  topic: z.enum(['sales', 'support']).default('support'),
});

/** What exists, so references between content files can be checked while parsing. */
export interface ContentIndex {
  categoryIds: readonly string[];
  articleSlugs: readonly string[];
}

/**
 * The frontmatter schema with its references checked: `category` must name a file in
 * `content/categories/`, each of `related` a file in `content/faq/`.
 */
export function faqFrontmatterSchemaFor({ categoryIds, articleSlugs }: ContentIndex) {
  const listed = (ids: readonly string[]) => ids.join('、');
  // Sets, so checking every article's references stays linear in the number of articles.
  const categorySet = new Set(categoryIds);
  const articleSet = new Set(articleSlugs);
  return faqFrontmatterSchema.extend({
    category: slug.refine((id) => categorySet.has(id), {
      error: (issue) => `分类「${String(issue.input)}」不存在，可用的分类：${listed(categoryIds)}`,
    }),
    related: z
      .array(
        slug.refine((id) => articleSet.has(id), {
          error: (issue) => `相关问题「${String(issue.input)}」不存在（content/faq/ 下没有这个文件）`,
        }),
      )
      .max(6)
      .default([]),
  });
}

