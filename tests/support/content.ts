// Reads the shipped content the way an author sees it, so tests compare pages with files.
import { readdirSync, readFileSync } from 'node:fs';

const contentDir = new URL('../../content/', import.meta.url);

export interface ShippedArticle {
  slug: string;
  title: string;
  category: string;
}

export function shippedArticles(): ShippedArticle[] {
  return readdirSync(new URL('faq/', contentDir))
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(new URL(`faq/${file}`, contentDir), 'utf8');
      const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';
      return { slug: file.replace(/\.mdx$/, ''), title: field('title'), category: field('category') };
    });
}

export function shippedCategories(): { id: string; name: string }[] {
  return readdirSync(new URL('categories/', contentDir))
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({
      id: file.replace(/\.json$/, ''),
      name: (JSON.parse(readFileSync(new URL(`categories/${file}`, contentDir), 'utf8')) as { name: string }).name,
    }));
}
