import { describe, expect, test } from 'vitest';
import { contentOfQuery, isNoise } from '../../src/lib/search/noise.ts';

// Texts as a hit's title, text and aliases.
const signIn = ['普通工号怎样登录账户中心？', '管理员在账户中心为成员开通工号后，成员可以登录。', '员工账号怎么登录，客服工号怎么进后台'];
const unused = ['机器人对话次数没用完怎么办？', '剩余次数会累加到下一个周期。也不能退款。', '机器人次数到期清零吗，过期作废吗'];

describe('the noise rule: a hit sharing only single characters with the query is not shown', () => {
  test.each([
    // 发 of 发起, 票 of 票据: single characters.
    ['发票', ['发起会话后', '票据'], true],
    ['发票', unused, true],
    // 客服 of 客服电话 is two adjacent characters: not noise (partial, judged elsewhere).
    ['客服电话', signIn, false],
    // Function words aside: 怎么 alone ties the question to nothing…
    ['怎么开发票', signIn, true],
    // …but 后台 does.
    ['普通员工怎么进后台', signIn, false],
    ['用不完的次数会作废吗', unused, false],
    // A Latin word counts only whole: the "om" of chrome says nothing.
    ['chrome', ['Chrome 打不开客服窗口'], false],
    ['chrome', ['企点客服 qq.com'], true],
    ['发票怎么开', ['发起会话，打开窗口'], true],
    // A one-character query is never judged.
    ['票', ['企点客服'], false],
  ])('%s in %j: noise %s', (query, texts, noise) => {
    expect(isNoise(query, texts)).toBe(noise);
  });

  test('function words part the query, so no run crosses them', () => {
    expect(contentOfQuery('普通员工怎么进后台')).toBe('普通员工 进后台');
    expect(contentOfQuery('Windows 客户端在哪下载')).toBe('windows 客户端 下载');
  });
});
