// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import { siteConfig } from './src/config/site.ts';
import { SEARCH_INDEX_AFTER_ASTRO, pagefindIntegration } from './src/integrations/pagefind.ts';
import { searchSynonymsIntegration } from './src/integrations/search-synonyms.ts';
import { linkCheckIntegration } from './src/integrations/link-check.ts';
import { sampleClientsIntegration } from './src/integrations/sample-clients.ts';
import { siteRemindersIntegration } from './src/integrations/site-reminders.ts';
import { supportApiIntegration } from './src/integrations/support-api.ts';
import { INLINE_HEAD } from './src/config/inline-head.ts';
import { pageCsp } from './src/config/csp.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { tableColumns } from './src/lib/markdown/table-columns.ts';

export default defineConfig({
  site: siteConfig.siteUrl,
  trailingSlash: 'ignore',
  adapter: node({ mode: 'middleware' }),
  // The link check runs over the finished pages. `npm run build` (src/build/staged-build.ts)
  // builds the search index itself once Astro has exited; a bare `astro build` builds it here.
  integrations: [
    mdx(),
    preact(),
    supportApiIntegration(),
    sampleClientsIntegration(),
    siteRemindersIntegration(siteConfig),
    searchSynonymsIntegration(),
    pagefindIntegration({ afterAstro: process.argv.includes(SEARCH_INDEX_AFTER_ASTRO) }),
    linkCheckIntegration({ serverPaths: ['/api/'] }),
  ],
  build: { inlineStylesheets: 'auto' },
  vite: {
    plugins: [
      {
        // Astro's own MDX directive is warned about once per article and build pass
        // (withastro/astro#18087, harmless); two dozen such lines would bury a real one.
        // Per environment: Astro replaces the build options of its server environments.
        name: 'wenda:quiet-astro-directive-warning',
        configEnvironment: () => ({
          build: {
            rolldownOptions: {
              onwarn(warning, warn) {
                if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
                warn(warning);
              },
            },
          },
        }),
      },
    ],
  },
  // Shiki's inline styles cannot pass the CSP (src/config/csp.ts); help articles carry no code listings.
  // Tables get their columns ahead of their cells (src/lib/markdown/table-columns.ts);
  // MDX uses the same processor.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [tableColumns] }) },
  security: {
    // Behind a TLS proxy, trust X-Forwarded-Proto/Host for the site's own host, so sign-in
    // forms pass Astro's origin check and the session cookie is marked Secure. They reach
    // Astro only with WENDA_TRUST_PROXY set (src/server/forwarded-headers.ts).
    allowedDomains: [{ hostname: new URL(siteConfig.siteUrl).hostname }],
    // The page policy and the inline head's hashes: src/config/csp.ts.
    csp: pageCsp(siteConfig, INLINE_HEAD),
  },
});
