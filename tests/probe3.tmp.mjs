import { chromium } from 'playwright-core';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
await page.goto(base + '/');
const qs = ['管理员','对话条数','受限站点','应用宝','聊天窗口打不开','换管理员','机器人条数','对话次数','下载','停用','群消息保存多久','接待组建','二维码','微博'];
for (const ranking of [{}, {termSimilarity: 0}, {termSimilarity: 5}, {termFrequency: 0}, {termSaturation: 2}, {pageLength: 0}]) {
  const out = await page.evaluate(async ({qs, ranking}) => {
    const pf = await import('/pagefind/pagefind.js'); await pf.options({ ranking }); await pf.init();
    const res = [];
    for (const q of qs) { const r = await pf.search(q); const d = await Promise.all(r.results.slice(0,2).map(x=>x.data())); res.push(q + '→' + d.map(x=>x.url.split('/')[2]).join(',')); }
    return res;
  }, {qs, ranking});
  console.log(JSON.stringify(ranking), out.join(' | '));
  await page.reload();
}
await browser.close();
