// Checks the operator's synonym table (content/search/synonyms.json) before anything is
// built, in `astro dev` too: a mistake stops the build naming the file, group and word.
// The search code imports the table itself (src/components/search/engine.ts).
import type { AstroIntegration } from 'astro';
import { readSynonymTable, SYNONYMS_FILE } from '../lib/search/synonym-table.ts';

export function searchSynonymsIntegration(): AstroIntegration {
  return {
    name: 'wenda:search-synonyms',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const groups = readSynonymTable(new URL(SYNONYMS_FILE, config.root));
        logger.debug(`${SYNONYMS_FILE}: ${groups.length} groups of synonyms.`);
      },
    },
  };
}
