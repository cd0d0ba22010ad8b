// The operator's site settings (brand, logo, support lines, URLs) of this build: the
// file checked once as the build loads it, so a typo stops the build with the field named.
// The schema and helpers live in site-schema.ts (the server uses them without Vite).
import { parseJsonText } from './json-file.ts';
import { parseSiteConfig, type SiteConfig } from './site-schema.ts';
import { readSiteOverrides } from '../server/config.ts';
// As text, not as a JSON module: a syntax error then names the file, and a BOM is skipped.
import siteJsonText from '../../content/site.json?raw';

export * from './site-schema.ts';

/** The validated settings of this build. */
export const siteConfig: SiteConfig = parseSiteConfig(parseJsonText(siteJsonText, 'content/site.json'), readSiteOverrides());
