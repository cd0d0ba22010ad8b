// Fails the build when a built page links to a page or file of this site that does not
// exist: an article removed or renamed while other articles, pages or `related` lists
// still point at it. Runs over the built client files once `astro build` is done, after
// the search index is written; `npm run build` (src/build/staged-build.ts) builds into a staging
// directory, so a failed check leaves dist/ as it was.
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OperatorError } from '../config/friendly-errors.ts';

export interface DeadLink {
  /** The page holding the link, as a site path: `/downloads/`. */
  page: string;
  /** The link as written in the page. */
  href: string;
  /** Set when the page exists but has no element with the link's `#fragment`. */
  missingFragment?: string;
}

export interface LinkCheckOptions {
  /** The site's URL: absolute links to its origin (canonical, Open Graph) are checked too. */
  site?: string | undefined;
  /** Path prefixes answered by the server rather than by built files, e.g. `/api/`. */
  serverPaths?: readonly string[];
  /** Routes rendered on request (not prerendered): a path matching one is taken as alive. */
  onDemandRoutes?: readonly RegExp[];
}

/** Every file under `dir`, as site paths (`/faq/a/index.html`). */
async function builtFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => `/${relative(dir, join(e.parentPath, e.name)).split(sep).join('/')}`);
}

/** The site path a built HTML file is served at: `/faq/a/index.html` → `/faq/a/`. */
const pagePath = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

/** Text of script and style elements and comments, where `href="…"` is not a link. */
const NOT_MARKUP = /<!--[\s\S]*?-->|(<script\b[^>]*>)[\s\S]*?<\/script>|(<style\b[^>]*>)[\s\S]*?<\/style>/gi;
const TAG = /<[a-z][a-z0-9-]*\b[^>]*>/gi;
const ATTRIBUTE = /\s(href|src|action|id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** The links (href, src, action) and the fragment targets (any id, an a's name) of one page. */
function scan(html: string): { links: string[]; anchors: Set<string> } {
  const markup = html.replace(NOT_MARKUP, (_, script = '', style = '') => `${script}${style}`);
  const links: string[] = [];
  const anchors = new Set<string>();
  for (const [tag] of markup.matchAll(TAG)) {
    for (const [, attribute, ...values] of tag.matchAll(ATTRIBUTE)) {
      const value = decodeEntities(values.find((v) => v !== undefined) ?? '');
      const name = attribute!.toLowerCase();
      if (name === 'id' || (name === 'name' && /^<a\s/i.test(tag))) anchors.add(value);
      else if (name !== 'name' && name !== 'id') links.push(value);
    }
  }
  return { links, anchors };
}

/**
 * The links of the built pages under `dir` (every `*.html`) that point at a path of this
 * site with nothing built there; also `#fragment`s naming no element of their page.
 */
export async function findDeadLinks(dir: string, options: LinkCheckOptions = {}): Promise<{ dead: DeadLink[]; checked: number }> {
  const files = await builtFiles(dir);
  const present = new Set(files);
  const pages = new Map<string, { links: string[]; anchors: Set<string> }>();
  for (const file of files.filter((f) => f.endsWith('.html')).sort()) {
    pages.set(file, scan(await readFile(join(dir, file), 'utf8')));
  }
  const siteOrigin = options.site ? new URL(options.site).origin : undefined;
  const base = siteOrigin ?? 'http://wenda.invalid';
  const builtFileFor = (path: string): string | undefined => {
    const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`, `${path}.html`];
    return candidates.find((c) => present.has(c));
  };

  const dead: DeadLink[] = [];
  let checked = 0;
  for (const [file, { links }] of pages) {
    const page = pagePath(file);
    for (const href of new Set(links)) {
      if (href === '' || href === '#') continue;
      let url: URL;
      try {
        url = new URL(href, new URL(page, base));
      } catch {
        dead.push({ page, href });
        continue;
      }
      if (url.origin !== base) continue; // another site, mailto:, tel:, data:, javascript:
      checked++;
      let path: string;
      let fragment: string;
      try {
        path = decodeURIComponent(url.pathname);
        fragment = decodeURIComponent(url.hash.slice(1));
      } catch {
        dead.push({ page, href });
        continue;
      }
      if (options.serverPaths?.some((prefix) => path.startsWith(prefix))) continue;
      const target = builtFileFor(path);
      if (!target) {
        if (!options.onDemandRoutes?.some((route) => route.test(path))) dead.push({ page, href });
        continue;
      }
      const targetPage = pages.get(target);
      if (fragment && targetPage && !targetPage.anchors.has(fragment)) dead.push({ page, href, missingFragment: fragment });
    }
  }
  return { dead, checked };
}

/** The dead links, one line each: page → link. */
export class DeadLinksError extends OperatorError {
  override name = 'DeadLinksError';
  readonly dead: DeadLink[];
  constructor(dead: DeadLink[]) {
    super(
      `构建出的页面里有 ${dead.length} 个失效的站内链接（链接到的页面或文件不存在）：\n` +
        dead
          .map((d) => `  - ${d.page} → ${d.href}${d.missingFragment ? `（页面存在，但没有 id 为「${d.missingFragment}」的位置）` : ''}`)
          .join('\n') +
        '\n删除或改名 content/faq/ 下的文章后，请同时修改链接到它的文章正文、related 字段和页面。',
    );
    this.dead = dead;
  }
}

export interface LinkCheckIntegrationOptions {
  /** Path prefixes answered by the server rather than by built files, e.g. `/api/`. */
  serverPaths?: readonly string[];
}

export function linkCheckIntegration({ serverPaths = [] }: LinkCheckIntegrationOptions = {}): AstroIntegration {
  let site: string | undefined;
  let onDemandRoutes: RegExp[] = [];
  return {
    name: 'wenda:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:routes:resolved': ({ routes }) => {
        onDemandRoutes = routes.filter((r) => !r.isPrerendered).map((r) => r.patternRegex);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { dead, checked } = await findDeadLinks(fileURLToPath(dir), { site, serverPaths, onDemandRoutes });
        if (dead.length) throw new DeadLinksError(dead);
        logger.info(`Checked ${checked} links to this site: none dead (${Math.round(performance.now() - started)} ms).`);
      },
    },
  };
}
