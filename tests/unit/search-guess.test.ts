import { describe, expect, test } from 'vitest';
import { guessTerms, isBestGuess, MAX_FORMS, MAX_TERMS, rankGuesses, type GuessPage } from '../../src/lib/search/guess.ts';
import { synonymIndex } from '../../src/lib/search/synonyms.ts';

const synonyms = synonymIndex([
  ['作废', '清零', '过期'],
  ['员工', '工号', '成员'],
  ['后台', '账户中心'],
  ['次数', '条数'],
  ['换', '更换', '转让'],
]);

const page = (url: string, title: string, aliases: string, text: string, order = 0): GuessPage => ({ url, title, aliases, text, order });
const signIn = page('/faq/staff-account-sign-in/', '普通工号怎样登录账户中心？', '员工账号怎么登录', '管理员开通工号后，成员可以登录账户中心。', 3);
const unused = page('/faq/robot-unused-conversations/', '机器人对话次数没用完怎么办？', '机器人次数到期清零吗', '剩余次数会累加到下一个周期。', 1);
const deactivate = page('/faq/deactivate-member/', '停用成员后会有什么影响？', '停用员工', '停用后，这个账号会被强制下线。', 0);
const admin = page('/faq/change-administrator/', '如何更换管理员账号？', '管理员转让', '在账户中心更换管理员。', 2);

describe('the words searched for a question in other words, with their synonyms', () => {
  test('普通员工怎么进后台: 普通, 员工 (工号, 成员), 后台 (账户中心)', () => {
    expect(guessTerms('普通员工怎么进后台', synonyms)).toEqual([
      { word: '普通', forms: ['普通'] },
      { word: '员工', forms: ['员工', '工号', '成员'] },
      { word: '后台', forms: ['后台', '账户中心'] },
    ]);
  });

  test('a lone character counts through its synonyms only; a joined word keeps its shorter one', () => {
    expect(guessTerms('怎么换管理员', synonyms)).toEqual([
      { word: '换', forms: ['更换', '转让'] },
      { word: '管理员', forms: ['管理员', '管理'] },
    ]);
  });

  test(`no word brings more than ${MAX_FORMS} forms`, () => {
    const big = synonymIndex([Array.from({ length: 12 }, (_, i) => `词${'一二三四五六七八九十百千'[i]}`)]);
    expect(guessTerms('词一', big)[0]!.forms).toHaveLength(MAX_FORMS);
  });

  test(`a long query (a pasted paragraph) searches its first ${MAX_TERMS} words, no more`, () => {
    const words = guessTerms('员工 后台 客户端 机器人 发票 账号 密码 消息 会话 成员', synonyms).map((t) => t.word);
    expect(words).toEqual(['员工', '后台', '客户端', '机器人', '发票', '账号'].slice(0, MAX_TERMS));
  });

  test('without a segmenter, the character pairs are searched', () => {
    expect(guessTerms('员工进后台', synonyms, null).map((t) => t.word)).toEqual(['员工', '工进', '进后', '后台']);
  });
});

describe('ranking pages by the words they hold', () => {
  test('普通员工怎么进后台 puts the article holding 工号 and 账户中心 in its title first', () => {
    const ranked = rankGuesses(guessTerms('普通员工怎么进后台', synonyms), [deactivate, admin, unused, signIn]);
    expect(ranked.map((r) => r.url)).toEqual([signIn.url, deactivate.url, admin.url]);
    // 普通 (title 3) + 员工 (aliases 3; the first form in its best place) + 账户中心 (title 3).
    expect(ranked[0]).toEqual({ url: signIn.url, score: 9, found: ['普通', '员工', '账户中心'] });
  });

  test('用不完的次数会作废吗 finds the article on unused conversations through 清零', () => {
    const ranked = rankGuesses(guessTerms('用不完的次数会作废吗', synonyms), [signIn, deactivate, unused]);
    expect(ranked.map((r) => r.url)).toEqual([unused.url]);
    expect(ranked[0]!.found).toEqual(['次数', '清零']);
  });

  test('a word in the title or aliases weighs more than one in the text; ties keep the search order', () => {
    const terms = guessTerms('员工', synonyms);
    const inText = page('/a/', '标题', '', '员工', 0);
    const inAliases = page('/b/', '标题', '员工', '', 5);
    const inTitle = page('/c/', '员工', '', '', 4);
    expect(rankGuesses(terms, [inText, inAliases, inTitle]).map((r) => r.url)).toEqual(['/c/', '/b/', '/a/']);
    const again = page('/d/', '成员', '', '', 1);
    expect(rankGuesses(terms, [inTitle, again]).map((r) => r.url)).toEqual(['/d/', '/c/']);
  });

  test('the noise rule holds: a page sharing only single characters is not ranked', () => {
    expect(rankGuesses(guessTerms('发票', synonyms), [page('/x/', '发起会话', '', '票据', 0)])).toEqual([]);
  });
});

describe('words every page holds', () => {
  const terms = guessTerms('客服热线', synonymIndex([]));
  const pages = ['/a/', '/b/', '/c/'].map((url, i) => page(url, `企点客服 ${i}`, '', '', i));

  test('客服热线 on a site where most pages say 客服: nothing (客服 alone says nothing)', () => {
    expect(rankGuesses(terms, pages, 4)).toEqual([]);
    // Without the page count (or on a site where 客服 is rarer) each page holds a word.
    expect(rankGuesses(terms, pages, 10)).toHaveLength(3);
    expect(rankGuesses(terms, pages)).toHaveLength(3);
  });

  test('a common word still adds to a page that holds a rarer one', () => {
    const hotline = page('/d/', '客服热线是多少', '', '', 9);
    expect(rankGuesses(terms, [...pages, hotline], 5).map((r) => [r.url, r.found])).toEqual([['/d/', ['客服', '热线']]]);
  });

  test('with the page count, a rarer word weighs more: 次数 on one page outranks 机器人 on three', () => {
    const robotTerms = guessTerms('机器人次数', synonymIndex([]));
    const robot = ['/a/', '/b/', '/c/'].map((url, i) => page(url, `机器人 ${i}`, '', '', i));
    const times = page('/d/', '标题', '', '次数', 9);
    expect(rankGuesses(robotTerms, [...robot, times], 10)[0]!.url).toBe('/a/');
    const [first, second] = rankGuesses(robotTerms, [...robot, { ...times, title: '次数' }], 10);
    expect(first!.url).toBe('/d/');
    expect(first!.score).toBeCloseTo(3 * Math.log(1 + 10 / 1));
    expect(second!.score).toBeCloseTo(3 * Math.log(1 + 10 / 3));
  });

  test('a strict hit is kept whatever words it holds', () => {
    const strict = { ...page('/s/', '企点客服', '', '', 0), strict: true };
    expect(rankGuesses(terms, [...pages, strict], 4).map((r) => r.url)).toEqual(['/s/']);
  });
});

describe('a best guess, or pages sharing a word or two', () => {
  test.each([
    ['用不完的次数会作废吗', [unused], true],
    ['普通员工怎么进后台', [signIn], true],
    // 客服 of 客服电话: one word of two.
    ['客服电话', [page('/x/', '企点客服', '', '', 0)], false],
    ['发票', [], false],
  ])('%s: guess %s', (query, pages, guess) => {
    const terms = guessTerms(query, synonyms);
    expect(isBestGuess(rankGuesses(terms, pages)[0], terms)).toBe(guess);
  });
});

test('for a one-word query the strict hits keep their own order (Pagefind weighs headings)', () => {
  const terms = guessTerms('公众号', synonymIndex([]));
  const section = { ...page('/deactivate/', '停用成员', '', '## 公众号', 0), strict: true };
  const alias = { ...page('/outside/', '站外渠道', '公众号放客服链接', '', 1), strict: true };
  expect(rankGuesses(terms, [alias, section]).map((r) => r.url)).toEqual(['/deactivate/', '/outside/']);
});
