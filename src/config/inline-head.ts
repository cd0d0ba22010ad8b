// What every page's <head> carries inline, ahead of any stylesheet or script, and the
// CSP hashes for it: Astro's CSP hashes only the scripts and styles it bundles.
import { createHash } from 'node:crypto';
import { brandColourStyle } from './brand-colours.ts';
import { PALETTE_STYLE } from '../styles/palette.ts';
import { siteConfig } from './site.ts';

/**
 * Applies the remembered theme (`localStorage['wenda-theme']`: light | dark) before the
 * page paints; without a choice the CSS follows the system setting.
 */
export const THEME_INIT_SCRIPT =
  "try{var t=localStorage.getItem('wenda-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";

/**
 * The order of the CSS cascade layers (src/styles/base.css says the same). A page's
 * styles arrive in the order Astro collects them, a component's before the base sheet,
 * and the first mention of a layer fixes its place; so without this the `reset` layer
 * could end up above `components` and undo a component's colours.
 */
export const LAYER_ORDER_STYLE = '@layer reset, props, base, layout, components, markdown, print;';

/** The site's colours, light and dark (src/styles/palette.ts). */
export { PALETTE_STYLE };

/** The operator's brand colour over the default tokens (empty without `theme` in site.json). */
export const BRAND_COLOUR_STYLE = brandColourStyle(siteConfig.theme);

const sha256 = (source: string) => `sha256-${createHash('sha256').update(source).digest('base64')}` as const;

/** `sha256-…` sources for every inline script, for `security.csp.scriptDirective.hashes`. */
export function inlineScriptHashes(): `sha256-${string}`[] {
  return [THEME_INIT_SCRIPT].map(sha256);
}

/** `sha256-…` sources for every inline style, for `security.csp.styleDirective.hashes`. */
export function inlineStyleHashes(): `sha256-${string}`[] {
  return [LAYER_ORDER_STYLE, PALETTE_STYLE, BRAND_COLOUR_STYLE].filter(Boolean).map(sha256);
}
