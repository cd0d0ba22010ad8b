import { describe, expect, test } from 'vitest';
import { faqFrontmatterSchema, faqFrontmatterSchemaFor, categorySchema } from '../../src/lib/content/schemas.ts';
import { calendarDate, calendarDateProblem, restoreWrittenDates } from '../../src/lib/content/dates.ts';
import { chineseMessage } from '../../src/config/chinese-messages.ts';

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

describe('dates', () => {
  const today = '2026-11-25';

  test.each(['2024-01-19', '2024-02-29', '2026-11-25'])('accepts %s', (text) => {
    expect(calendarDateProblem(text, today)).toBeUndefined();
  });

  test.each([
    ['2026-13-45', '月份只能是 01 到 12'],
    ['2026-00-10', '月份只能是 01 到 12'],
    ['2026-02-30', '2026 年 2 月只有 28 天'],
    ['2026-04-31', '2026 年 4 月只有 30 天'],
    ['2026-01-00', '2026 年 1 月只有 31 天'],
    ['2026-2-3', 'YYYY-MM-DD'],
    ['2026/02/03', 'YYYY-MM-DD'],
    ['上周', 'YYYY-MM-DD'],
    ['2026-11-26', '晚于今天（2026-11-25）'],
  ])('refuses %s: %s', (text, why) => {
    expect(calendarDateProblem(text, today)).toContain(why);
  });

  test('a date field gives pages the day at midnight UTC, and refuses an impossible one in Chinese', () => {
    const schema = calendarDate(() => today);
    expect(schema.parse('2024-01-19')).toEqual(new Date('2024-01-19T00:00:00Z'));
    const result = schema.safeParse('2026-13-45', { error: chineseMessage });
    expect(result.error!.issues[0]!.message).toContain('「2026-13-45」不是真实的日期');
  });

  test('the article frontmatter refuses an impossible or future date', () => {
    expect(faqFrontmatterSchema.safeParse({ ...good, updated: '2026-02-30' }).error!.issues[0]!.path).toEqual(['updated']);
    expect(faqFrontmatterSchema.safeParse({ ...good, updated: '2999-01-01' }).error!.issues[0]!.path).toEqual(['updated']);
  });

  test('puts back what the frontmatter says where YAML rolled a date over', () => {
    // YAML reads `updated: 2026-13-45` as 14 February 2027.
    const rolled = { title: 'x', updated: new Date(Date.UTC(2026, 12, 45)) };
    const file = '---\ntitle: x\nupdated: 2026-13-45   # 核对过\n---\n正文 updated: 2024-01-01\n';
    expect(restoreWrittenDates(rolled, file)).toEqual({ title: 'x', updated: '2026-13-45' });
    expect(restoreWrittenDates({ updated: new Date('2024-01-19') }, '\uFEFF---\r\n"updated": 2024-01-19\r\n---\r\n')).toEqual({ updated: '2024-01-19' });
  });
});
