// The self-service tools as the rest of the site shows them: their names, what each is
// for in one line, and the category each belongs to. The home page's 自助工具 cards, the
// category pages, the HTML sitemap and the tool pages' own titles, breadcrumbs and search
// label all read this list, so they agree. A tool's page is in TOOL_PAGES (urls.ts).
import { LINKED_CATEGORIES, TOOL_PAGES } from './urls.ts';

export type ToolId = keyof typeof TOOL_PAGES;

export interface Tool {
  id: ToolId;
  path: string;
  /** The page's title, and the card's. */
  title: string;
  /** What a customer gets from it, in one short line (cards and lists). */
  purpose: string;
  /** The category (content/categories/) it belongs to: its page lists the tool, and the tool's breadcrumbs and search results name it. */
  category: string;
}

// Every tool page must be here (the type checks it), in the order cards show them.
const ABOUT: Record<ToolId, Omit<Tool, 'id' | 'path'>> = {
  downloads: { title: '下载客户端', purpose: '自动推荐适合你设备的电脑版或手机版', category: LINKED_CATEGORIES.downloads },
  diagnostics: { title: '浏览器检测', purpose: '查出会话窗口打不开的原因和解决办法', category: LINKED_CATEGORIES.webReception },
  widget: { title: '接待组件预览', purpose: '调好咨询按钮，复制网站代码或二维码', category: LINKED_CATEGORIES.webReception },
  robotQuota: { title: '机器人对话估算', purpose: '算出要不要加购对话包和合同期总费用', category: LINKED_CATEGORIES.textRobot },
};

/** Every tool, in display order. */
export const TOOLS: readonly Tool[] = (Object.keys(ABOUT) as ToolId[]).map((id) => ({ id, path: TOOL_PAGES[id], ...ABOUT[id] }));

export function toolById(id: ToolId): Tool {
  const tool = TOOLS.find((t) => t.id === id);
  if (!tool) throw new Error(`src/lib/content/tools.ts has no entry for the tool page "${id}" of TOOL_PAGES: add its title, purpose and category.`);
  return tool;
}

/** The tools of one category, in display order. */
export const toolsInCategory = (category: string): Tool[] => TOOLS.filter((t) => t.category === category);
