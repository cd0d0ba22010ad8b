import { describe, expect, test } from 'vitest';
import { tidyExcerpt, toHit } from '../../src/scripts/search/engine.ts';

describe('tidyExcerpt', () => {
  const title = '如何更换管理员账号？';
  test.each([
    {
      name: 'drops the title piece the window opened in',
      excerpt: '管理员账号？ 管理员账号就是企业联系人绑定的 <mark>QQ</mark> 账号。',
      expected: '管理员账号就是企业联系人绑定的 <mark>QQ</mark> 账号。',
    },
    {
      name: 'keeps the title piece when only it holds the match',
      excerpt: '更换<mark>管理员</mark>账号？ 先登录账户中心，然后',
      expected: '更换<mark>管理员</mark>账号？ 先登录账户中心，然后……',
    },
    {
      name: 'keeps a mark that straddles the cut balanced',
      excerpt: '<mark>账号？</mark> <mark>管理员</mark>就是',
      expected: '<mark>管理员</mark>就是……',
    },
    { name: 'adds an ellipsis to a cut-off end', excerpt: '先登录<mark>账户中心</mark>，然后', expected: '先登录<mark>账户中心</mark>，然后……' },
  ])('$name', ({ excerpt, expected }) => {
    expect(tidyExcerpt(excerpt, title)).toBe(expected);
  });
});

describe('toHit', () => {
  const base = { url: '/faq/a/', excerpt: 'x', meta: { title: '标题', category: '分类', summary: '一句话<答案>' } };

  test('uses the first matching text section as the excerpt', () => {
    const hit = toHit({
      ...base,
      sub_results: [
        { url: '/faq/a/#intro', excerpt: '没有匹配' },
        { url: '/faq/a/#steps', excerpt: '点击 <mark>修改</mark>。' },
        { url: '/faq/a/#search-aliases', excerpt: '<mark>修改</mark>管理员' },
      ],
    });
    expect(hit).toMatchObject({ url: '/faq/a/', title: '标题', category: '分类', excerpt: '点击 <mark>修改</mark>。' });
    expect(hit.matchedAlias).toBeUndefined();
  });

  test('an alias-only match shows the (escaped) summary and names the alias', () => {
    const hit = toHit({ ...base, sub_results: [{ url: '/faq/a/#search-aliases', excerpt: '常见说法. <mark>换管理员</mark>，改联系人' }] });
    expect(hit.excerpt).toBe('一句话&#60;答案&#62;');
    expect(hit.matchedAlias).toBe('换管理员');
  });
});
