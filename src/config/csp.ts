// Every Content-Security-Policy of the site, in one place: the page policy Astro writes
// into each page (a <meta>, or a header on pages rendered on request), the hashes of what
// every <head> carries inline, the part the server adds as a header because a <meta>
// cannot say it (frame-ancestors), the API's policy, and how a page's own header keeps
// the server's directives (`mergeCsp`). src/server/security-headers.ts sets the headers.
// Plain code with no file read, so both the build (astro.config.mjs) and the server import it.
import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';
import { connectOrigins, type SiteConfig } from './site-schema.ts';

/** Pages and assets: framing only by the site itself (the widget preview's frames). */
export const SITE_HEADER_CSP = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'";

/** The diagnostics' storage probe, which other sites' diagnostics frame on purpose. */
export const FRAMEABLE_HEADER_CSP = "frame-ancestors *; object-src 'none'; base-uri 'self'";

/**
 * The API's JSON answers: nothing may run, nobody may frame them. frame-ancestors does
 * what X-Frame-Options did; every byte counts on the hot routes.
 */
export const API_HEADER_CSP = "default-src 'none'; frame-ancestors 'none'";

type HashSource = `sha256-${string}`;
const sha256 = (source: string): HashSource => `sha256-${createHash('sha256').update(source).digest('base64')}`;

/** What every page's <head> carries inline (src/config/inline-head.ts): Astro hashes only what it bundles. */
export interface InlineHead {
  scripts: string[];
  /** Empty ones (no brand colour) are left out. */
  styles: string[];
}

/** `sha256-…` sources for every inline script, for `security.csp.scriptDirective.hashes`. */
export const inlineScriptHashes = ({ scripts }: InlineHead) => scripts.map(sha256);

/** `sha256-…` sources for every inline style, for `security.csp.styleDirective.hashes`. */
export const inlineStyleHashes = ({ styles }: InlineHead) => styles.filter(Boolean).map(sha256);

type AstroCsp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** Astro's `security.csp`: the page policy for this site's settings and inline head. */
export function pageCsp(site: SiteConfig, inline: InlineHead): AstroCsp {
  return {
    directives: [
      "default-src 'self'",
      "img-src 'self' data:",
      // The support API and the hosts the diagnostics probe (site config).
      `connect-src 'self' ${connectOrigins(site).join(' ')}`.trim() as `connect-src${string}`,
      `frame-src 'self' ${site.diagnostics.storageProbeOrigin}`.trim() as `frame-src${string}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: inlineScriptHashes(inline),
    },
    styleDirective: {
      hashes: inlineStyleHashes(inline),
    },
  };
}

/**
 * Astro's CSP for a page rendered on request, with the directives of the server's own
 * (`frame-ancestors` above all, which Astro's cannot hold) that it lacks appended.
 */
export function mergeCsp(astro: string, server: string): string {
  const names = (policy: string) => new Set(policy.split(';').map((d) => d.trim().split(/\s+/)[0]!.toLowerCase()).filter(Boolean));
  const present = names(astro);
  const missing = server.split(';').map((d) => d.trim()).filter((d) => d && !present.has(d.split(/\s+/)[0]!.toLowerCase()));
  return missing.length ? `${astro.trim().replace(/;*$/, ';')} ${missing.join('; ')}` : astro;
}
