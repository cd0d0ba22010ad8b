import { describe, expect, test } from 'vitest';
import { faqFrontmatterSchema, faqFrontmatterSchemaFor, categorySchema } from '../../src/lib/content/schemas.ts';

const good = {
  title: '如何更换管理员账号？',
  category: 'accounts',
  summary: '在账户中心的企业联系人里修改 QQ 账号即可。',
  aliases: ['换管理员'],
  updated: '2024-01-19',
  related: ['staff-account-sign-in'],
  order: 1,
};

describe('FAQ frontmatter', () => {
  test('accepts a complete article and fills defaults', () => {
    const data = faqFrontmatterSchema.parse({ ...good, related: undefined });
    expect(data.updated).toEqual(new Date('2024-01-19'));
    expect(data.related).toEqual([]);
    expect(data.popular).toBe(false);
  });

  test.each([
    ['title', { title: '' }],
    ['category', { category: '账号' }],
    ['summary', { summary: '短' }],
    ['aliases', { aliases: [] }],
    ['updated', { updated: '上周' }],
    ['related', { related: ['Not A Slug'] }],
    ['order', { order: 1.5 }],
    ['popular', { popular: 'yes' }],
  ])('refuses a bad %s', (field, patch) => {
    const result = faqFrontmatterSchema.safeParse({ ...good, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(field);
  });

  test('refuses unknown fields, so a misspelt one is not silently ignored', () => {
    const result = faqFrontmatterSchema.safeParse({ ...good, alias: ['x'] });
    expect(result.success).toBe(false);
  });
});

describe('category', () => {
  test('needs a name, a description and an order', () => {
    expect(categorySchema.safeParse({ name: '账号与登录', description: '账号问题', order: 2 }).success).toBe(true);
    expect(categorySchema.safeParse({ name: '账号与登录', order: 2 }).success).toBe(false);
  });
});

describe('references between content files', () => {
  const schema = faqFrontmatterSchemaFor({ categoryIds: ['accounts', 'downloads'], articleSlugs: ['staff-account-sign-in'] });

  test('accept existing category and related articles', () => {
    expect(schema.safeParse(good).success).toBe(true);
  });

  test('an unknown category lists the ones that exist', () => {
    const result = schema.safeParse({ ...good, category: 'acounts' });
    expect(result.error!.issues[0]!.path).toEqual(['category']);
    expect(result.error!.issues[0]!.message).toContain('acounts');
    expect(result.error!.issues[0]!.message).toContain('accounts、downloads');
  });

  test('an unknown related article is named', () => {
    const result = schema.safeParse({ ...good, related: ['no-such-article'] });
    expect(result.error!.issues[0]!.path).toEqual(['related', 0]);
    expect(result.error!.issues[0]!.message).toContain('no-such-article');
  });
});
