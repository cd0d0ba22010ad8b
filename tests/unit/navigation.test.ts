import { describe, expect, test } from 'vitest';
import { groupByCategory, neighbourIndex, popularArticles } from '../../src/lib/content/navigation.ts';

const categories = [
  { id: 'robot', name: '文本机器人', order: 2 },
  { id: 'accounts', name: '账号与登录', order: 1 },
  { id: 'empty', name: '空分类', order: 3 },
];
const articles = [
  { slug: 'r2', title: '乙', category: 'robot', order: 2, popular: true },
  { slug: 'r1', title: '甲', category: 'robot', order: 1 },
  { slug: 'r3', title: '丙', category: 'robot', order: 3 },
  { slug: 'a1', title: '管理员', category: 'accounts', order: 1, popular: true },
];

describe('groupByCategory', () => {
  test('orders categories and their articles, and drops empty categories', () => {
    const groups = groupByCategory(articles, categories);
    expect(groups.map((g) => g.category.id)).toEqual(['accounts', 'robot']);
    expect(groups[1]!.articles.map((a) => a.slug)).toEqual(['r1', 'r2', 'r3']);
  });

  test('keeps an empty category when asked to (one that holds a tool)', () => {
    const groups = groupByCategory(articles, categories, (c) => c.id === 'empty');
    expect(groups.map((g) => g.category.id)).toEqual(['accounts', 'robot', 'empty']);
    expect(groups[2]!.articles).toEqual([]);
  });
});

describe('neighbours', () => {
  test.each([
    { slug: 'r1', prev: undefined, next: 'r2' },
    { slug: 'r2', prev: 'r1', next: 'r3' },
    { slug: 'r3', prev: 'r2', next: undefined },
    { slug: 'a1', prev: undefined, next: undefined },
    { slug: 'missing', prev: undefined, next: undefined },
  ])('$slug: prev $prev, next $next, within its category', ({ slug, prev, next }) => {
    const n = neighbourIndex(groupByCategory(articles, categories)).get(slug) ?? {};
    expect(n.prev?.slug).toBe(prev);
    expect(n.next?.slug).toBe(next);
  });
});

describe('popularArticles', () => {
  test('follow category order', () => {
    expect(popularArticles(articles, categories).map((a) => a.slug)).toEqual(['a1', 'r2']);
  });

  test('take each category\'s first popular question before any second one, up to the limit', () => {
    const many = [
      ...articles,
      { slug: 'a2', title: '乙', category: 'accounts', order: 2, popular: true },
      { slug: 'r4', title: '丁', category: 'robot', order: 4, popular: true },
    ];
    expect(popularArticles(many, categories).map((a) => a.slug)).toEqual(['a1', 'r2', 'a2', 'r4']);
    expect(popularArticles(many, categories, 3).map((a) => a.slug)).toEqual(['a1', 'r2', 'a2']);
  });
});

describe('groupByCategory at scale', () => {
  test('groups 20,000 articles over 100 categories and indexes their neighbours', () => {
    const cats = Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, name: `分类${i}`, order: i }));
    const many = Array.from({ length: 20_000 }, (_, i) => ({ slug: `s${i}`, title: `问题${i}`, category: `c${i % 100}`, order: i }));
    const groups = groupByCategory(many, cats);
    expect(groups).toHaveLength(100);
    expect(groups.every((g) => g.articles.length === 200)).toBe(true);
    const index = neighbourIndex(groups);
    expect(index.size).toBe(20_000);
    expect(index.get('s100')).toEqual({ prev: many[0], next: many[200] });
  });
});
