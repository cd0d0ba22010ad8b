// The operator page checked by axe and walked with Tab (as every built page is in
// accessibility.test.ts): signed out, refused, and signed in with data, in both views.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { openView, violations, VIEWS, type View } from '../support/axe.ts';
import { keyboardWalk } from '../support/keyboard-walk.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const { newContext } = useBrowser();
const open = (view: View, url: string) => openView(newContext, view, url);

describe('the operator page passes axe', () => {
  const TOKEN = 'a11y-token-0123456789abcdef0123456789';
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { WENDA_ADMIN_TOKEN: TOKEN } });
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post('/feedback', { page: '/faq/change-administrator/', helpful: false, comment: '没有写原管理员离职的情况' });
    await post('/search-misses', { query: '发票怎么开' });
    await post('/searches', { query: '换管理员', outcome: 'results', results: 2, click: { page: '/faq/change-administrator/', position: 1 } });
    await post('/robot-quota/quotes', { robots: 2, monthlyConversations: 90_000 });
  });
  afterAll(() => server?.stop());

  for (const view of VIEWS) {
    test(`signed out, refused, and signed in with data (${view.name})`, async () => {
      const { page, close } = await open(view, `${server.url}/admin/`);
      expect(await violations(page), 'signed out').toEqual([]);
      await page.getByLabel('管理员令牌').fill('wrong-token-0123456789abcdef0123456789');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('alert').first().waitFor();
      expect(await violations(page), 'refused').toEqual([]);
      await page.getByLabel('管理员令牌').fill(TOKEN);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('button', { name: '退出登录' }).waitFor();
      expect(await violations(page), 'signed in').toEqual([]);
      const walk = await keyboardWalk(page);
      expect(walk.problems, 'keyboard').toEqual([]);
      expect(walk.stops).toBeGreaterThan(5);
      await close();
    });
  }
});
