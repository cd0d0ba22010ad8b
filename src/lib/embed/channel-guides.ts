// How to put a reception widget on outside channels, and what to do when a channel
// restricts outside links or QR codes.

export interface ChannelGuide {
  id: 'live' | 'weibo' | 'blog' | 'forum';
  name: string;
  /** Which output suits the channel best. */
  use: string;
  steps: string[];
  /** What to do when the channel blocks links or QR codes. */
  ifRestricted: string;
}

/** The same sentence as the note in the outside-channels article. */
export const RESTRICTION_NOTE = '说明：各渠道可能限制或屏蔽站外链接和二维码，发布前请先了解该渠道的发布规则。';

export const CHANNEL_GUIDES: ChannelGuide[] = [
  {
    id: 'live',
    name: '直播',
    use: '二维码',
    steps: ['下载二维码图片，放进直播画面的角落或直播间背景。', '同时把链接写进直播间简介，方便观众复制。'],
    ifRestricted: '如果平台不允许展示站外二维码，可以在口播中引导观众到账号主页或简介中找到咨询入口。',
  },
  {
    id: 'weibo',
    name: '微博',
    use: '链接或二维码',
    steps: ['在微博正文中粘贴链接，或把二维码图片作为配图上传。', '也可以把链接放进个人简介，长期有效。'],
    ifRestricted: '微博可能把站外链接折叠成「网页链接」或不予展示：这时改用二维码配图，或在评论区置顶说明咨询方式。',
  },
  {
    id: 'blog',
    name: '博客',
    use: '浮动按钮代码或文字链接',
    steps: ['博客允许自定义 HTML 时，把浮动按钮代码粘贴到页面底部（</body> 之前）。', '不支持脚本的博客平台，请使用文字链接代码或直接粘贴链接。'],
    ifRestricted: '如果平台会过滤脚本，浮动按钮不会出现：换用文字链接，或在文章末尾放二维码图片。',
  },
  {
    id: 'forum',
    name: '论坛',
    use: '链接或二维码',
    steps: ['在帖子正文或个人签名中粘贴链接。', '不支持链接的论坛，上传二维码图片作为附件或配图。'],
    ifRestricted: '很多论坛禁止在帖子里放广告性质的链接和二维码：发布前先看版规，必要时只在个人主页留联系方式。',
  },
];
