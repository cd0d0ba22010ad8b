// Checks the operator's synonym table (content/search/synonyms.json) before anything is
// built, in `astro dev` too: a mistake stops the build naming the file, group and word.
// The search code imports the table itself (src/lib/search/engine.ts).
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { parseJsonText } from '../config/json-file.ts';
import { parseSynonymTable, SYNONYMS_FILE } from '../lib/search/synonym-table.ts';
import type { SynonymTable } from '../lib/search/synonyms.ts';

/** Reads and checks the table at `path` (the project's own by default). */
export function readSynonymTable(path: string | URL, file: string = SYNONYMS_FILE): SynonymTable {
  return parseSynonymTable(parseJsonText(readFileSync(path, 'utf8'), file), file);
}

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
