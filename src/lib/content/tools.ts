// The self-service tools: the one registry of them. Each tool's page (route), its name,
// what it is for in one line, the category it belongs to and its card icon. The tool
// pages' titles, breadcrumbs and search label (src/layouts/ToolPage.astro), the home
// page's 自助工具 cards and the category pages (ToolCards.astro), the HTML and XML
// sitemaps, the search page's tool list and the search index check all read this list,
// so they agree. A tool's page itself is src/pages/<route>.astro (tests/unit/tools.test.ts).
import { LINKED_CATEGORIES } from './urls.ts';

export interface Tool {
  id: ToolId;
  /** The tool page's path (its route). */
  path: string;
  /** The page's title, and the card's. */
  title: string;
  /** What a customer gets from it, in one short line (cards and lists). */
  purpose: string;
  /** The category (content/categories/) it belongs to: its page lists the tool, and the tool's breadcrumbs and search results name it. */
  category: string;
  /** The card's 24×24 outline icon: SVG shapes, drawn in the text colour (the tools' own pages have no icons). */
  icon: string;
}

// Every tool, in the order cards show them.
const REGISTRY = {
  downloads: {
    path: '/downloads/',
    title: '下载客户端',
    purpose: '自动推荐适合你设备的电脑版或手机版',
    category: LINKED_CATEGORIES.downloads,
    icon: '<path d="M12 4v11m-5-5 5 5 5-5M5 20h14"/>',
  },
  diagnostics: {
    path: '/tools/diagnostics/',
    title: '浏览器检测',
    purpose: '查出会话窗口打不开的原因和解决办法',
    category: LINKED_CATEGORIES.webReception,
    icon: '<rect x="3" y="4" width="18" height="16" rx="2"/><path d="M3 9h18m-12.5 5.5 2.5 2.5 4.5-4.5"/>',
  },
  widget: {
    path: '/tools/widget/',
    title: '接待组件预览',
    purpose: '调好咨询按钮，复制网站代码或二维码',
    category: LINKED_CATEGORIES.webReception,
    icon: '<path d="M4 5h16v11H10l-4 4v-4H4z"/><path d="M8 10.5h.01m4 0h.01m4 0h.01"/>',
  },
  robotQuota: {
    path: '/tools/robot-quota/',
    title: '机器人对话估算',
    purpose: '算出要不要加购对话包和合同期总费用',
    category: LINKED_CATEGORIES.textRobot,
    icon: '<rect x="5" y="3" width="14" height="18" rx="2"/><path d="M8.5 7h7m-7 5h.01m3.5 0h.01m3.5 0h.01m-7 4h.01m3.5 0h.01m3.5 0h.01"/>',
  },
} as const satisfies Record<string, Omit<Tool, 'id'>>;

export type ToolId = keyof typeof REGISTRY;

/** Every tool, in display order. */
export const TOOLS: readonly Tool[] = (Object.keys(REGISTRY) as ToolId[]).map((id) => ({ id, ...REGISTRY[id] }));

/** Each tool's page path by its id, e.g. for a link from an article's component or the API. */
export const TOOL_PAGES = Object.fromEntries(TOOLS.map((t) => [t.id, t.path])) as { readonly [id in ToolId]: (typeof REGISTRY)[id]['path'] };

export function toolById(id: ToolId): Tool {
  const tool = TOOLS.find((t) => t.id === id);
  if (!tool) throw new Error(`src/lib/content/tools.ts has no tool "${id}": add its path, title, purpose, category and icon.`);
  return tool;
}

/** The tools of one category, in display order. */
export const toolsInCategory = (category: string): Tool[] => TOOLS.filter((t) => t.category === category);
