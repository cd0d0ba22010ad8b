// Content collections: FAQ articles (MDX, or plain Markdown for an article that uses no
// component: much cheaper to build, docs/developing/scale.md), their categories and the downloadable
// clients (JSON), each validated field by field so a bad file fails the build with the
// file and field named, in Chinese (src/data/checked-loader.ts).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readdirSync } from 'node:fs';
import { checkedCollection } from './data/checked-loader.ts';
import { categorySchema, faqFrontmatterSchemaFor } from './lib/content/schemas.ts';
import { clientSchema } from './lib/downloads/client-schema.ts';

const FAQ_DIR = './content/faq';
const CATEGORIES_DIR = './content/categories';

const namesIn = (dir: string, ...exts: string[]) =>
  readdirSync(dir).flatMap((f) => exts.filter((ext) => f.endsWith(ext)).map((ext) => f.slice(0, -ext.length)));

const categories = defineCollection(checkedCollection(glob({ pattern: '*.json', base: CATEGORIES_DIR }), categorySchema));

const faq = defineCollection(
  checkedCollection(
    glob({ pattern: '*.{md,mdx}', base: FAQ_DIR }),
    faqFrontmatterSchemaFor({ categoryIds: namesIn(CATEGORIES_DIR, '.json'), articleSlugs: namesIn(FAQ_DIR, '.md', '.mdx') }),
  ),
);

/** Downloadable clients, one JSON file each in content/clients/. */
const clients = defineCollection(checkedCollection(glob({ pattern: '*.json', base: './content/clients' }), clientSchema));

export const collections = { categories, faq, clients };
