// Security headers for every response of the server: the API's JSON and the site's
// pages. Pages also carry Astro's CSP <meta> (hashes of their scripts); the header adds
// what a <meta> cannot say (frame-ancestors).

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};

/** For JSON answers of the API: nothing may run, nobody may frame them. */
export const apiSecurityHeaders: Record<string, string> = {
  ...COMMON,
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
};

/** For pages and assets: framing only by the site itself (the widget preview's frames). */
export const siteSecurityHeaders: Record<string, string> = {
  ...COMMON,
  'Content-Security-Policy': "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
};
