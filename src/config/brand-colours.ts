// The operator's brand colour (site.json `theme`): links, buttons and focus rings take it,
// in light and in dark. A colour that would make text unreadable stops the build with the
// contrast it reaches and what it needs, so no operator can ship grey-on-white links.
import { z } from 'zod';
import { colourOf, themeStyle, type ThemeName } from '../styles/palette.ts';

/** Page, soft and raised surfaces, then the note, tip and caution callouts' backgrounds (articles put links inside callouts). */
const SURFACES = ['--c-bg', '--c-bg-soft', '--c-bg-raised', '--c-note-bg', '--c-tip-bg', '--c-caution-bg'] as const;

/** Backgrounds links can sit on, and button text, in one of the site's two themes (src/styles/palette.ts). */
const placesIn = (theme: ThemeName, softShare: number) => ({
  backgrounds: [...new Set(SURFACES.map((token) => colourOf(token, theme)))],
  buttonText: colourOf('--c-accent-text', theme),
  soft: colourOf('--c-bg', theme),
  softShare,
});

export const LIGHT = placesIn('light', 0.1);
export const DARK = placesIn('dark', 0.18);

/** WCAG's minimum for body-size text (1.4.3 AA). */
export const MIN_TEXT_CONTRAST = 4.5;

const hex = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, '必须是六位十六进制颜色，如 #1a5fd0');

const channels = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));

function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `share` of `colour` over `base`: the tint behind highlighted rows and chosen options. */
export function tint(colour: string, base: string, share: number): string {
  const [c, b] = [channels(colour), channels(base)];
  return `#${c.map((v, i) => Math.round(v * share + b[i]! * (1 - share)).toString(16).padStart(2, '0')).join('')}`;
}

/** Where `colour` must be readable in `theme`, and what it reaches there; the worst first. */
function weakestPlace(colour: string, theme: typeof LIGHT) {
  const places = [
    ...theme.backgrounds.map((bg) => ({ place: `在 ${bg} 背景上的文字`, ratio: contrastRatio(colour, bg) })),
    { place: `按钮上 ${theme.buttonText} 的文字`, ratio: contrastRatio(colour, theme.buttonText) },
    { place: '浅色高亮背景上的文字', ratio: contrastRatio(colour, tint(colour, theme.soft, theme.softShare)) },
  ];
  return places.sort((a, b) => a.ratio - b.ratio)[0]!;
}

const readableIn = (theme: typeof LIGHT, advice: string) =>
  hex.transform((colour, ctx) => {
    const weakest = weakestPlace(colour.toLowerCase(), theme);
    if (weakest.ratio < MIN_TEXT_CONTRAST) {
      ctx.addIssue({
        code: 'custom',
        message: `作为${weakest.place}，对比度只有 ${weakest.ratio.toFixed(2)}:1，至少要 ${MIN_TEXT_CONTRAST}:1；${advice}`,
      });
      return z.NEVER;
    }
    return colour.toLowerCase();
  });

export const themeSchema = z.strictObject({
  /** Links, buttons and focus rings in the light theme. */
  accent: readableIn(LIGHT, '请换深一些的颜色'),
  /** The same in the dark theme: usually a lighter shade of the brand colour. */
  accentDark: readableIn(DARK, '请换浅一些的颜色'),
});

export type Theme = z.output<typeof themeSchema>;

/**
 * The CSS that puts the brand colour in place of the default tokens. Outside any cascade
 * layer, so it wins over the `props` layer; written with the palette's three selectors
 * (light, chosen dark, system dark; dark on screen only) so each theme keeps its own shade.
 */
export function brandColourStyle(theme: Theme | undefined): string {
  if (!theme) return '';
  const light = `--c-accent:${theme.accent};--c-focus:${theme.accent};--c-accent-soft:${tint(theme.accent, LIGHT.soft, LIGHT.softShare)}`;
  const dark = `--c-accent:${theme.accentDark};--c-focus:${theme.accentDark};--c-accent-soft:${tint(theme.accentDark, DARK.soft, DARK.softShare)}`;
  return themeStyle(light, dark);
}
