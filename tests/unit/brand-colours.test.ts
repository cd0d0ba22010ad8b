// The brand colour: readable in both themes or refused with the contrast it reaches, and
// the CSS that puts it in place of the default tokens.
import { describe, expect, test } from 'vitest';
import { brandColourStyle, contrastRatio, DARK, LIGHT, themeSchema, tint } from '../../src/config/brand-colours.ts';
import { PALETTE_STYLE } from '../../src/styles/palette.ts';
import { ConfigError } from '../../src/config/friendly-errors.ts';
import { parseSiteConfig } from '../../src/config/site.ts';
import shipped from '../../content/site.json' with { type: 'json' };

const base = { brandName: '帮助中心', productName: '企点客服', tagline: '几秒钟找到答案', supportLines: [{ label: '售前咨询', phone: '4009100100' }], siteUrl: 'https://help.example.com' };

function refusal(theme: unknown) {
  try {
    parseSiteConfig({ ...base, theme });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the theme to be refused');
}

describe('brand colours', () => {
  test('contrast and tint follow WCAG and plain mixing', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(tint('#000000', '#ffffff', 0.1)).toBe('#e6e6e6');
    expect(tint('#1a5fd0', '#ffffff', 0)).toBe('#ffffff');
  });

  test('the surfaces checked are the ones the palette defines, in each theme', () => {
    const css = PALETTE_STYLE;
    const block = (start: string) => css.slice(css.indexOf(start), css.indexOf('}', css.indexOf(start)));
    const surfaces = (text: string) =>
      [...new Set([...text.matchAll(/--c-(?:bg|bg-soft|bg-raised|note-bg|tip-bg|caution-bg):\s*(#[0-9a-f]{6})/g)].map((m) => m[1]))].sort();
    expect(surfaces(block(':root{'))).toEqual([...LIGHT.backgrounds].sort());
    expect(surfaces(block(":root[data-theme='dark']{"))).toEqual([...DARK.backgrounds].sort());
  });

  test('the shipped theme is readable and kept as given', () => {
    expect(parseSiteConfig(shipped).theme).toEqual({ accent: '#1a5fd0', accentDark: '#7cb0ff' });
  });

  test('a brand red, with a lighter shade for dark, is accepted (upper case is fine)', () => {
    expect(themeSchema.parse({ accent: '#C0392B', accentDark: '#FF8A7A' })).toEqual({ accent: '#c0392b', accentDark: '#ff8a7a' });
  });

  test('a light colour in the light theme is refused with its contrast and the minimum', () => {
    const message = refusal({ accent: '#7cb0ff', accentDark: '#7cb0ff' });
    expect(message).toContain('theme.accent');
    expect(message).toMatch(/对比度只有 \d\.\d\d:1，至少要 4\.5:1；请换深一些的颜色/);
    expect(message).not.toContain('theme.accentDark');
  });

  test('a colour readable on the page but not inside a callout is refused', () => {
    // #eb05ff reaches 4.5:1 on the dark page, but only 4.28:1 on the caution callout.
    expect(contrastRatio('#eb05ff', '#1c2330')).toBeGreaterThan(4.5);
    const message = refusal({ accent: '#1a5fd0', accentDark: '#eb05ff' });
    expect(message).toContain('theme.accentDark');
    expect(message).toContain('#33240f');
  });

  test('a dark colour in the dark theme is refused', () => {
    const message = refusal({ accent: '#1a5fd0', accentDark: '#1a5fd0' });
    expect(message).toContain('theme.accentDark');
    expect(message).toContain('请换浅一些的颜色');
  });

  test('a colour that is not #rrggbb, a missing shade, or an unknown key is refused', () => {
    expect(refusal({ accent: 'blue', accentDark: '#7cb0ff' })).toContain('必须是六位十六进制颜色');
    expect(refusal({ accent: '#1a5fd0' })).toContain('theme.accentDark');
    expect(refusal({ accent: '#1a5fd0', accentDark: '#7cb0ff', accentSoft: '#eeeeee' })).toContain('accentSoft');
  });

  test('the CSS sets each theme its own shade, outside the cascade layers', () => {
    const css = brandColourStyle({ accent: '#c0392b', accentDark: '#ff8a7a' });
    expect(css).not.toContain('@layer');
    expect(css).toMatch(/^:root\{--c-accent:#c0392b;--c-focus:#c0392b;--c-accent-soft:#[0-9a-f]{6}\}/);
    expect(css).toContain(":root[data-theme='dark']{--c-accent:#ff8a7a;");
    expect(css).toContain("@media screen and (prefers-color-scheme:dark){:root:not([data-theme='light']){--c-accent:#ff8a7a;");
    expect(brandColourStyle(undefined)).toBe('');
  });
});
