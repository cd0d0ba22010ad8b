import { describe, expect, test } from 'vitest';
import { characterPairs, meaningfulWords, queryTerms, segmentWords } from '../../src/lib/search/words.ts';
import { isFunctionWord } from '../../src/lib/search/function-words.ts';

describe('the words of a question worth searching for (Intl.Segmenter, as browsers have it)', () => {
  test.each([
    // The two sentences: no article holds them, each holds their words.
    ['普通员工怎么进后台', ['普通', '员工', '后台']],
    ['用不完的次数会作废吗', ['用不完', '次数', '作废']],
    // Single characters the segmenter leaves side by side are one word…
    ['客服电话', ['客服', '电话']],
    ['员工离职了账号怎么处理', ['员工', '离职', '账号', '处理']],
    // …and a lone one joins the word before it (the dictionary lacks 管理员, 机器人).
    ['怎么换管理员', ['管理员']],
    ['机器人对话次数不够用怎么办', ['机器人', '对话', '次数', '不够']],
    ['Windows 客户端在哪下载', ['windows', '客户端', '下载']],
    // Three characters after a word: the first ends it, the other two make one.
    ['机器人余额能转到明年吗', ['机器人', '余额', '明年']],
    // Only function words: nothing to search.
    ['怎么办呢', []],
  ])('%s → %j', (query, words) => {
    expect(meaningfulWords(query)).toEqual(words);
  });

  test('a lone character is kept when it has synonyms', () => {
    expect(meaningfulWords('怎么换', { keepSingle: (c) => c === '换' })).toEqual(['换']);
    expect(meaningfulWords('怎么换')).toEqual([]);
  });

  test('a word with a character joined keeps the segmenter\'s shorter word', () => {
    expect(queryTerms('换管理员')).toEqual([{ word: '管理员', shorter: '管理' }]);
  });

  test('function words are dropped, in either case', () => {
    expect(['的', '吗', '怎么', '能不能', 'How'].every(isFunctionWord)).toBe(true);
    expect(['会话', '后台', '作废'].some(isFunctionWord)).toBe(false);
  });
});

describe('without Intl.Segmenter: character pairs', () => {
  test.each([
    ['普通员工怎么进后台', ['普通', '通员', '员工', '进后', '后台']],
    ['用不完的次数会作废吗', ['用不', '不完', '次数', '数会', '会作', '作废']],
    ['发票', ['发票']],
    ['下载 windows', ['下载', 'windows']],
  ])('%s → %j', (query, pairs) => {
    expect(segmentWords(query, null)).toEqual(pairs);
    expect(meaningfulWords(query, { segmenter: null })).toEqual(pairs);
  });

  test('the pairs hold the words an article holds, cut at function words', () => {
    expect(characterPairs('员工怎么登录')).toEqual(['员工', '登录']);
    expect(characterPairs('的')).toEqual([]);
    expect(characterPairs('票')).toEqual(['票']);
  });
});
