// `npm run bench:lighthouse -- /tools/diagnostics/ /downloads/`: Lighthouse (its mobile
// defaults: a mid-range phone, throttled CPU and network) on the built site, served by
// the production server, in Debian's Chromium, offline. Prints each page's four category
// scores, its CLS and what shifted. Without paths: every tool page. Run after a build.
// A benchmark that prints figures, not a test: nothing fails on a score. Lighthouse's
// performance score simulates a slow phone from the tasks it times here, so a busy
// machine scores lower: measure on an idle one.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_PATH } from '../support/browser.ts';
import { startServer } from '../support/server.ts';
import { TOOL_PAGES } from '../../src/lib/content/tools.ts';

const paths = process.argv.slice(2).filter((a) => a !== '--');
const pages = paths.length ? paths : Object.values(TOOL_PAGES);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
console.log(`Lighthouse (mobile) on ${server.url}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`${pad('page', 28)}${CATEGORIES.map((c) => pad(c, 16)).join('')}CLS`);
const below95: string[] = [];
try {
  for (const path of pages) {
    const result = await lighthouse(new URL(path, server.url).href, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
    const { categories, audits } = result.lhr;
    const scores = CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100));
    const cls = audits['cumulative-layout-shift']?.numericValue ?? NaN;
    console.log(`${pad(path, 28)}${scores.map((s) => pad(String(s), 16)).join('')}${cls.toFixed(3)}`);
    CATEGORIES.forEach((c, i) => {
      if (scores[i]! < 95) {
        const failing = Object.values(categories[c]!.auditRefs)
          .map((ref) => audits[ref.id]!)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
          .map((a) => a.id);
        below95.push(`${path} ${c} ${scores[i]}: ${failing.join(', ')}`);
      }
    });
    const ms = (id: string) => `${Math.round(audits[id]?.numericValue ?? NaN)} ms`;
    console.log(`    FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${ms('total-blocking-time')}, SI ${ms('speed-index')}`);
    const shifts = (audits['layout-shifts']?.details as { items?: { node?: { snippet?: string }; score?: number }[] } | undefined)?.items ?? [];
    for (const s of shifts) console.log(`    shift ${s.score?.toFixed(3)} ${s.node?.snippet?.slice(0, 100) ?? ''}`);
  }
} finally {
  chrome.kill();
  await server.stop();
}
if (below95.length) console.log(`\nBelow 95:\n  ${below95.join('\n  ')}`);
