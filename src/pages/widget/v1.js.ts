// /widget/v1.js: the launcher, bundled and minified from src/widget/v1.ts when the site
// is built (a stable URL operators can embed; it revalidates rather than being cached
// for a year).
import type { APIRoute } from 'astro';
import { build } from 'esbuild';
import { join } from 'node:path';

export const GET: APIRoute = async () => {
  const result = await build({
    // Built pages run from dist/, so the source is found from the project root.
    entryPoints: [join(process.cwd(), 'src/widget/v1.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    // Old enough for the Chromium cores of Chinese browsers and in-app browsers.
    target: 'es2018',
    write: false,
    legalComments: 'none',
  });
  return new Response(result.outputFiles[0]!.text, { headers: { 'Content-Type': 'application/javascript; charset=utf-8' } });
};
