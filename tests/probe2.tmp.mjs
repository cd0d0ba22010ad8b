import { chromium } from 'playwright-core';
const base = process.argv[2]; const q = process.argv[3];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
await page.goto(base + '/');
const out = await page.evaluate(async (q) => {
  const pf = await import('/pagefind/pagefind.js'); await pf.init();
  const r = await pf.search(q);
  return Promise.all(r.results.slice(0,3).map(async x => { const d = await x.data(); return { score: x.score, words: x.words, url: d.url, wc: d.word_count, subs: d.sub_results.map(s => [s.url, s.excerpt.slice(0,80), s.locations]), wl: d.weighted_locations.slice(0,6) }; }));
}, q);
console.log(JSON.stringify(out, null, 1));
await browser.close();
