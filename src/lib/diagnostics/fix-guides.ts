// How to fix each problem the diagnostics find, step by step, for the browsers
// customers in China use. The visitor's own browser's steps are shown first.
import type { BrowserFamily } from '../platform/detect-platform.ts';
import type { FixTopic } from './types.ts';

export const GUIDE_BROWSERS = ['chrome', 'edge', 'firefox', 'safari', 'ie', '360', 'qq-browser', 'sogou'] as const;
export type GuideBrowser = (typeof GUIDE_BROWSERS)[number];

export const GUIDE_BROWSER_NAMES: Record<GuideBrowser, string> = {
  chrome: 'Chrome',
  edge: 'Edge',
  firefox: 'Firefox',
  safari: 'Safari',
  ie: 'IE 11',
  '360': '360 浏览器',
  'qq-browser': 'QQ 浏览器',
  sogou: '搜狗浏览器',
};

export interface FixGuide {
  title: string;
  /** Steps for every browser (network, clock…), or shown before the browser's own. */
  general?: string[];
  byBrowser?: Partial<Record<GuideBrowser, string[]>>;
}

// The site to allow is the one where the 接待组件 sits (the customer's own), not this help center.
const siteSettings = (path: string) => `打开${path}，把放置接待组件的网站设为「允许」。`;

export const FIX_GUIDES: Record<FixTopic, FixGuide> = {
  'extreme-mode': {
    title: '切换到极速模式',
    byBrowser: {
      '360': ['点击地址栏最右侧的内核图标（闪电或 e 字图标）。', '选择「极速模式」，页面会自动刷新。', '再点击一次接待组件。'],
      'qq-browser': ['点击地址栏右侧的内核切换图标。', '选择「极速内核」，页面会自动刷新。', '再点击一次接待组件。'],
      sogou: ['点击地址栏右侧的内核图标。', '选择「高速模式」（即极速内核），页面会自动刷新。', '再点击一次接待组件。'],
    },
    general: ['双核浏览器的「兼容模式」使用 IE 内核，会话窗口在其中可能打不开，请切换到「极速模式」。'],
  },
  'ie-restricted-sites': {
    title: '检查受限站点',
    general: [
      '打开「Internet 选项」→「安全」，选中「受限站点」，点击「站点」。',
      '在列表中找到 *.qq.com 这样的域名，逐个选中后点击「删除」。',
      '关闭并重新打开浏览器，再点击一次接待组件。',
      '如果删除受限站点中的 *.qq.com 域名后仍打不开，可以换用 Edge、Chrome 或双核浏览器的极速模式再试。',
      '在 Edge 中看到地址栏有 IE 图标，说明当前是「IE 模式」：点击地址栏右侧的「退出 Internet Explorer 模式」后再试。',
    ],
  },
  'open-in-browser': {
    title: '在浏览器中打开',
    general: ['点击右上角的「···」或分享按钮。', '选择「在浏览器中打开」（iPhone 上可能叫「在 Safari 中打开」）。', '在打开的浏览器里再点击一次接待组件。'],
  },
  'update-browser': {
    title: '升级浏览器',
    byBrowser: {
      chrome: ['点击右上角「⋮」→「帮助」→「关于 Google Chrome」，等待自动更新后重启浏览器。'],
      edge: ['点击右上角「···」→「帮助和反馈」→「关于 Microsoft Edge」，等待自动更新后重启浏览器。'],
      firefox: ['点击右上角菜单 →「帮助」→「关于 Firefox」，等待更新后重启浏览器。'],
      safari: ['Safari 随系统更新：在「系统设置」→「通用」→「软件更新」中更新系统。'],
      '360': ['点击右上角菜单 →「帮助」→「检查新版本」，更新后重启浏览器。'],
      'qq-browser': ['点击右上角菜单 →「帮助」→「检查更新」，更新后重启浏览器。'],
      sogou: ['点击右上角菜单 →「帮助」→「检查更新」，更新后重启浏览器。'],
    },
  },
  'enable-cookies': {
    title: '允许 Cookie',
    byBrowser: {
      chrome: [siteSettings('「设置」→「隐私和安全」→「第三方 Cookie」，并确认没有选择「阻止所有 Cookie」；在「网站设置」→「Cookie 和网站数据」中')],
      edge: [siteSettings('「设置」→「Cookie 和网站权限」→「管理和删除 Cookie 和站点数据」，打开「允许网站保存和读取 Cookie 数据」，并')],
      firefox: ['打开「设置」→「隐私与安全」，「增强型跟踪保护」选择「标准」。', '如果使用了「自定义」，请不要勾选「阻止所有 Cookie」。'],
      safari: ['打开「设置」→「隐私」，取消勾选「阻止所有 Cookie」。'],
      ie: ['打开「Internet 选项」→「隐私」→「高级」，选择「接受」第一方和第三方 Cookie。'],
      '360': [siteSettings('「设置」→「高级设置」→「网页内容高级设置」→「Cookie」，')],
      'qq-browser': [siteSettings('「设置」→「高级」→「隐私与安全」→「网站设置」→「Cookie」，')],
      sogou: [siteSettings('「选项」→「高级」→「隐私保护」→「Cookie」，')],
    },
  },
  'enable-storage': {
    title: '允许网站存储数据',
    general: ['无痕（隐私）窗口可能禁止存储数据：请换用普通窗口再试。', '然后按下面「允许 Cookie」的步骤操作，网站数据和 Cookie 在同一个设置里。'],
  },
  'allow-popups': {
    title: '允许弹出窗口',
    general: ['点击接待组件后，如果地址栏右侧出现「已拦截弹出窗口」的图标，点击它并选择「始终允许」。'],
    byBrowser: {
      chrome: [siteSettings('「设置」→「隐私和安全」→「网站设置」→「弹出式窗口和重定向」，')],
      edge: [siteSettings('「设置」→「Cookie 和网站权限」→「弹出窗口和重定向」，')],
      firefox: ['打开「设置」→「隐私与安全」→「权限」，在「阻止弹出式窗口」旁点击「例外」，添加放置接待组件的网站。'],
      safari: ['打开「设置」→「网站」→「弹出式窗口」，把放置接待组件的网站设为「允许」。'],
      ie: ['打开「Internet 选项」→「隐私」，在「弹出窗口阻止程序」处点击「设置」，添加放置接待组件的网站。'],
      '360': ['打开「设置」→「广告过滤」或「安全设置」中的弹窗拦截，把放置接待组件的网站加入白名单。'],
      'qq-browser': ['打开「设置」→「高级」→「广告过滤 / 弹窗拦截」，把放置接待组件的网站加入白名单。'],
      sogou: ['打开「选项」→「高级」→「弹出窗口拦截」，把放置接待组件的网站加入例外。'],
    },
  },
  'unblock-host': {
    title: '解除对会话服务的拦截',
    general: ['暂时停用广告拦截、隐私保护类浏览器扩展（插件），然后重新检测。', '公司电脑可能由管理员统一设置了拦截策略，请联系公司 IT。'],
    byBrowser: {
      ie: [
        '打开「Internet 选项」→「安全」→「受限站点」→「站点」。',
        '如果列表中有 *.qq.com 这样的域名，选中后点击「删除」。',
        '关闭并重新打开浏览器，再点击接待组件。',
      ],
      '360': ['在放置接待组件的网站上点击地址栏右侧的拦截图标，选择允许；或在「设置」→「安全设置」中关闭对该网站的拦截。'],
      chrome: [
        '在地址栏输入 chrome://extensions 打开扩展程序页，暂时关闭广告拦截、隐私保护类扩展，然后重新检测。',
        '仍被拒绝时，在地址栏输入 chrome://policy：如果看到 URLBlocklist 一类的策略，说明是公司统一设置的，请联系公司 IT。',
      ],
      edge: [
        '在地址栏输入 edge://extensions，暂时关闭广告拦截类扩展，然后重新检测。',
        '打开「设置」→「隐私、搜索和服务」，把「跟踪防护」改为「基本」，或把放置接待组件的网站加入「例外」。',
        '仍被拒绝时，在地址栏输入 edge://policy 查看有没有公司设置的拦截策略。',
      ],
      firefox: ['在放置接待组件的网站上点击地址栏左侧的盾牌图标，关闭「增强型跟踪保护」。', '在「扩展和主题」中暂时停用广告拦截类扩展，然后重新检测。'],
      safari: [
        'Mac：选择菜单「Safari 浏览器」→「此网站的设置」，取消勾选「启用内容拦截器」。',
        'iPhone / iPad：打开「设置」→「Safari 浏览器」→「扩展」，暂时关闭内容拦截器。',
      ],
      'qq-browser': ['在「设置」中找到「广告过滤」，把放置接待组件的网站加入白名单或暂时关闭广告过滤，然后重新检测。'],
      sogou: ['打开「工具」→「选项」，在「广告过滤」中把放置接待组件的网站加入白名单或暂时关闭广告过滤，然后重新检测。'],
    },
  },
  'network-firewall': {
    title: '检查网络和防火墙',
    general: [
      '换一个网络试试（例如改用手机热点）：如果换网络后可以，说明是当前网络拦截了会话服务。',
      '公司网络请联系 IT，把会话服务的域名加入防火墙或代理的白名单。',
      '关闭可能影响网络的加速器、VPN 或代理软件后重新检测。',
    ],
  },
  'websocket-proxy': {
    title: '允许 WebSocket',
    general: [
      '当前网络的代理或防火墙允许普通网页，但拦截了 WebSocket，会话消息因此无法实时收发。',
      '请联系公司 IT，在代理或防火墙上放行 WebSocket（wss://）连接。',
      '临时办法：改用手机热点等其他网络。',
    ],
  },
  'third-party-cookies': {
    title: '允许第三方 Cookie',
    byBrowser: {
      chrome: ['打开「设置」→「隐私和安全」→「第三方 Cookie」，选择「允许第三方 Cookie」，或把放置接待组件的网站加入例外。'],
      edge: ['打开「设置」→「Cookie 和网站权限」→「管理和删除 Cookie 和站点数据」，关闭「阻止第三方 Cookie」，或把放置接待组件的网站加入允许列表。'],
      firefox: ['在放置接待组件的网站上点击地址栏左侧的盾牌图标，关闭「增强型跟踪保护」。'],
      safari: ['打开「设置」→「隐私」，取消勾选「阻止跨站跟踪」。'],
    },
    general: ['其他浏览器：在 Cookie 设置中允许第三方 Cookie，或把放置接待组件的网站加入例外。'],
  },
  'sync-clock': {
    title: '校准系统时间',
    general: [
      'Windows：右键任务栏时间 →「调整日期和时间」，打开「自动设置时间」，点击「立即同步」。',
      'Mac：「系统设置」→「通用」→「日期与时间」，打开「自动设置时间和日期」。',
      '校准后重新打开浏览器。',
    ],
  },
};

/** The guide browser matching a detected family, if there is one. */
export function guideBrowserFor(family: BrowserFamily): GuideBrowser | undefined {
  return (GUIDE_BROWSERS as readonly string[]).includes(family) ? (family as GuideBrowser) : family === 'in-app' ? undefined : family === 'other' ? undefined : 'chrome';
}

/** The browsers to show for a topic, the visitor's own first. */
export function guideOrder(topic: FixTopic, own: GuideBrowser | undefined): GuideBrowser[] {
  const available = GUIDE_BROWSERS.filter((b) => FIX_GUIDES[topic].byBrowser?.[b]);
  return own && available.includes(own) ? [own, ...available.filter((b) => b !== own)] : available;
}
