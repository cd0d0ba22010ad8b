import { describe, expect, test } from 'vitest';
import { isPartialMatch, queryCoverage } from '../../src/scripts/search/relevance.ts';

// Matched words as Pagefind marked them in the built index for these queries.
describe('search relevance', () => {
  test.each([
    ['发票怎么开', [['怎么', '怎么', '打开', '发'], ['开', '怎么', '发']], true],
    ['客服电话', [['客', '服', '客户'], ['服务']], true],
    ['跟踪防护', [['跟']], true],
    ['换管理员', [['换', '管理', '员', '更换']], false],
    ['聊天窗口打不开', [['聊天', '窗口', '打不开']], false],
    ['对话条数', [['对话', '条', '数', '次数']], false],
    ['语音能保存吗', [['保存', '语音', '吗', '能']], false],
    ['机器人价格', [['机器', '人', '价格']], false],
    ['App Store', [['App', 'Store']], false],
    ['应用宝', [['应用宝']], false],
    ['群主', [['群']], false], // too short to judge: Pagefind's word is final
    ['发票怎么开', [], false], // no results at all: that is the other kind of miss
  ])('%s → partial: %s', (query, marks, partial) => {
    expect(isPartialMatch(query, marks)).toBe(partial);
  });

  test('coverage counts each query character once, case and spaces aside', () => {
    expect(queryCoverage('App Store', ['app'])).toBeCloseTo(3 / 8);
    expect(queryCoverage('管理员管理', ['管理'])).toBeCloseTo(4 / 5);
    expect(queryCoverage('？！', ['？'])).toBe(0);
  });
});
