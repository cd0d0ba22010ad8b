// Content collections: FAQ articles (MDX) and their categories (JSON), each validated
// field by field so a bad file fails the build with the file and field named.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readdirSync } from 'node:fs';
import { categorySchema, faqFrontmatterSchemaFor } from './lib/content/schemas.ts';

const FAQ_DIR = './content/faq';
const CATEGORIES_DIR = './content/categories';

const namesIn = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length));

const categories = defineCollection({
  loader: glob({ pattern: '*.json', base: CATEGORIES_DIR }),
  schema: categorySchema,
});

const faq = defineCollection({
  loader: glob({ pattern: '*.mdx', base: FAQ_DIR }),
  schema: faqFrontmatterSchemaFor({ categoryIds: namesIn(CATEGORIES_DIR, '.json'), articleSlugs: namesIn(FAQ_DIR, '.mdx') }),
});

export const collections = { categories, faq };
