import { describe, expect, test } from 'vitest';
import { isLocalSiteUrl, localSiteUrl, parseSiteConfig, shareImageAlt, shareImagePath } from '../../src/config/site.ts';
import { siteReminders } from '../../src/integrations/site-reminders.ts';
import { ConfigError } from '../../src/config/friendly-errors.ts';
import shipped from '../../content/site.json' with { type: 'json' };

const valid = {
  brandName: '帮助中心',
  productName: '企点客服',
  tagline: '几秒钟找到答案',
  supportLines: [{ label: '售前咨询', phone: '4009100100' }],
  siteUrl: 'https://help.example.com/',
};

function fieldsOf(input: unknown, env = {}) {
  try {
    parseSiteConfig(input, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return { message: (error as ConfigError).message, paths: (error as ConfigError).fields.map((f) => f.path) };
  }
  throw new Error('expected the config to be refused');
}

describe('site config', () => {
  test('the shipped content/site.json is valid', () => {
    expect(parseSiteConfig(shipped).supportLines).toHaveLength(2);
  });

  test('a support line may say what it is for, and when someone answers', () => {
    const line = { label: '售前咨询', phone: '4009100100', topic: 'sales', hours: '工作日 9:00–18:00' };
    expect(parseSiteConfig({ ...valid, supportLines: [line] }).supportLines).toEqual([line]);
  });

  test('defaults the API to the same origin and trims the site URL', () => {
    const config = parseSiteConfig(valid);
    expect(config.apiBaseUrl).toBe('');
    expect(config.siteUrl).toBe('https://help.example.com');
  });

  test('environment variables override the file', () => {
    const config = parseSiteConfig(valid, { WENDA_SITE_URL: 'https://kf.example.cn', WENDA_API_BASE_URL: 'https://api.example.cn' });
    expect(config.siteUrl).toBe('https://kf.example.cn');
    expect(config.apiBaseUrl).toBe('https://api.example.cn');
  });

  test.each([
    { name: 'a phone with letters', input: { ...valid, supportLines: [{ label: '售前', phone: 'call-us' }] }, path: 'supportLines[0].phone' },
    { name: 'no support line', input: { ...valid, supportLines: [] }, path: 'supportLines' },
    { name: 'a relative site URL', input: { ...valid, siteUrl: 'help.example.com' }, path: 'siteUrl' },
    { name: 'an ftp API URL', input: { ...valid, apiBaseUrl: 'ftp://api.example.com' }, path: 'apiBaseUrl' },
    { name: 'a logo outside public/', input: { ...valid, logo: { src: 'logo.gif', alt: 'x' } }, path: 'logo.src' },
    { name: 'an empty brand', input: { ...valid, brandName: ' ' }, path: 'brandName' },
    { name: 'a misspelt field', input: { ...valid, supportLine: [] }, path: '(根)' },
    { name: 'an unknown line topic', input: { ...valid, supportLines: [{ label: '售前', phone: '4009100100', topic: 'presales' }] }, path: 'supportLines[0].topic' },
  ])('refuses $name, naming $path', ({ input, path }) => {
    const { message, paths } = fieldsOf(input);
    expect(paths).toContain(path);
    expect(message).toContain('content/site.json');
    expect(message).toContain(path);
  });

  test('a bad WENDA_SITE_URL is reported as the variable, not as content/site.json', () => {
    const { message, paths } = fieldsOf(valid, { WENDA_SITE_URL: 'help.example.com' });
    expect(paths).toEqual(['WENDA_SITE_URL']);
    expect(message).toContain('环境变量');
    expect(message).not.toContain('content/site.json');
  });

  test('a bad WENDA_API_BASE_URL is reported as the variable; empty means the same origin', () => {
    expect(fieldsOf(valid, { WENDA_API_BASE_URL: 'ftp://api.example.com' }).paths).toEqual(['WENDA_API_BASE_URL']);
    expect(parseSiteConfig({ ...valid, apiBaseUrl: 'https://api.example.com' }, { WENDA_API_BASE_URL: '' }).apiBaseUrl).toBe('');
  });

  test('a URL that may be left empty says what it wants', () => {
    expect(fieldsOf({ ...valid, apiBaseUrl: 'ftp://api.example.com' }).message).toContain('http:// 或 https://');
  });

  test.each(['/logo.svg', '/logo.png', '/img/logo.webp', '/logo.jpg', '/logo.jpeg'])('accepts the logo %s', (src) => {
    expect(parseSiteConfig({ ...valid, logo: { src, alt: '帮助中心' } }).logo?.src).toBe(src);
  });

  test('a logo in another format is refused with the formats allowed', () => {
    const { message, paths } = fieldsOf({ ...valid, logo: { src: '/logo.gif', alt: 'x' } });
    expect(paths).toEqual(['logo.src']);
    expect(message).toContain('SVG、PNG、WebP 或 JPEG');
  });

  test('a logo needs no alt text (the header names the brand beside it)', () => {
    expect(parseSiteConfig({ ...valid, logo: { src: '/logo.svg' } }).logo).toEqual({ src: '/logo.svg' });
    expect(fieldsOf({ ...valid, logo: { src: '/logo.svg', alt: ' ' } }).paths).toEqual(['logo.alt']);
  });

  test('messages are in Chinese', () => {
    expect(fieldsOf({ ...valid, brandName: 42 }).message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('share image', () => {
  test('link previews get the share image, else a PNG or JPEG logo, never an SVG', () => {
    expect(shareImagePath({ shareImage: '/share.png', logo: { src: '/logo.svg', alt: 'x' } })).toBe('/share.png');
    expect(shareImagePath({ logo: { src: '/logo.png', alt: 'x' } })).toBe('/logo.png');
    expect(shareImagePath({ logo: { src: '/logo.svg', alt: 'x' } })).toBeUndefined();
    expect(shareImagePath({ logo: { src: '/logo.webp', alt: 'x' } })).toBeUndefined();
    expect(shareImagePath({})).toBeUndefined();
  });

  test('a logo used as the share image gives its alt text (else the brand), a share image of its own none', () => {
    const brandName = '帮助中心';
    expect(shareImageAlt({ brandName, logo: { src: '/logo.jpg', alt: '企点标志' } })).toBe('企点标志');
    expect(shareImageAlt({ brandName, logo: { src: '/logo.png' } })).toBe('帮助中心');
    expect(shareImageAlt({ brandName, logo: { src: '/logo.svg', alt: '企点标志' } })).toBeUndefined();
    expect(shareImageAlt({ brandName, shareImage: '/share.png', logo: { src: '/logo.png', alt: '企点标志' } })).toBeUndefined();
    expect(shareImageAlt({ brandName })).toBeUndefined();
  });

  test('a JPEG logo is the share image', () => {
    expect(shareImagePath(parseSiteConfig({ ...valid, logo: { src: '/logo.jpg', alt: 'x' } }))).toBe('/logo.jpg');
  });

  test('a share image must be a PNG or JPEG path in public/', () => {
    expect(fieldsOf({ ...valid, shareImage: 'share.gif' }).paths).toEqual(['shareImage']);
    expect(parseSiteConfig({ ...valid, shareImage: '/img/share.jpg' }).shareImage).toBe('/img/share.jpg');
  });

  test('the online chat is optional; when set, its address must be a full URL and its label defaults to 在线客服', () => {
    expect(parseSiteConfig(valid).onlineChat).toBeUndefined();
    expect(parseSiteConfig({ ...valid, onlineChat: { url: 'https://chat.example.com/' } }).onlineChat).toEqual({ url: 'https://chat.example.com', label: '在线客服' });
    expect(fieldsOf({ ...valid, onlineChat: { url: 'chat.example.com' } }).paths).toEqual(['onlineChat.url']);
    expect(fieldsOf({ ...valid, onlineChat: { url: 'https://chat.example.com/', hours: 'x'.repeat(41) } }).paths).toEqual(['onlineChat.hours']);
  });
});

describe('an unset siteUrl', () => {
  const { siteUrl: _, ...unset } = valid;

  test('becomes the local address the site is served on: PORT, else 4321', () => {
    expect(parseSiteConfig(unset).siteUrl).toBe('http://localhost:4321');
    expect(parseSiteConfig({ ...unset, siteUrl: '' }, { PORT: '8080' }).siteUrl).toBe('http://localhost:8080');
    // PORT=0 (any free port) or nonsense: the default.
    expect(localSiteUrl('0')).toBe('http://localhost:4321');
    expect(localSiteUrl('http')).toBe('http://localhost:4321');
    // A set one, or WENDA_SITE_URL, wins over PORT.
    expect(parseSiteConfig(valid, { PORT: '8080' }).siteUrl).toBe('https://help.example.com');
    expect(parseSiteConfig(unset, { PORT: '8080', WENDA_SITE_URL: 'https://kf.example.cn' }).siteUrl).toBe('https://kf.example.cn');
  });

  test('the build log says to set it before deploying; a public one is not mentioned', () => {
    const local = parseSiteConfig(unset, { PORT: '8080' });
    expect(isLocalSiteUrl(local.siteUrl)).toBe(true);
    const { warnings } = siteReminders(local);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('http://localhost:8080');
    expect(warnings[0]).toContain('上线前请在 content/site.json 设置 siteUrl（或环境变量 WENDA_SITE_URL）');
    expect(siteReminders(parseSiteConfig(valid))).toEqual({ warnings: [], info: [] });
  });

  test('the shipped sample: no siteUrl, and a sample online chat, each reminded of', () => {
    const site = parseSiteConfig(shipped);
    expect(site.siteUrl).toBe('http://localhost:4321');
    const { warnings, info } = siteReminders(site);
    expect(warnings).toEqual([expect.stringContaining('siteUrl 没有设置')]);
    expect(info).toEqual([expect.stringContaining('onlineChat 仍是示例（"sample": true')]);
    expect(siteReminders({ ...site, onlineChat: { ...site.onlineChat!, sample: false } }).info).toEqual([]);
  });
});
