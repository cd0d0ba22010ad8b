// The pages of the build: every index.html under dist/client, and the 404 page.
import { readdirSync, statSync } from 'node:fs';

function pagesUnder(dir: URL, path: string): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir)) {
    const child = new URL(name, dir);
    if (statSync(child).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') pages.push(...pagesUnder(new URL(`${name}/`, dir), `${path}${name}/`));
    } else if (name === 'index.html') pages.push(path);
  }
  return pages;
}

/** Each built page's path ('/', '/faq/…/', …, '/404.html'). */
export const builtPages = (): string[] => [...pagesUnder(new URL('../../dist/client/', import.meta.url), '/'), '/404.html'];
