import { describe, expect, test } from 'vitest';
import { highlightRanges, isLongQuery, isPartialMatch, oneEditApart, queryCoverage, suggestQuery } from '../../src/lib/search/relevance.ts';

// Texts as the built index holds them (a hit's title and text, its aliases at the end).
const widgetOutsideChannels = [
  '接待组件能放到直播、微博、博客、论坛等站外渠道吗？',
  '可以。并不是每种接待组件都支持，但有一部分类型的接待组件能够生成一条链接或一张二维码。 生成链接和二维码. 在下面填入你的接待链接：组件类型选 二维码（站外渠道），就能下载二维码图片。 常见说法. 客服二维码，二维码接待.',
];
const deactivateMember = ['停用成员后会有什么影响？', '停用成员后，这个账号会被强制下线，但名下的大部分业务设置和数据都会保留。下面按类别说明具体变化。 常见说法. 成员被强制下线，更换客户群群主.'];
const unusedConversations = ['机器人对话次数没用完怎么办？', '续费后累加：续费文本机器人后，剩余次数会累加到下一个周期。'];
const signIn = ['普通工号怎样登录账户中心？', '密码：填写初始密码，初始密码会发送到该工号绑定的手机号上。 常见说法. 员工账号怎么登录，初始密码在哪.'];
const widgetSession = ['点击接待组件后无法发起网页会话，怎么办？', '点了接待组件却没有弹出会话窗口。 常见说法. 聊天窗口打不开，接待组建点了没反应，Chrome 打不开客服窗口.'];

describe('whether results answer the query', () => {
  test.each([
    // Finding 5: the hits hold 二维码 itself, although Pagefind marked 二, 维 and 码 apart.
    ['二维码', [widgetOutsideChannels], false],
    // Finding 5: the typo 下崽 matched only 下 (下线, 下面, 下一个): partial, however many hits.
    ['下崽', [deactivateMember, unusedConversations, widgetOutsideChannels], true],
    // Two characters with one of them found is partial.
    ['群住', [deactivateMember], true],
    ['群主', [deactivateMember], false],
    ['发票怎么开', [widgetSession, widgetOutsideChannels], true],
    ['客服电话', [widgetOutsideChannels], true], // 客服 alone: half the query
    ['忘记密码', [signIn], true],
    ['换管理员', [['如何更换管理员账号？', '更换管理员账号的步骤如下：']], false],
    ['聊天窗口打不开', [widgetSession], false], // in the aliases
    ['接待组建', [widgetSession], false],
    ['语音能保存吗', [['能查看哪些消息记录？会保存多久？', '员工与客户的会话. 语音文件. 不保存.']], false],
    ['App Store', [['如何下载企点客服客户端？', '打开 iPhone 的 App Store，搜索「企点客服」。']], false],
    ['chrome', [['点击接待组件后无法发起网页会话，怎么办？', '请检查 *.qq.com 类域名']], true], // "om" of qq.com is no match
    ['CHROME', [widgetSession], false],
    ['群', [deactivateMember], false], // one character is never judged
    ['发票怎么开', [], false], // no results at all: that is the other kind of miss
  ])('%s → partial: %s', (query, hits, partial) => {
    expect(isPartialMatch(query, hits)).toBe(partial);
  });

  test('coverage counts each query character once, case and spaces aside', () => {
    expect(queryCoverage('App Store', ['an app'])).toBeCloseTo(3 / 8);
    expect(queryCoverage('管理员管理', ['管理'])).toBeCloseTo(4 / 5);
    expect(queryCoverage('聊天窗口', ['聊天 窗口'])).toBe(1); // Pagefind's spaces around bold words
    expect(queryCoverage('？！', ['？'])).toBe(0);
  });
});

describe('highlighting the query', () => {
  const marked = (text: string, query: string) => {
    let out = '';
    let at = 0;
    for (const [from, to] of highlightRanges(text, query)) {
      out += `${text.slice(at, from)}【${text.slice(from, to)}】`;
      at = to;
    }
    return out + text.slice(at);
  };

  test.each([
    // Finding 7: Pagefind marked 能下 of 就能下载.
    ['下载', '组件类型选 二维码（站外渠道），就能下载二维码图片', '组件类型选 二维码（站外渠道），就能【下载】二维码图片'],
    ['二维码', '生成链接和二维码：在下面填入', '生成链接和【二维码】：在下面填入'],
    ['聊天窗口打不开', '聊天窗口弹不出来，打不开', '【聊天窗口】弹不出来，【打不开】'],
    ['app store', '打开 iPhone 的 App Store，搜索', '打开 iPhone 的 【App Store】，搜索'],
    ['Chrome', 'chrome 和 Edge；*.qq.com', '【chrome】 和 Edge；*.qq.com'],
    ['下崽', '强制下线，下面按类别说明', '强制下线，下面按类别说明'],
    ['群', '更换客户群群主', '更换客户【群群】主'],
  ])('%s in %s', (query, text, expected) => {
    expect(marked(text, query)).toBe(expected);
  });
});

describe('a likelier query', () => {
  // Titles and aliases of the hits for 下崽, as the built index holds them.
  const phrases = [
    '如何下载企点客服客户端？', '客户端下载', '企点下载', '电脑版下载', '下载地址', '安装包在哪',
    '下载客户端', '下载电脑版', '停用成员后会有什么影响？', '成员被强制下线', '更换客户群群主',
    '接待组件能放到直播、微博、博客、论坛等站外渠道吗？', '客服二维码', '生成二维码', 'Chrome 打不开客服窗口', 'Chrome 弹窗被拦截',
  ];

  test.each([
    ['下崽', '下载'], // Finding 5
    ['二位码', '二维码'],
    ['chrme', 'chrome'],
    ['群住', undefined], // 群主 stands in one phrase only: no guess from a single phrase
    ['下载', undefined], // the query itself is no suggestion
    ['下 崽', undefined], // two words
  ])('%s → %s', (query, suggestion) => {
    expect(suggestQuery(query, phrases)).toBe(suggestion);
  });

  test('one edit apart', () => {
    expect(oneEditApart('下崽', '下载')).toBe(true);
    expect(oneEditApart('管理员', '管员')).toBe(true);
    expect(oneEditApart('管理', '管理员')).toBe(true);
    expect(oneEditApart('下载', '下载')).toBe(false);
    expect(oneEditApart('下崽', '上载了')).toBe(false);
    expect(oneEditApart('donwload', 'download')).toBe(false);
  });
});

test.each([
  ['发票怎么开', true],
  ['机器人 对话包', true],
  ['微信', false],
  ['二维码', false],
  ['download', false],
  ['xiazai client', false],
])('%s is long: %s', (query, long) => {
  expect(isLongQuery(query)).toBe(long);
});
