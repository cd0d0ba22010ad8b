// Reminds whoever deploys the site, in the build log, of the settings in content/site.json
// that still hold what ships: no `siteUrl` (the build stands in this machine's address,
// http://localhost:PORT, which no customer can open) and the sample online chat. Pages
// build fine either way; these are the lines to act on before going live.
import type { AstroIntegration } from 'astro';
import { isLocalSiteUrl, type SiteConfig } from '../config/site-schema.ts';

/** The reminders for these settings, each one line; none when the site is ready. */
export function siteReminders(site: Pick<SiteConfig, 'siteUrl' | 'onlineChat'>): { warnings: string[]; info: string[] } {
  const warnings: string[] = [];
  const info: string[] = [];
  if (isLocalSiteUrl(site.siteUrl)) {
    warnings.push(`网址 siteUrl 没有设置（或是本机地址），页面里的规范链接、站点地图和分享链接用的是 ${site.siteUrl}：上线前请在 content/site.json 设置 siteUrl（或环境变量 WENDA_SITE_URL）为网站的公开网址，再构建一次。`);
  }
  if (site.onlineChat?.sample) {
    info.push(`content/site.json 的在线客服 onlineChat 仍是示例（"sample": true，${site.onlineChat.url}），每个页面的「${site.onlineChat.label}」按钮都指向它：上线前请换成你们的接待链接并删去 "sample"，不需要在线客服就删去 onlineChat。`);
  }
  return { warnings, info };
}

export function siteRemindersIntegration(site: SiteConfig): AstroIntegration {
  return {
    name: 'wenda:site-reminders',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { warnings, info } = siteReminders(site);
        for (const line of info) logger.info(line);
        for (const line of warnings) logger.warn(line);
      },
    },
  };
}
