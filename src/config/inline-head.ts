// What every page's <head> carries inline, ahead of any stylesheet or script; the CSP
// hashes of it are made in src/config/csp.ts (Astro hashes only what it bundles).
import { brandColourStyle } from './brand-colours.ts';
import { PALETTE_STYLE } from '../styles/palette.ts';
import { siteConfig } from './site.ts';
import type { InlineHead } from './csp.ts';

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

/** Every inline script and style of the <head>, for the CSP's hashes (src/config/csp.ts). */
export const INLINE_HEAD: InlineHead = { scripts: [THEME_INIT_SCRIPT], styles: [LAYER_ORDER_STYLE, PALETTE_STYLE, BRAND_COLOUR_STYLE] };
