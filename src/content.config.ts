// Content collections: FAQ articles (MDX), their categories and the downloadable
// clients (JSON), each validated field by field so a bad file fails the build with the
// file and field named.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readdirSync } from 'node:fs';
import { categorySchema, faqFrontmatterSchemaFor } from './lib/content/schemas.ts';
import { clientSchema } from './lib/downloads/client-schema.ts';

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

/** Downloadable clients, one JSON file each in content/clients/. */
const clients = defineCollection({
  loader: glob({ pattern: '*.json', base: './content/clients' }),
  schema: clientSchema,
});

export const collections = { categories, faq, clients };
