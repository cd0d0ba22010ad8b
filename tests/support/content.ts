// Reads the shipped content the way an author sees it, so tests compare pages with files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { TOOLS } from '../../src/lib/content/tools.ts';

const contentDir = new URL('../../content/', import.meta.url);

export interface ShippedArticle {
  slug: string;
  title: string;
  category: string;
  /** The frontmatter's `aliases` (a YAML list, block or flow style). */
  aliases: string[];
}

const unquoted = (s: string) => s.trim().replace(/^(['"])(.*)\1$/, '$2');

function aliasesOf(frontmatter: string): string[] {
  const flow = /^aliases:\s*\[(.*)\]\s*$/m.exec(frontmatter);
  if (flow) return flow[1]!.split(',').map(unquoted).filter(Boolean);
  const block = /^aliases:\s*\n((?:[ \t]+-.*\n?)+)/m.exec(frontmatter);
  return block ? block[1]!.split('\n').filter((l) => l.trim()).map((l) => unquoted(l.replace(/^\s*-\s*/, ''))) : [];
}

export function shippedArticles(): ShippedArticle[] {
  return readdirSync(new URL('faq/', contentDir))
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(new URL(`faq/${file}`, contentDir), 'utf8');
      const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      return { slug: file.replace(/\.mdx$/, ''), title: field('title'), category: field('category'), aliases: aliasesOf(frontmatter) };
    });
}

export function shippedCategories(): { id: string; name: string }[] {
  return readdirSync(new URL('categories/', contentDir))
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({
      id: file.replace(/\.json$/, ''),
      name: (JSON.parse(readFileSync(new URL(`categories/${file}`, contentDir), 'utf8')) as { name: string }).name,
    }));
}

export interface ShippedToolPage {
  path: string;
  title: string;
  /** The search aliases its page passes to ToolPage.astro (`aliases={[...]}`). */
  aliases: string[];
}

/** The tool pages (src/lib/content/tools.ts) with the aliases their .astro pages give search. */
export function shippedToolPages(): ShippedToolPage[] {
  return TOOLS.map(({ path, title }) => {
    const candidates = [`src/pages${path.replace(/\/$/, '')}.astro`, `src/pages${path}index.astro`].map((f) => new URL(`../../${f}`, import.meta.url));
    const file = candidates.find((f) => existsSync(f));
    if (!file) throw new Error(`No page file for the tool page ${path}`);
    const list = /aliases=\{\[([^\]]*)\]\}/.exec(readFileSync(file, 'utf8'))?.[1];
    if (list === undefined) throw new Error(`${file.pathname} passes no aliases={[...]} to ToolPage`);
    return { path, title, aliases: [...list.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]!) };
  });
}
