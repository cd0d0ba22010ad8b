// Builds the Pagefind search index over the built pages once `astro build` is done, and
// fails the build when the index does not hold exactly the pages customers should find:
// every article of content/faq/ and every tool page (TOOL_PAGES, from the tools registry src/lib/content/tools.ts).
// Pagefind's own count after indexing is every HTML file it read, indexed or not, so the
// check reads the count from the index it wrote and the pages from the built files.
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { OperatorError } from '../config/friendly-errors.ts';
import { TOOL_PAGES } from '../lib/content/tools.ts';
import { articlePath } from '../lib/content/urls.ts';
import { pagesInIndex, type PagefindEntry } from '../lib/search/pagefind-entry.ts';

/** The site paths search must find, as the pages' own links write them (`/faq/a/`). */
export interface SearchablePages {
  /** One per article file in content/faq/. */
  articles: readonly string[];
  /** The tool pages. */
  tools: readonly string[];
}

/** The pages search must find: each `*.mdx` (or plain `*.md`) in `faqDir` as an article, and TOOL_PAGES. */
export function searchablePages(faqDir: string): SearchablePages {
  const articles = readdirSync(faqDir)
    .flatMap((file) => /^(.+)\.mdx?$/.exec(file)?.[1] ?? [])
    .map((slug) => articlePath(slug))
    .sort();
  return { articles, tools: Object.values(TOOL_PAGES) };
}

/** What the index holds against what it should. */
export interface SearchIndexGaps {
  expected: SearchablePages;
  /** Pages in the index, as Pagefind counted them when writing it. */
  indexed: number;
  /** Expected pages not built, or built without a `data-pagefind-body` part. */
  missing: string[];
  /** Built pages marked for the index that are neither an article nor a tool page. */
  unlisted: string[];
}

/** An incomplete search index, explained for the operator. */
export class SearchIndexError extends OperatorError {
  override name = 'SearchIndexError';
  readonly gaps: SearchIndexGaps;
  constructor(gaps: SearchIndexGaps) {
    const { expected, indexed, missing, unlisted } = gaps;
    const total = expected.articles.length + expected.tools.length;
    const lines = [
      `搜索索引不完整：应收录 ${total} 页（content/faq/ 的 ${expected.articles.length} 篇文章和 ${expected.tools.length} 个工具页），Pagefind 实际收录了 ${indexed} 页。`,
    ];
    if (missing.length) {
      lines.push(
        `下面 ${missing.length} 页不在索引里：页面没有构建出来，或页面里没有标记 data-pagefind-body 的正文（文章页见 src/pages/faq/[slug].astro，工具页见 src/layouts/ToolPage.astro）：`,
        ...missing.map((page) => `  - ${page}`),
      );
    }
    if (unlisted.length) {
      lines.push(
        `下面 ${unlisted.length} 页被收录了，但既不是 content/faq/ 的文章，也不是 src/lib/content/tools.ts 登记的工具页（TOOL_PAGES，站点地图会漏掉它们）：请在那里登记这些页面，或去掉页面上的 data-pagefind-body：`,
        ...unlisted.map((page) => `  - ${page}`),
      );
    }
    super(lines.join('\n'));
    this.gaps = gaps;
  }
}

/** The site path a built HTML file is served at: `faq/a/index.html` → `/faq/a/`. */
const pagePath = (file: string) => `/${file.split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

/** Comments and script text, where `data-pagefind-body` is not markup. */
const NOT_MARKUP = /<!--[\s\S]*?-->|<script\b[^>]*>[\s\S]*?<\/script>/gi;
const SEARCH_BODY = /<[a-z][a-z0-9-]*\s[^>]*\bdata-pagefind-body(?=[\s=/>])/i;

/** The built pages under `root` with a part marked for the index (`data-pagefind-body`). */
async function pagesMarkedForSearch(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const marked: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    if (SEARCH_BODY.test((await readFile(file, 'utf8')).replace(NOT_MARKUP, ''))) marked.push(pagePath(relative(root, file)));
  }
  return marked.sort();
}

/**
 * Pagefind's ready-made search interfaces, written with every index: the site has its own
 * (src/components/search/), so they are removed rather than shipped (and precompressed).
 */
export const UNUSED_PAGEFIND_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
] as const;

/** Pages in the index written under `root/pagefind`, summed over its languages. */
async function indexedPageCount(root: string): Promise<number> {
  return pagesInIndex(JSON.parse(await readFile(join(root, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry);
}

/**
 * Indexes the built site in `root` into `root/pagefind`, then checks that the index holds
 * exactly the `expected` pages; throws {@link SearchIndexError} naming each gap.
 */
export async function buildSearchIndex(root: string, expected: SearchablePages): Promise<{ indexed: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: root });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    await Promise.all(UNUSED_PAGEFIND_FILES.map((file) => rm(join(root, 'pagefind', file), { force: true })));
  } catch (cause) {
    throw new Error('Building the search index failed.', { cause });
  } finally {
    await pagefind.close();
  }

  const indexed = await indexedPageCount(root);
  const marked = new Set(await pagesMarkedForSearch(root));
  const wanted = [...expected.articles, ...expected.tools];
  const missing = wanted.filter((page) => !marked.has(page));
  const unlisted = [...marked].filter((page) => !wanted.includes(page));
  if (missing.length || unlisted.length || indexed !== wanted.length) {
    throw new SearchIndexError({ expected, indexed, missing, unlisted });
  }
  return { indexed };
}

/**
 * Given to `astro build` by `npm run build` (src/build/staged-build.ts), which then
 * builds the index itself once Astro's process has exited, so Pagefind's memory does not
 * add to Astro's. astro.config.mjs looks for it (Astro ignores flags it does not know).
 */
export const SEARCH_INDEX_AFTER_ASTRO = '--search-index-after-astro';

export interface PagefindIntegrationOptions {
  /** Leave the index to whoever runs the build (staged-build.ts does, after Astro exits). */
  afterAstro?: boolean;
}

export function pagefindIntegration({ afterAstro = false }: PagefindIntegrationOptions = {}): AstroIntegration {
  let faqDir = '';
  return {
    name: 'wenda:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        // The articles' folder, as src/content.config.ts reads it.
        faqDir = fileURLToPath(new URL('content/faq/', config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (afterAstro) return;
        const started = performance.now();
        const expected = searchablePages(faqDir);
        const { indexed } = await buildSearchIndex(fileURLToPath(dir), expected);
        logger.info(
          `Indexed ${indexed} pages (${expected.articles.length} articles, ${expected.tools.length} tool pages) in ${Math.round(performance.now() - started)} ms.`,
        );
      },
    },
  };
}
