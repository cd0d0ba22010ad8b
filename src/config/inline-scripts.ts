// The few scripts that must run inline before first paint, and their CSP hashes:
// Astro's CSP hashes only the scripts it bundles, so inline ones are listed here.
import { createHash } from 'node:crypto';

/**
 * Applies the remembered theme (`localStorage['wenda-theme']`: light | dark) before the
 * page paints; without a choice the CSS follows the system setting.
 */
export const THEME_INIT_SCRIPT =
  "try{var t=localStorage.getItem('wenda-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";

/** `sha256-…` sources for every inline script, for `security.csp.scriptDirective.hashes`. */
export function inlineScriptHashes(): `sha256-${string}`[] {
  return [THEME_INIT_SCRIPT].map((source) => `sha256-${createHash('sha256').update(source).digest('base64')}` as const);
}
