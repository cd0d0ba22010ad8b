// The support lines: which a page offers, which one a tool names, how numbers are shown and dialled.
import { describe, expect, test } from 'vitest';
import { displayPhone, linePurpose, linesAfterNotHelpful, linesFor, supportLineFor, telHref, type SupportLine } from '../../src/lib/contact/support-lines.ts';

describe('displayPhone', () => {
  test.each([
    ['4009100100', '400-910-0100'],
    ['8008101234', '800-810-1234'],
    ['13800138000', '138-0013-8000'],
    ['01012345678', '010-12345678'],
    ['02112345678', '021-12345678'],
    ['075512345678', '0755-12345678'],
    ['07551234567', '0755-1234567'],
    ['95716', '95716'],
    ['10086', '10086'],
    ['123456', '123456'],
    [' 4009100100 ', '400-910-0100'],
  ])('%s is shown as %s', (phone, shown) => {
    expect(displayPhone(phone)).toBe(shown);
  });

  test.each(['400 910 0100', '0755-8888 8888', '+86 10 1234 5678'])('%s, written with separators, stays as written', (phone) => {
    expect(displayPhone(phone)).toBe(phone);
  });
});

describe('telHref', () => {
  test.each([
    ['4009100100', 'tel:4009100100'],
    ['400-910-0100', 'tel:4009100100'],
    ['+86 10 1234 5678', 'tel:+861012345678'],
  ])('%s dials %s', (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});

describe('linesFor', () => {
  const sales = { label: '售前咨询', phone: '4009100100', topic: 'sales' as const };
  const support = { label: '售后服务', phone: '95716', topic: 'support' as const };
  const unmarked: SupportLine = { label: '投诉', phone: '4001234567' };

  test('a page about sales offers the sales lines only', () => {
    expect(linesFor([sales, support, unmarked], 'sales')).toEqual([sales]);
  });

  test('a page about nothing in particular offers every line', () => {
    expect(linesFor([sales, support, unmarked])).toEqual([sales, support, unmarked]);
  });

  test('when no line is marked with the topic, every line is offered rather than none', () => {
    expect(linesFor([unmarked, { ...support, topic: undefined }], 'support')).toEqual([unmarked, { ...support, topic: undefined }]);
  });
});

const shipped = [
  { label: '售前咨询', phone: '400-910-0100' },
  { label: '售后服务', phone: '95716' },
];

describe('supportLineFor', () => {
  test.each([
    { lines: shipped, purpose: 'pre-sales', expected: '400-910-0100' },
    { lines: shipped, purpose: 'after-sales', expected: '95716' },
    // Found by the label wherever it stands in the list.
    { lines: [...shipped].reverse(), purpose: 'pre-sales', expected: '400-910-0100' },
    { lines: [{ label: '技术支持', phone: '1' }, { label: '售后热线', phone: '2' }, { label: '投诉', phone: '3' }], purpose: 'after-sales', expected: '2' },
    // A line's topic wins over its label.
    { lines: [{ label: '售前咨询', phone: '1' }, { label: '热线', phone: '2', topic: 'sales' }], purpose: 'pre-sales', expected: '2' },
    { lines: [{ label: '售后服务', phone: '1' }, { label: '技术支持', phone: '2', topic: 'support' }], purpose: 'after-sales', expected: '2' },
    // No topic or label says which: the first line for prices, the last for help.
    { lines: [{ label: '客服热线', phone: '1' }, { label: '值班电话', phone: '2' }], purpose: 'pre-sales', expected: '1' },
    { lines: [{ label: '客服热线', phone: '1' }, { label: '值班电话', phone: '2' }], purpose: 'after-sales', expected: '2' },
    { lines: [{ label: '客服热线', phone: '1' }], purpose: 'after-sales', expected: '1' },
  ] as const)('$purpose of $lines.0.label… → $expected', ({ lines, purpose, expected }) => {
    expect(supportLineFor(lines, purpose).phone).toBe(expected);
  });
});

describe('linePurpose: what a line is for, beside it where search has no sure answer', () => {
  test.each([
    [{ label: '热线', topic: 'sales' as const }, '价格、购买和开通'],
    [{ label: '热线', topic: 'support' as const }, '使用中遇到的问题'],
    [{ label: '售前咨询' }, '价格、购买和开通'],
    [{ label: '售后服务' }, '使用中遇到的问题'],
    [{ label: '客服热线' }, undefined],
  ])('%j → %s', (line, purpose) => {
    expect(linePurpose(line)).toBe(purpose);
  });
});

describe('linesAfterNotHelpful', () => {
  const sales = { label: '售前咨询', phone: '4009100100', topic: 'sales' as const };
  const support = { label: '售后服务', phone: '95716', topic: 'support' as const };
  const byLabel = { label: '售前热线', phone: '4001112222' };
  const other: SupportLine = { label: '投诉', phone: '4001234567' };
  const labels = (lines: SupportLine[]) => lines.map((l) => l.label);

  test('an account or product article (the default): 售后服务 first, no sales line', () => {
    expect(labels(linesAfterNotHelpful([sales, support]))).toEqual(['售后服务']);
    expect(labels(linesAfterNotHelpful([sales, other, support], 'support'))).toEqual(['售后服务', '投诉']);
    // A line named 售前… counts as sales even without a topic.
    expect(labels(linesAfterNotHelpful([byLabel, support]))).toEqual(['售后服务']);
  });

  test('a purchase article: 售前咨询 first, then the rest', () => {
    expect(labels(linesAfterNotHelpful([support, sales], 'sales'))).toEqual(['售前咨询', '售后服务']);
    expect(labels(linesAfterNotHelpful([other, support, byLabel, sales], 'sales'))).toEqual(['售前热线', '售前咨询', '投诉', '售后服务']);
  });

  test('never none: a site with only a sales line still offers it', () => {
    expect(labels(linesAfterNotHelpful([sales]))).toEqual(['售前咨询']);
  });
});
