// The build this process started with must stay on disk: Astro imports a page's code
// only when the page is first asked for, and sirv serves the files it listed at start,
// sizes included. `npm run build` puts a new dist/ in place and deletes the old one;
// Astro then answered an empty 500 and a vanished file could crash the process. From the
// first change on, pages and files get a 503 asking for a restart instead, and so does
// the API's health check (for load balancers and monitors); the rest of the API does not
// use dist/.
import { statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/**
 * Notices when `dir` (Astro's page chunks, which every build writes anew; after
 * `npm run build` the path names another directory) is no longer the one loaded. One
 * stat per call: microseconds.
 */
export function watchLoadedBuild(dir: string, { log = console }: { log?: Pick<Console, 'error'> } = {}) {
  const signature = () => {
    const stats = statSync(dir, { throwIfNoEntry: false });
    return stats ? `${stats.ino}:${stats.mtimeMs}` : 'missing';
  };
  const loaded = signature();
  let replaced = false;
  return {
    /** True once the build changed; the first time, says so in the log. */
    replaced(): boolean {
      if (!replaced && signature() !== loaded) {
        replaced = true;
        log.error('网站已重新构建（dist/ 变了），这个进程还在用启动时的构建：请重启服务器。在那之前页面一律回答 503，API 照常。');
      }
      return replaced;
    },
  };
}

const rebuiltPage = Buffer.from(`<!doctype html>
<html lang="zh-CN">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>网站正在更新</title>
<h1>网站刚刚重新构建，需要重启服务器</h1>
<p>网站已更新，服务器重启后即可恢复访问。如果过几分钟仍看到这个页面，请联系网站管理员重启服务器。</p>
</html>
`);

export function sendRebuiltPage(res: ServerResponse): void {
  res.writeHead(503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': rebuiltPage.length,
    'Cache-Control': 'no-store',
    'Retry-After': '60',
  });
  res.end(rebuiltPage);
}
