// Builds the Pagefind search index over the built pages once `astro build` is done,
// and fails the build loudly when nothing was indexed.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface PagefindOptions {
  /** Fewest pages the index must hold; a smaller count fails the build. */
  minPages: number;
}

export function pagefindIntegration({ minPages }: PagefindOptions): AstroIntegration {
  return {
    name: 'wenda:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: root });
          if (added.errors.length) throw new Error(added.errors.join('; '));
          if (added.page_count < minPages) {
            throw new Error(`Pagefind indexed ${added.page_count} pages, expected at least ${minPages}: are articles marked with data-pagefind-body?`);
          }
          const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
          if (written.errors.length) throw new Error(written.errors.join('; '));
          logger.info(`Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms.`);
        } catch (cause) {
          throw new Error('Building the search index failed.', { cause });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
