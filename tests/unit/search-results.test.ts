// Result shaping (src/lib/search/results.ts) on Pagefind's data as the built index
// gives it: excerpt windows, page text, titles and headings.
import { describe, expect, test } from 'vitest';
import { plainText, tidyExcerpt, toHit, type Highlighted } from '../../src/lib/search/results.ts';

/** Highlights written as 【…】, to read the expectations at a glance. */
function shown({ text, marks }: Highlighted): string {
  let out = '';
  let at = 0;
  for (const [from, to] of marks) {
    out += `${text.slice(at, from)}【${text.slice(from, to)}】`;
    at = to;
  }
  return out + text.slice(at);
}

const downloadsPage = {
  title: '下载客户端',
  content:
    '下载客户端. 我们会根据你的设备推荐合适的版本；所有版本都列在下面，也可以自己选择。手机端请在 App Store 或应用宝搜索「企点客服」。下载步骤见如何下载客户端。 常见说法. 客户端下载，下载电脑版，windows 客户端.',
};
const diagnosticsPage = {
  title: '浏览器检测',
  content:
    '浏览器检测. 点击接待组件却打不开会话？这里会检查当前浏览器的内核模式、Cookie、本地存储、弹出窗口、到会话服务的网络连接、WebSocket 和系统时间，并告诉你在这个浏览器里怎么解决。相关说明见点击接待组件后无法发起网页会话。 常见说法. 浏览器检测，一键检测.',
};
const channelsArticle = {
  title: '接待组件能放到直播、微博、博客、论坛等站外渠道吗？',
  headings: ['怎么放', '生成链接和二维码'],
  content:
    '接待组件能放到直播、微博、博客、论坛等站外渠道吗？ 可以。并不是每种接待组件都支持，但有一部分类型的接待组件能够生成一条链接或一张二维码。把它们放到直播、微博、博客、论坛等渠道上，客户点开链接或扫一扫二维码，就能直接找到你的客服。 放上去之后，如果客户反映点开后没有出现会话窗口，可以参考 点击接待组件后无法发起网页会话，怎么办？ 生成链接和二维码. 在下面填入你的接待链接：组件类型选 二维码（站外渠道），就能下载二维码图片，链接在 直接链接 一栏里复制；选 浮动按钮（网站），可以拿到放在自己网站上的代码。',
};
const signInArticle = {
  title: '普通工号怎样登录账户中心？',
  content:
    '普通工号怎样登录账户中心？ 非管理员账号（普通工号）要先登录电脑客户端，再从客户端进入账户中心： 打开电脑客户端。还没安装的话，请先看 如何下载企点客服客户端？ 填写登录信息： 账号：填写你的普通工号，也就是管理员在账户中心为你创建的员工账号；',
};
const unusedArticle = {
  title: '机器人对话次数没用完怎么办？',
  content:
    '机器人对话次数没用完怎么办？ 不清零：文本机器人到期时，剩余次数不会被清零。 不折现：剩余次数不能兑换成现金，也不能退款。 续费后累加：续费文本机器人后，剩余次数会累加到下一个周期，和新周期的次数一起使用。 举个例子：以每年包含 5 万次对话计算，',
};

describe('excerpts (finding 7)', () => {
  test.each([
    {
      name: 'a heading joined by ". " takes "：", and the query is highlighted where it stands, not on 能下',
      query: '下载',
      window: plainText('生成链接和二维码. 在下面填入你的接待链接：组件类型选 二维码（站外渠道），就<mark>能下</mark>载二维码图片，'),
      source: channelsArticle,
      expected: '生成链接和二维码：在下面填入你的接待链接：组件类型选 二维码（站外渠道），就能【下载】二维码图片…',
    },
    {
      name: 'a window opened inside a heading starts at the heading',
      query: '下崽',
      window: plainText('维码. 在<mark>下面</mark>填入你的接待链接：组件类型选 二维码（站外渠道），就<mark>能下</mark>载二维码图片，链接在 直接'),
      source: channelsArticle,
      expected: '生成链接和二维码：在下面填入你的接待链接：组件类型选 二维码（站外渠道），就能下载二维码图片，链接在 直接…',
    },
    {
      name: 'a window opened inside a word starts at its clause (点击, not 击)',
      query: '会话',
      window: plainText('击接待组件却打不开<mark>会话</mark>？这里会检查当前浏览器的内核模式、Cookie、本地存储、弹出窗口、到<mark>会话</mark>服务的网络连接、WebSocket 和'),
      source: diagnosticsPage,
      expected: '点击接待组件却打不开【会话】？这里会检查当前浏览器的内核模式、Cookie、本地存储、弹出窗口、到【会话】服务的网络连接、WebSocket 和系统时间…',
    },
    {
      name: '客户端, not 端',
      query: '下载',
      window: plainText('端进入账户中心： 打开电脑客户端。还没安装的话，请先看 如何<mark>下载</mark>企点客服客户端？ 填写登录信息： 账号：填写你的普通'),
      source: signInArticle,
      expected: '再从客户端进入账户中心：打开电脑客户端。还没安装的话，请先看 如何【下载】企点客服客户端？填写登录信息：账号：填写你的普通工号…',
    },
    {
      name: 'leading punctuation goes',
      query: '累加',
      window: plainText('。 续费后<mark>累加</mark>：续费文本机器人后，剩余次数会<mark>累加</mark>到下一个周期，和新周期的次数一起使用。 举个例子：以每年'),
      source: unusedArticle,
      expected: '续费后【累加】：续费文本机器人后，剩余次数会【累加】到下一个周期，和新周期的次数一起使用。举个例子：以每年…',
    },
    {
      name: 'the page title (shown above) is dropped, with the ". " after it',
      query: '会话',
      window: plainText('检测. 点击接待组件却打不开<mark>会话</mark>？'),
      source: diagnosticsPage,
      expected: '点击接待组件却打不开【会话】？',
    },
    {
      name: 'the page title stays, whole, when only it holds the query',
      query: '下载',
      window: plainText('<mark>下载</mark>客户端. 我们会根据你的设备推荐合适的版本；所有版本都列在下面，也可以自己选择。手机端请在 App Store 或应用宝搜索「企'),
      source: downloadsPage,
      expected: '【下载】客户端：我们会根据你的设备推荐合适的版本；所有版本都列在下面，也可以自己选择。手机端请在 App Store 或应用宝搜索「企点客服」。',
    },
    {
      name: 'single-character marks become one highlight of the query',
      query: '二维码',
      window: plainText('接或一张<mark>二</mark><mark>维</mark><mark>码</mark>。把它们放到直播'),
      source: channelsArticle,
      expected: '但有一部分类型的接待组件能够生成一条链接或一张【二维码】。', // and not 把它们放到直播…
    },
  ])('$name', ({ query, window, source, expected }) => {
    expect(shown(tidyExcerpt(window, query, source))).toBe(expected);
  });

  test('without the page text, a cut start gets "…" or goes to the next clause, and the title piece goes', () => {
    const title = '如何更换管理员账号？';
    expect(shown(tidyExcerpt('管理员账号？ 管理员账号就是企业联系人绑定的 QQ 账号。', 'qq', { title }))).toBe('管理员账号就是企业联系人绑定的 【QQ】 账号。');
    expect(shown(tidyExcerpt('更换管理员账号？ 先登录账户中心，然后', '管理员', { title }))).toBe('如何更换【管理员】账号？先登录账户中心，然后…');
    expect(shown(tidyExcerpt('先登录账户中心，然后', '账户中心', { title }))).toBe('先登录【账户中心】，然后…');
  });

  test('a callout\'s label takes "：" too', () => {
    expect(tidyExcerpt('放行即可。 提示. 解除拦截后仍然打不开？', '打不开', { title: '' }).text).toBe('放行即可。提示：解除拦截后仍然打不开？');
  });

  test('an English full stop stays; a Chinese block end becomes 。', () => {
    expect(tidyExcerpt('支持 WebSocket. Cookie 也要打开', 'cookie', { title: '' }).text).toBe('支持 WebSocket. Cookie 也要打开…');
    expect(tidyExcerpt('员工与客户的会话. 语音文件. 不保存.', '语音', { title: '' }).text).toBe('员工与客户的会话。语音文件。不保存。');
  });

  test('text that looks like HTML stays text: Pagefind escapes < and >, the excerpt has them back', () => {
    const excerpt = tidyExcerpt(plainText('在网页里加上 &lt;<mark>script</mark>&gt; 代码 &amp;lt; 原样'), 'script', { title: '' });
    expect(excerpt.text).toBe('在网页里加上 <script> 代码 &amp;lt; 原样…');
    expect(shown(excerpt)).toBe('在网页里加上 <【script】> 代码 &amp;lt; 原样…');
  });
});

describe('toHit', () => {
  const base = { url: '/faq/a/', excerpt: 'x', meta: { title: '标题', category: '分类', summary: '一句话<答案>' } };

  test('shows the section holding the most of the query', () => {
    const hit = toHit(
      {
        ...base,
        meta: { ...base.meta, title: '如何下载企点客服客户端？' },
        sub_results: [
          { url: '/faq/a/#电脑端', title: '电脑端', excerpt: '电脑端. 打开<mark>应用</mark>下载页面（也可以直接用下面的下载工具）。' },
          { url: '/faq/a/#手机端', title: '手机端', excerpt: '手机端. 安卓手机：打开安卓<mark>应用</mark>商店 <mark>应用</mark><mark>宝</mark>，搜索「企点客服」。' },
        ],
      },
      '应用宝',
    );
    expect(shown(hit.excerpt)).toBe('手机端：安卓手机：打开安卓应用商店 【应用宝】，搜索「企点客服」。');
    expect(hit).toMatchObject({ url: '/faq/a/', title: '如何下载企点客服客户端？', category: '分类' });
    expect(hit.matchedAlias).toBeUndefined();
  });

  test('an article\'s first section of the title alone comes after its other sections', () => {
    const hit = toHit(
      {
        ...base,
        meta: { ...base.meta, title: '能查看哪些消息记录？会保存多久？' },
        sub_results: [
          { url: '/faq/a/', excerpt: '能查看哪些<mark>消息</mark>记录？会<mark>保存</mark><mark>多久</mark>？' },
          { url: '/faq/a/#记录保存多久', title: '记录保存多久', excerpt: '记录<mark>保存</mark><mark>多久</mark>. 群<mark>消息</mark>：文字、图片保存 30 天。' },
        ],
      },
      '群消息保存多久',
    );
    expect(shown(hit.excerpt)).toBe('记录【保存多久】：【群消息】：文字、图片保存 30 天。');
  });

  test('an alias-only match shows the summary, as text, and names the alias', () => {
    const hit = toHit(
      { ...base, meta: { ...base.meta, aliases: '换管理员，改联系人' }, sub_results: [{ url: '/faq/a/#search-aliases', excerpt: '常见说法. <mark>换管理员</mark>，改联系人' }] },
      '换管理员',
    );
    expect(hit.excerpt).toEqual({ text: '一句话<答案>', marks: [] });
    expect(shown(hit.matchedAlias!)).toBe('【换管理员】');
  });

  test('an alias holding the whole query is named beside an excerpt holding part of it', () => {
    const hit = toHit(
      {
        ...base,
        meta: { ...base.meta, aliases: '对话框打不开，聊天窗口打不开' },
        sub_results: [
          { url: '/faq/a/#其他浏览器', title: '其他浏览器', excerpt: '其他浏览器. 解除拦截后仍然<mark>打不开</mark>？' },
          { url: '/faq/a/#search-aliases', excerpt: '说法. <mark>聊天</mark><mark>窗口</mark><mark>打不开</mark>' },
        ],
      },
      '聊天窗口打不开',
    );
    expect(shown(hit.excerpt)).toBe('其他浏览器：解除拦截后仍然【打不开】？');
    expect(shown(hit.matchedAlias!)).toBe('【聊天窗口打不开】');
  });

  test('a hit holding none of the query (a typo) shows its first matched section, unhighlighted', () => {
    const hit = toHit(
      {
        ...base,
        meta: { ...base.meta, aliases: '成员被强制下线，停用账号' },
        sub_results: [
          { url: '/faq/a/#x', title: 'x', excerpt: '停用后会被强制<mark>下线</mark>。' },
          { url: '/faq/a/#search-aliases', excerpt: '成员被强制<mark>下线</mark>' },
        ],
      },
      '下崽',
    );
    expect(hit.excerpt).toEqual({ text: '停用后会被强制下线。', marks: [] });
    expect(hit.matchedAlias).toBeUndefined();
  });
});
