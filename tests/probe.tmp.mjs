import { chromium } from 'playwright-core';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', m => console.log('console:', m.type(), m.text()));
page.on('pageerror', e => console.log('pageerror:', e.message));
await page.goto(base + '/');
await page.screenshot({ path: '/tmp/shots/home.png', fullPage: true });
for (const q of ['管理员','对话条数','受限站点','应用宝','聊天窗口打不开','换管理员']) {
  await page.goto(base + '/search/?q=' + encodeURIComponent(q));
  await page.waitForSelector('[data-search-page-results] li, [data-search-page-results] .empty', { timeout: 5000 }).catch(()=>{});
  const hits = await page.$$eval('[data-search-page-results] .hit', els => els.map(e => e.getAttribute('href') + ' | ' + e.querySelector('.hit-excerpt')?.textContent.slice(0,60)));
  console.log(q, '=>', hits.slice(0,3));
}
await page.screenshot({ path: '/tmp/shots/search.png', fullPage: true });
await browser.close();
