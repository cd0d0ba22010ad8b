import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage();
p.on('console', (m) => console.log('console:', m.text().slice(0, 200)));
await p.goto('http://localhost:4399/search/');
await p.evaluate(async () => {
  const pf: any = await import('/pagefind/pagefind.js');
  await pf.options({ excerptLength: 36, ranking: { termFrequency: 0 }, noWorker: true });
  await pf.init();
  await pf.search('下崽', { verbose: true });
});
await b.close();
