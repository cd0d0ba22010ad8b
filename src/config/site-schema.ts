// The schema of the operator's site settings (content/site.json) and their checks, with
// no file read: the build loads the file through src/config/site.ts, and the server,
// which runs without Vite, reads it itself (src/server/support-api.ts).
import { z } from 'zod';
import { themeSchema } from './brand-colours.ts';
import { parseWithFriendlyErrors } from './friendly-errors.ts';

const absoluteHttpUrl = z
  .url({ protocol: /^https?$/, error: '必须是以 http:// 或 https:// 开头的完整网址' })
  .transform((url) => url.replace(/\/+$/, ''));

/** A URL as above, or '' for "not set". */
const absoluteHttpUrlOrEmpty = z.union([z.literal(''), absoluteHttpUrl], {
  error: '必须是以 http:// 或 https:// 开头的完整网址，或留空（""）',
});

export const supportLineSchema = z.strictObject({
  /** What the line is for, shown beside the number: 售前咨询, 售后服务. */
  label: z.string().trim().min(1).max(20),
  /** The number as dialled: digits, optionally with spaces or dashes. */
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{2,19}$/, '电话号码只能包含数字、空格和短横线，例如 400-910-0100'),
  /** When someone answers, e.g. 工作日 9:00–18:00; optional, shown beside the number. */
  hours: z.string().trim().max(40).optional(),
  /**
   * What the line is for: `sales` (售前: prices, buying) or `support` (售后: using the
   * product). Optional; pages about one of these (the calculator: sales; diagnostics and
   * downloads: support) then show only the lines for it. Without it, every page shows
   * every line.
   */
  topic: z.enum(['sales', 'support']).optional(),
});

const wsUrl = z.url({ protocol: /^wss?$/, error: '必须是以 ws:// 或 wss:// 开头的完整地址' });

/** What the browser-unblock diagnostics probe. */
export const diagnosticsConfigSchema = z.strictObject({
  /** Hosts the chat widget needs; each is probed from the visitor's browser. */
  chatHosts: z
    .array(z.strictObject({ label: z.string().trim().min(1).max(20), url: absoluteHttpUrl }))
    .max(10)
    .default([]),
  /** The chat service's own WebSocket echo, if it has one; empty = the support API's. */
  webSocketUrl: z.union([z.literal(''), wsUrl]).default(''),
  /** An origin (another site) serving /diagnostics/storage-probe/, to test third-party storage; empty = not tested. */
  storageProbeOrigin: absoluteHttpUrlOrEmpty.default(''),
  /** How long a host may take before it counts as timed out, in ms. */
  hostTimeoutMs: z.int().min(1000).max(30_000).default(5000),
});

export const siteConfigSchema = z.strictObject({
  /** The brand shown in the header and in page titles. */
  brandName: z.string().trim().min(1).max(30),
  /** Name of the product the articles are about; used in page descriptions. */
  productName: z.string().trim().min(1).max(30),
  /** Short line under the brand on the home page. */
  tagline: z.string().trim().min(1).max(80),
  /** Logo beside the brand in the header: an image in `public/` (path starting with `/`). Omit for a text logo. */
  logo: z
    .strictObject({
      src: z.string().regex(/^\/[^\s]*\.(svg|png|webp|jpe?g)$/, '必须是 public/ 下的 SVG、PNG、WebP 或 JPEG 图片路径（.svg、.png、.webp、.jpg 或 .jpeg），如 /logo.svg'),
      /**
       * What the logo shows, for link previews that use it as their picture
       * (`og:image:alt`); omit it and the brand name is used. The header shows the brand
       * name beside the logo, so there the logo is decorative (`alt=""`).
       */
      alt: z.string().trim().min(1).optional(),
    })
    .optional(),
  /** Brand colour for links, buttons and focus, light and dark; omit for the default blue. */
  theme: themeSchema.optional(),
  /**
   * The picture link previews show (og:image): a PNG or JPEG in `public/`, ideally
   * 1200×630. Omit it and a PNG or JPEG logo is used; an SVG logo is not, since most
   * preview crawlers ignore SVG.
   */
  shareImage: z.string().regex(/^\/[^\s]*\.(png|jpe?g)$/, '必须是 public/ 下的 PNG 或 JPEG 图片路径，如 /share.png').optional(),
  /** Phone lines shown on every page; at least one. */
  supportLines: z.array(supportLineSchema).min(1).max(4),
  /**
   * The online chat customers can open (the operator's reception link of the support
   * system): the 在线客服 launcher on every page (/widget/v1.js, loaded once the page is
   * idle), and beside the phone lines wherever search finds no sure answer. Omit it when
   * there is none: no launcher then.
   */
  onlineChat: z
    .strictObject({
      /** The chat's address. */
      url: absoluteHttpUrl,
      /** The launcher's and the link's text. */
      label: z.string().trim().min(1).max(20).default('在线客服'),
      /** When someone answers, e.g. 工作日 9:00–21:00; optional. */
      hours: z.string().trim().max(40).optional(),
      /** The shipped sample's link, not a real one: the build log says so. */
      sample: z.boolean().optional(),
    })
    .optional(),
  /**
   * Public URL of the site, used for canonical links, Open Graph and the sitemap. Unset
   * (or ""), the build uses the local address it will be served on, http://localhost:PORT
   * (localSiteUrl), and its log says to set it before deploying.
   */
  siteUrl: absoluteHttpUrlOrEmpty.default(''),
  /**
   * Base URL of the support API. Empty string (the default) means the same origin
   * as the site, at `/api/v1`.
   */
  apiBaseUrl: absoluteHttpUrlOrEmpty.default(''),
  /** Settings of the browser-unblock diagnostics. */
  diagnostics: diagnosticsConfigSchema.prefault({}),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Environment variables that override `content/site.json` at build time. */
export interface SiteConfigEnv {
  WENDA_SITE_URL?: string | undefined;
  WENDA_API_BASE_URL?: string | undefined;
  /** The server's port: the local address stands in for an unset `siteUrl`. */
  PORT?: string | undefined;
}

/** The server's default port (src/server/config.ts says the same). */
export const DEFAULT_PORT = 4321;

/** The address the site is served on locally (`PORT`, else 4321): what an unset `siteUrl` becomes. */
export function localSiteUrl(port?: string): string {
  const n = Number(port);
  return `http://localhost:${Number.isInteger(n) && n > 0 && n <= 65_535 ? n : DEFAULT_PORT}`;
}

/** True when `siteUrl` is this machine's address, which no customer can open. */
export function isLocalSiteUrl(siteUrl: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(siteUrl).hostname);
}

/** The overrides, checked on their own so a bad value is reported as the variable's. */
const siteConfigEnvSchema = z.object({
  /** Replaces `siteUrl`; unset or empty keeps the file's. */
  WENDA_SITE_URL: absoluteHttpUrlOrEmpty.optional(),
  /** Replaces `apiBaseUrl`, even when empty (the same origin). */
  WENDA_API_BASE_URL: absoluteHttpUrlOrEmpty.optional(),
});

/** Validates the settings file's contents, applying environment overrides first. */
export function parseSiteConfig(input: unknown, env: SiteConfigEnv = {}): SiteConfig {
  const overrides = parseWithFriendlyErrors(
    siteConfigEnvSchema,
    { WENDA_SITE_URL: env.WENDA_SITE_URL, WENDA_API_BASE_URL: env.WENDA_API_BASE_URL },
    '环境变量有误：',
  );
  const merged = typeof input === 'object' && input !== null ? { ...input } : input;
  if (merged && typeof merged === 'object') {
    if (overrides.WENDA_SITE_URL) Object.assign(merged, { siteUrl: overrides.WENDA_SITE_URL });
    if (overrides.WENDA_API_BASE_URL !== undefined) Object.assign(merged, { apiBaseUrl: overrides.WENDA_API_BASE_URL });
  }
  const config = parseWithFriendlyErrors(siteConfigSchema, merged, '站点配置 content/site.json 有误：');
  return config.siteUrl ? config : { ...config, siteUrl: localSiteUrl(env.PORT) };
}


/** The picture for link previews, if there is one crawlers can read (see `shareImage`). */
export function shareImagePath(config: Pick<SiteConfig, 'shareImage' | 'logo'>): string | undefined {
  if (config.shareImage) return config.shareImage;
  // WebP and SVG are skipped: many preview crawlers (WeChat's among them) show neither.
  return config.logo && /\.(png|jpe?g)$/.test(config.logo.src) ? config.logo.src : undefined;
}

/** The text alternative of the link-preview picture (og:image:alt) when it is the logo. */
export function shareImageAlt(config: Pick<SiteConfig, 'shareImage' | 'logo' | 'brandName'>): string | undefined {
  if (config.shareImage || !shareImagePath(config)) return undefined;
  return config.logo?.alt ?? config.brandName;
}

/** Origins the pages may connect to (CSP connect-src): the API's and the probed hosts'. */
export function connectOrigins(config: SiteConfig): string[] {
  const origins = [config.apiBaseUrl, ...config.diagnostics.chatHosts.map((h) => h.url), config.diagnostics.webSocketUrl]
    .filter(Boolean)
    .map((url) => new URL(url).origin);
  return [...new Set(origins)];
}
