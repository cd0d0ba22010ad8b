// The site's colours, light and dark, in one table: each token once with its two values.
// Written into every page's <head> (src/components/Head.astro, hashed for the CSP in
// src/config/inline-head.ts) as three blocks: light, dark when chosen with the theme switch,
// dark when the system asks and no light theme was chosen; dark on screen only, so a page
// printed from dark mode prints light. Plain custom properties and media queries (no
// light-dark()), so older in-app browsers such as WeChat's get both themes. The brand
// colour (src/config/brand-colours.ts) overrides the accent tokens with the same selectors.
// Sizes and fonts are in props.css.

/** Token → [light, dark]. */
export const PALETTE = {
  '--c-bg': ['#ffffff', '#10141b'],
  '--c-bg-soft': ['#f5f7fa', '#171c25'],
  '--c-bg-raised': ['#ffffff', '#1c2330'],
  '--c-text': ['#1d2430', '#e6eaf0'],
  '--c-text-soft': ['#4f5b6b', '#a9b3c1'],
  '--c-border': ['#d9dee6', '#2f3847'],
  '--c-accent': ['#1a5fd0', '#7cb0ff'],
  '--c-accent-text': ['#ffffff', '#0b1220'],
  '--c-accent-soft': ['#e8f0fd', '#1b2b45'],
  '--c-focus': ['#1a5fd0', '#9cc3ff'],
  '--c-mark': ['#fff1a8', '#5c4a00'],
  '--c-note': ['#1a5fd0', '#7cb0ff'],
  '--c-note-bg': ['#eef4fe', '#16243a'],
  '--c-tip': ['#0f7654', '#5fd3a4'],
  '--c-tip-bg': ['#e9f7f1', '#122b23'],
  '--c-caution': ['#a3570b', '#f0b368'],
  '--c-caution-bg': ['#fdf3e5', '#33240f'],
  '--c-danger': ['#c62828', '#ff8a80'],
  '--shadow': ['0 6px 24px rgb(16 24 40 / 0.12)', '0 6px 24px rgb(0 0 0 / 0.5)'],
} as const satisfies Record<`--${string}`, readonly [light: string, dark: string]>;

export type Token = keyof typeof PALETTE;
export type ThemeName = 'light' | 'dark';

/** A token's value in one theme. */
export const colourOf = (token: Token, theme: ThemeName): string => PALETTE[token][theme === 'light' ? 0 : 1];

/**
 * Declarations for the light theme and for the dark one, under the three selectors every
 * theme-dependent style uses: light by default, dark when chosen, dark by the system
 * unless light was chosen (dark on screen only).
 */
export const themeStyle = (light: string, dark: string): string =>
  `:root{${light}}@media screen{:root[data-theme='dark']{${dark}}}@media screen and (prefers-color-scheme:dark){:root:not([data-theme='light']){${dark}}}`;

const declarations = (theme: ThemeName) =>
  [`color-scheme:${theme}`, ...(Object.keys(PALETTE) as Token[]).map((token) => `${token}:${colourOf(token, theme)}`)].join(';');

/** The palette as CSS, in the `props` cascade layer beside props.css. */
export const PALETTE_STYLE = `@layer props{${themeStyle(declarations('light'), declarations('dark'))}}`;
