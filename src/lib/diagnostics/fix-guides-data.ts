// How to fix each problem the diagnostics find, step by step, for the devices and
// browsers customers in China use: the guides as data. A computer, an Android phone and
// an iPhone get their own steps (phones have no extensions, chrome:// pages or 公司电脑
// policies). Which steps a visitor sees, and in what order: fix-guides.ts.
import type { FixTopic } from './types.ts';

/** Computers; Android phones and tablets (HarmonyOS phones follow the same menus); iPhone and iPad. */
export type GuideDevice = 'computer' | 'android' | 'ios';

/** Browsers with steps of their own; `other` is the rest on a phone (the phone maker's browser, QQ 浏览器, UC…). */
export type GuideBrowser = 'chrome' | 'edge' | 'firefox' | 'safari' | 'ie' | '360' | 'qq-browser' | 'sogou' | 'other';

/** The browsers each device lists, in this order, with their names. */
export const DEVICE_BROWSERS: Record<GuideDevice, Partial<Record<GuideBrowser, string>>> = {
  computer: { chrome: 'Chrome', edge: 'Edge', firefox: 'Firefox', safari: 'Safari', ie: 'IE 11', '360': '360 浏览器', 'qq-browser': 'QQ 浏览器', sogou: '搜狗浏览器' },
  android: { chrome: 'Chrome', other: '其他浏览器' },
  ios: { safari: 'Safari', other: '其他浏览器' },
};

interface Steps {
  /** Steps for every browser on the device, shown before the browsers' own. */
  general?: string[];
  byBrowser?: Partial<Record<GuideBrowser, string[]>>;
}

export interface FixGuide {
  title: string;
  computer: Steps;
  /** Absent only where the problem cannot happen on a phone (IE's engine). */
  android?: Steps;
  ios?: Steps;
}

// The site to allow is the one where the 接待组件 sits (the customer's own), not this help center.
const siteSettings = (path: string) => `打开${path}，把放置接待组件的网站设为「允许」。`;
const ANDROID_CHROME = '点击右上角「⋮」→「设置」→「网站设置」';
/** A step in iOS's Safari settings, which iOS 18 moved under 「App」. */
const iosSafari = (step: string) => `打开「设置」→「Safari 浏览器」${step}iOS 18 及以上，「Safari 浏览器」在「设置」→「App」里。`;
const MAC_SAFARI = '选择菜单「Safari 浏览器」→「设置」（旧版叫「偏好设置」）';

const COOKIES: Record<GuideDevice, Steps> = {
  computer: {
    byBrowser: {
      chrome: [siteSettings('「设置」→「隐私和安全」→「第三方 Cookie」，并确认没有选择「阻止所有 Cookie」；在「网站设置」→「Cookie 和网站数据」中')],
      edge: [siteSettings('「设置」→「Cookie 和网站权限」→「管理和删除 Cookie 和站点数据」，打开「允许网站保存和读取 Cookie 数据」，并')],
      firefox: ['打开「设置」→「隐私与安全」，「增强型跟踪保护」选择「标准」。', '如果使用了「自定义」，请不要勾选「阻止所有 Cookie」。'],
      safari: [`${MAC_SAFARI}→「隐私」，取消勾选「阻止所有 Cookie」。`],
      ie: ['打开「Internet 选项」→「隐私」→「高级」，选择「接受」第一方和第三方 Cookie。'],
      '360': [siteSettings('「设置」→「高级设置」→「网页内容高级设置」→「Cookie」，')],
      'qq-browser': [siteSettings('「设置」→「高级」→「隐私与安全」→「网站设置」→「Cookie」，')],
      sogou: [siteSettings('「选项」→「高级」→「隐私保护」→「Cookie」，')],
    },
  },
  android: {
    byBrowser: {
      chrome: [`${ANDROID_CHROME}，在「Cookie」（新版叫「第三方 Cookie」）中允许网站保存 Cookie，或把放置接待组件的网站加入例外。`],
      other: ['打开浏览器的「设置」，在「隐私」「网站设置」或「Cookie」一类的选项中允许网站保存 Cookie。'],
    },
  },
  ios: {
    byBrowser: {
      safari: [iosSafari('，关闭「阻止所有 Cookie」。')],
      other: ['打开浏览器自己的「设置」，在隐私或 Cookie 一类的选项中允许网站保存 Cookie。'],
    },
  },
};

/** Storage is switched off where cookies are: their steps, after a word on private windows. */
const storage = (device: GuideDevice, privateWindow: string): Steps => ({
  general: [privateWindow, '网站数据和 Cookie 在同一个设置里：按下面的步骤允许 Cookie。'],
  byBrowser: COOKIES[device].byBrowser,
});

const PHONE_NETWORK = [
  '把 Wi-Fi 换成移动数据（或反过来）再检测一次：换了网络就能连接，说明是原来的网络拦截了会话服务。',
  '连着公司、学校或商场等场所的 Wi-Fi 时，可以请网络管理员把会话服务的域名加入白名单。',
  '关闭 VPN、加速器类 App 后重新检测。',
];

const PHONE_WEBSOCKET = [
  '当前网络允许普通网页，但拦截了会话消息使用的实时连接，消息因此无法实时收发。',
  '改用移动数据（或换一个 Wi-Fi）后重新检测。',
  '连着公司等场所的 Wi-Fi 时，可以请网络管理员放行 WebSocket（wss://）连接。',
];

const PHONE_UNBLOCK = [
  '如果手机上开着广告拦截、VPN 或加速器类 App，请暂时关闭，然后重新检测。',
  '把 Wi-Fi 换成移动数据（或反过来）再检测一次：换了网络就能连接，说明是原来网络的 DNS 或访问规则拦截了会话服务；连着单位、学校的 Wi-Fi 时，可以请网络管理员放行会话服务的域名。',
];
const PHONE_AD_FILTER = '浏览器自带的「广告过滤」（广告拦截）也可能拦下会话服务：在浏览器的「设置」中暂时关闭，然后重新检测。';

export const FIX_GUIDES: Record<FixTopic, FixGuide> = {
  'extreme-mode': {
    title: '切换到极速模式',
    computer: {
      byBrowser: {
        '360': ['点击地址栏最右侧的内核图标（闪电或 e 字图标）。', '选择「极速模式」，页面会自动刷新。', '再点击一次接待组件。'],
        'qq-browser': ['点击地址栏右侧的内核切换图标。', '选择「极速内核」，页面会自动刷新。', '再点击一次接待组件。'],
        sogou: ['点击地址栏右侧的内核图标。', '选择「高速模式」（即极速内核），页面会自动刷新。', '再点击一次接待组件。'],
      },
      general: ['双核浏览器的「兼容模式」使用 IE 内核，会话窗口在其中可能打不开，请切换到「极速模式」。'],
    },
  },
  'ie-restricted-sites': {
    title: '检查受限站点',
    computer: {
      general: [
        '打开「Internet 选项」→「安全」，选中「受限站点」，点击「站点」。',
        '在列表中找到 *.qq.com 这样的域名，逐个选中后点击「删除」。',
        '关闭并重新打开浏览器，再点击一次接待组件。',
        '如果删除受限站点中的 *.qq.com 域名后仍打不开，可以换用 Edge、Chrome 或双核浏览器的极速模式再试。',
        '在 Edge 中看到地址栏有 IE 图标，说明当前是「IE 模式」：点击地址栏右侧的「退出 Internet Explorer 模式」后再试。',
      ],
    },
  },
  'open-in-browser': {
    title: '在浏览器中打开',
    computer: {
      general: ['点击右上角的「···」或分享按钮。', '选择「在浏览器中打开」。', '在打开的浏览器里再点击一次接待组件。'],
    },
    android: {
      general: [
        '点击右上角的「···」。',
        '选择「在浏览器中打开」（有的应用叫「用浏览器打开」）。',
        '菜单里没有这一项时，选择「复制链接」，再粘贴到浏览器的地址栏打开。',
        '在打开的浏览器里再点击一次接待组件。',
      ],
    },
    ios: {
      general: [
        '点击右上角的「···」或分享按钮。',
        '选择「在 Safari 中打开」（有的应用叫「在浏览器中打开」）。',
        '菜单里没有这一项时，选择「复制链接」，再粘贴到 Safari 的地址栏打开。',
        '在 Safari 里再点击一次接待组件。',
      ],
    },
  },
  'update-browser': {
    title: '升级浏览器',
    computer: {
      byBrowser: {
        chrome: ['点击右上角「⋮」→「帮助」→「关于 Google Chrome」，等待自动更新后重启浏览器。'],
        edge: ['点击右上角「···」→「帮助和反馈」→「关于 Microsoft Edge」，等待自动更新后重启浏览器。'],
        firefox: ['点击右上角菜单 →「帮助」→「关于 Firefox」，等待更新后重启浏览器。'],
        safari: ['Safari 随系统更新：在「系统设置」→「通用」→「软件更新」中更新 macOS。'],
        '360': ['点击右上角菜单 →「帮助」→「检查新版本」，更新后重启浏览器。'],
        'qq-browser': ['点击右上角菜单 →「帮助」→「检查更新」，更新后重启浏览器。'],
        sogou: ['点击右上角菜单 →「帮助」→「检查更新」，更新后重启浏览器。'],
      },
    },
    android: {
      byBrowser: {
        chrome: ['在手机的应用商店中搜索 Chrome，点击「更新」。'],
        other: ['在手机的应用商店中搜索这个浏览器并更新。手机自带的浏览器多随系统更新：在「设置」中找到「软件更新」或「系统更新」。'],
      },
    },
    ios: {
      general: ['iPhone 和 iPad 上的浏览器都使用 Safari 的内核，随系统更新：打开「设置」→「通用」→「软件更新」，把系统更新到最新版本。'],
    },
  },
  'enable-cookies': { title: '允许 Cookie', ...COOKIES },
  'enable-storage': {
    title: '允许网站存储数据',
    computer: storage('computer', '无痕（隐私）窗口可能禁止存储数据：请换用普通窗口再试。'),
    android: storage('android', '无痕模式可能禁止存储数据：请在普通标签页中打开网页再试。'),
    ios: storage('ios', '无痕浏览时可能无法存储数据：点击 Safari 的标签页按钮，切换到普通标签页后再打开网页。'),
  },
  'allow-popups': {
    title: '允许弹出窗口',
    computer: {
      general: ['点击接待组件后，如果地址栏右侧出现「已拦截弹出窗口」的图标，点击它并选择「始终允许」。'],
      byBrowser: {
        chrome: [siteSettings('「设置」→「隐私和安全」→「网站设置」→「弹出式窗口和重定向」，')],
        edge: [siteSettings('「设置」→「Cookie 和网站权限」→「弹出窗口和重定向」，')],
        firefox: ['打开「设置」→「隐私与安全」→「权限」，在「阻止弹出式窗口」旁点击「例外」，添加放置接待组件的网站。'],
        safari: [`${MAC_SAFARI}→「网站」→「弹出式窗口」，把放置接待组件的网站设为「允许」。`],
        ie: ['打开「Internet 选项」→「隐私」，在「弹出窗口阻止程序」处点击「设置」，添加放置接待组件的网站。'],
        '360': ['打开「设置」→「广告过滤」或「安全设置」中的弹窗拦截，把放置接待组件的网站加入白名单。'],
        'qq-browser': ['打开「设置」→「高级」→「广告过滤 / 弹窗拦截」，把放置接待组件的网站加入白名单。'],
        sogou: ['打开「选项」→「高级」→「弹出窗口拦截」，把放置接待组件的网站加入例外。'],
      },
    },
    android: {
      general: ['点击接待组件后，如果屏幕下方提示已拦截弹出式窗口，点击提示里的「始终显示」或「允许」。'],
      byBrowser: {
        chrome: [`${ANDROID_CHROME}→「弹出式窗口和重定向」，打开开关，允许弹出式窗口。`, '回到放置接待组件的网站，再点击一次接待组件。'],
        other: ['打开浏览器的「设置」，在「网站设置」「隐私与安全」或「广告过滤」中找到拦截弹窗的选项，关闭它或把放置接待组件的网站加入白名单。'],
      },
    },
    ios: {
      byBrowser: {
        safari: [iosSafari('，关闭「阻止弹出式窗口」。'), '回到放置接待组件的网站，再点击一次接待组件。'],
        other: ['打开浏览器自己的「设置」，找到「阻止弹出式窗口」或「拦截弹窗」一类的选项并关闭。'],
      },
    },
  },
  'unblock-host': {
    title: '解除对会话服务的拦截',
    computer: {
      general: [
        '暂时停用广告拦截、隐私保护类浏览器扩展（插件）和安全软件的网页防护，然后重新检测。',
        '换一个网络再检测一次（例如改用手机热点）：换了网络就能连接，说明是原来网络的 DNS 或访问规则拦截了会话服务，请联系公司 IT 把会话服务的域名加入白名单。',
        '公司电脑可能由管理员统一设置了拦截策略，请联系公司 IT。',
      ],
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
        safari: ['在放置接待组件的网站上选择菜单「Safari 浏览器」→「此网站的设置」，取消勾选「启用内容拦截器」。'],
        'qq-browser': ['在「设置」中找到「广告过滤」，把放置接待组件的网站加入白名单或暂时关闭广告过滤，然后重新检测。'],
        sogou: ['打开「工具」→「选项」，在「广告过滤」中把放置接待组件的网站加入白名单或暂时关闭广告过滤，然后重新检测。'],
      },
    },
    android: { general: PHONE_UNBLOCK, byBrowser: { other: [PHONE_AD_FILTER] } },
    ios: {
      general: PHONE_UNBLOCK,
      byBrowser: { safari: [iosSafari('→「扩展」，暂时关闭内容拦截器，然后重新检测。')], other: [PHONE_AD_FILTER] },
    },
  },
  'network-firewall': {
    title: '检查网络和防火墙',
    computer: {
      general: [
        '换一个网络试试（例如改用手机热点）：如果换网络后可以，说明是当前网络拦截了会话服务。',
        '公司网络请联系 IT，把会话服务的域名加入防火墙或代理的白名单。',
        '关闭可能影响网络的加速器、VPN 或代理软件后重新检测。',
      ],
    },
    android: { general: PHONE_NETWORK },
    ios: { general: PHONE_NETWORK },
  },
  'websocket-proxy': {
    title: '放行实时消息连接',
    computer: {
      general: [
        '当前网络的代理或防火墙允许普通网页，但拦截了实时消息连接（WebSocket），会话消息因此无法实时收发。',
        '请联系公司 IT，在代理或防火墙上放行 WebSocket（wss://）连接。',
        '临时办法：改用手机热点等其他网络。',
      ],
    },
    android: { general: PHONE_WEBSOCKET },
    ios: { general: PHONE_WEBSOCKET },
  },
  'third-party-cookies': {
    title: '允许第三方 Cookie',
    computer: {
      byBrowser: {
        chrome: ['打开「设置」→「隐私和安全」→「第三方 Cookie」，选择「允许第三方 Cookie」，或把放置接待组件的网站加入例外。'],
        edge: ['打开「设置」→「Cookie 和网站权限」→「管理和删除 Cookie 和站点数据」，关闭「阻止第三方 Cookie」，或把放置接待组件的网站加入允许列表。'],
        firefox: ['在放置接待组件的网站上点击地址栏左侧的盾牌图标，关闭「增强型跟踪保护」。'],
        safari: [`${MAC_SAFARI}→「隐私」，取消勾选「防止跨站跟踪」。`],
      },
      general: ['其他浏览器：在 Cookie 设置中允许第三方 Cookie，或把放置接待组件的网站加入例外。'],
    },
    android: {
      byBrowser: {
        chrome: [`${ANDROID_CHROME}→「第三方 Cookie」，选择「允许第三方 Cookie」，或把放置接待组件的网站加入例外。`],
        other: ['打开浏览器的「设置」，在 Cookie 或隐私一类的选项中允许第三方 Cookie。'],
      },
    },
    ios: {
      byBrowser: {
        safari: [iosSafari('，关闭「防止跨站跟踪」。')],
        other: ['打开浏览器自己的「设置」，在隐私一类的选项中允许第三方 Cookie（或关闭「防止跨站跟踪」）。'],
      },
    },
  },
  'sync-clock': {
    title: '校准系统时间',
    computer: {
      general: [
        'Windows：右键任务栏时间 →「调整日期和时间」，打开「自动设置时间」，点击「立即同步」。',
        'Mac：「系统设置」→「通用」→「日期与时间」，打开「自动设置时间和日期」。',
        '校准后重新打开浏览器。',
      ],
    },
    android: {
      general: ['打开手机的「设置」，找到「日期和时间」（多在「系统」或「更多设置」里），打开「自动设置」（有的手机叫「使用网络提供的时间」）。', '校准后重新打开浏览器。'],
    },
    ios: { general: ['打开「设置」→「通用」→「日期与时间」，打开「自动设置」。', '校准后重新打开浏览器。'] },
  },
};
