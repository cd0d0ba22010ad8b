// When the results of a query as typed are sure answers, and when a best guess.
import { describe, expect, test } from 'vitest';
import { namedOnlyInPassing } from '../../src/lib/search/outcome.ts';

describe('a one-word query named once, in passing', () => {
  const unused = { title: '机器人对话次数用不完怎么办？', aliases: '剩余次数 过期', text: '剩余次数不能兑换成现金，也不能退款。到期后清零。' };

  test('退款, named once in the text only: in passing', () => {
    expect(namedOnlyInPassing('退款', unused)).toBe(true);
    expect(namedOnlyInPassing(' 退款 ', unused)).toBe(true);
  });

  test('a word in the title or the aliases is what the page is about', () => {
    expect(namedOnlyInPassing('机器人', unused)).toBe(false);
    expect(namedOnlyInPassing('过期', unused)).toBe(false);
  });

  test('a word the text names twice or more is not in passing', () => {
    expect(namedOnlyInPassing('次数', { ...unused, title: '用不完怎么办' })).toBe(false);
  });

  test('Latin words are matched whatever their case', () => {
    expect(namedOnlyInPassing('Mac', { title: '下载客户端', aliases: 'mac 苹果电脑', text: '' })).toBe(false);
    expect(namedOnlyInPassing('MAC', { title: '下载客户端', aliases: '', text: '支持 mac。' })).toBe(true);
  });

  test('a question the text does not hold as typed is judged by the ranking, not by this rule', () => {
    expect(namedOnlyInPassing('剩下的次数能退钱吗', unused)).toBe(false);
  });

  test('a query of several words is judged by the ranking, not by this rule', () => {
    expect(namedOnlyInPassing('不能 退款', unused)).toBe(false);
    expect(namedOnlyInPassing('', unused)).toBe(false);
  });
});
