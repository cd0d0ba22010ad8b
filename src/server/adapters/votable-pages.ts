// The pages votes may be cast for: the site's articles and tool pages, and nothing else,
// so nobody can fill the operator's helpfulness list with made-up paths. The server
// takes them from the build it serves (dist/client), `astro dev` from the content.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_PAGES } from '../../lib/content/tools.ts';
import { articlePath } from '../../lib/content/urls.ts';

const ARTICLES_DIR = articlePath('x').split('/')[1]!;

/** The articles and tool pages a build has, from its client directory (`dist/client`). */
export function votablePagesOfBuild(clientDir: string): ReadonlySet<string> {
  const pages = new Set<string>();
  const articlesDir = join(clientDir, ARTICLES_DIR);
  if (existsSync(articlesDir)) {
    for (const entry of readdirSync(articlesDir, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(articlesDir, entry.name, 'index.html'))) pages.add(articlePath(entry.name));
    }
  }
  for (const path of Object.values(TOOL_PAGES)) if (existsSync(join(clientDir, path, 'index.html'))) pages.add(path);
  return pages;
}

/** The articles (one per `.mdx` file of `content/faq`) and tool pages, for `astro dev`. */
export function votablePagesOfContent(faqDir: string): ReadonlySet<string> {
  const articles = readdirSync(faqDir).filter((f) => f.endsWith('.mdx')).map((f) => articlePath(f.slice(0, -'.mdx'.length)));
  return new Set([...articles, ...Object.values(TOOL_PAGES)]);
}
