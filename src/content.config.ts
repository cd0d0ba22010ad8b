// Content collections: FAQ articles (MDX) and their categories (JSON), each validated
// field by field so a bad file fails the build with the file and field named.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { faqFrontmatterSchema, categorySchema } from './lib/content/schemas.ts';

const categories = defineCollection({
  loader: glob({ pattern: '*.json', base: './content/categories' }),
  schema: categorySchema,
});

const faq = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/faq' }),
  schema: faqFrontmatterSchema.extend({
    category: reference('categories'),
    related: z.array(reference('faq')).max(6).default([]),
  }),
});

export const collections = { categories, faq };
