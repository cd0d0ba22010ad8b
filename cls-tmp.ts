// temp: measure layout shifts on pages
import { launchBrowser } from './tests/support/browser.ts';
import { startServer } from './tests/support/server.ts';
const server = await startServer();
const browser = await launchBrowser();
const paths = process.argv.slice(2);
const mobileUA = 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
for (const path of paths) for (const vp of [{ w: 412, h: 823, mobile: true }, { w: 1280, h: 800, mobile: false }]) {
  const ctx = await browser.newContext({ viewport: { width: vp.w, height: vp.h }, isMobile: vp.mobile, hasTouch: vp.mobile, userAgent: vp.mobile ? mobileUA : undefined });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries() as any[]) (window as any).__shifts.push({ v: e.value, t: Math.round(e.startTime), input: e.hadRecentInput, src: e.sources.map((s: any) => `${s.node?.nodeName}.${s.node?.className ?? ''} [${(s.node?.textContent ?? "").slice(0,40)}] ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`) }); }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url + path, { waitUntil: 'load' });
  await page.waitForTimeout(9000);
  const shifts = await page.evaluate(() => (window as any).__shifts);
  const total = shifts.reduce((a: number, s: any) => a + s.v, 0);
  console.log(`${path} ${vp.w}: CLS-ish ${total.toFixed(4)}`);
  for (const s of shifts) console.log('   ', s.v.toFixed(4), s.t, s.src.join(' | ').slice(0, 600));
  await ctx.close();
}
await browser.close();
await server.stop();
