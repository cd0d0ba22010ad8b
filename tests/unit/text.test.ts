import { describe, expect, test } from 'vitest';
import { clip, splitEndPunctuation, stripBom } from '../../src/lib/text.ts';

describe('clip', () => {
  test.each([
    { name: 'short text stays whole', text: '发票', max: 100, expected: '发票' },
    { name: 'long text is cut at max', text: '发'.repeat(120), max: 100, expected: '发'.repeat(100) },
    { name: 'an emoji across the limit is left out whole', text: `${'发'.repeat(99)}😀`, max: 100, expected: '发'.repeat(99) },
    { name: 'an emoji that fits stays', text: `${'发'.repeat(98)}😀x`, max: 100, expected: `${'发'.repeat(98)}😀` },
    { name: 'exactly max', text: 'ab', max: 2, expected: 'ab' },
  ])('$name', ({ text, max, expected }) => {
    const clipped = clip(text, max);
    expect(clipped).toBe(expected);
    expect(clipped.isWellFormed()).toBe(true);
  });
});

describe('stripBom', () => {
  test.each([
    ['\uFEFF{"a":1}', '{"a":1}'],
    ['{"a":1}', '{"a":1}'],
    ['\uFEFF\uFEFF{}', '\uFEFF{}'], // only the one a tool wrote
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(stripBom(text)).toBe(expected);
  });
});

describe('splitEndPunctuation', () => {
  test.each([
    ['普通工号怎样登录账户中心？', ['普通工号怎样登录账户中心', '？']],
    ['点击接待组件后会话窗口打不开，怎么办？', ['点击接待组件后会话窗口打不开，怎么办', '？']],
    ['见「下载」。」', ['见「下载', '」。」']],
    ['没有标点', ['没有标点', '']],
    ['Half-width?', ['Half-width?', '']],
    ['？', ['', '？']],
  ])('%s', (text, parts) => {
    expect(splitEndPunctuation(text)).toEqual(parts);
  });
});
