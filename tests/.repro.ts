import { startServer } from './support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { watchLayoutShifts, layoutShifts } from './support/layout-shift.ts';
const server = await startServer();
const browser = await launchBrowser();
const rate = Number(process.argv[2] ?? 6);
try {
  const res = await fetch(`${server.url}/api/v1/robot-quota/quotes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ robots: 5, monthlyConversations: 300000, monthlyGrowthPercent: 8, growthPeriod: 'year', years: 3 }) });
  const q = await res.json();
  const paths = [`/tools/robot-quota/?quote=${q.id}`, '/faq/download-client/', '/tools/widget/', '/', '/faq/message-records/'];
  for (const path of paths) {
    const found: string[] = [];
    for (let i = 0; i < Number(process.env.N ?? 6); i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await watchLayoutShifts(context);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(server.url + path);
      await page.waitForTimeout(1500);
      for (const s of await layoutShifts(page)) found.push(JSON.stringify(s));
      await context.close();
    }
    console.log(path, found.length ? found : 'none');
  }
} finally {
  await browser.close();
  await server.stop();
}
