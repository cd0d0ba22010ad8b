// The operator page's long tables, a page at a time: which page the address asks for
// (`?quotes-page=2`; anything else is said plainly and the first page shown), what the
// table says about the rows it shows of how many, and links to the pages around it
// that keep the rest of the address (a report looked up) and the pages the other tables
// show.

/** Rows a table shows at a time. */
export const PAGE_SIZE = 100;
/** A hundred million rows: beyond any real list, and an offset the admin API takes. */
const MAX_PAGE = 1_000_000;

export interface PageRequest {
  page: number;
  /** What the address gave, when it is not a page number (then `page` is 1). */
  invalid?: string;
}

/** The query parameter of a table's page: `quotes` → `quotes-page`. */
export const pageParam = (table: string) => `${table}-page`;

/** The page the address asks for: left out or empty → 1. */
export function requestedPage(params: URLSearchParams, table: string): PageRequest {
  const values = params.getAll(pageParam(table)).map((v) => v.trim());
  if (values.length === 0 || (values.length === 1 && values[0] === '')) return { page: 1 };
  const value = values.length === 1 ? values[0]! : values.join(',');
  if (!/^\d{1,7}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PAGE) return { page: 1, invalid: value };
  return { page: Number(value) };
}

export const pageCount = (total: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(total / size));
export const pageOffset = (page: number, size = PAGE_SIZE) => (page - 1) * size;

const grouped = (n: number) => n.toLocaleString('en-US');
/** Long junk in the address is cut, not repeated in full. */
const quoted = (value: string) => `「${value.length > 20 ? `${value.slice(0, 20)}…` : value}」`;

/**
 * What to tell the operator when the address asked for a page that is not there (the
 * first page is shown instead); nothing when it is.
 */
export function pageProblem(request: PageRequest, pages: number): string | undefined {
  if (request.invalid !== undefined) return `页码${quoted(request.invalid)}无效：应为 1 到 ${grouped(pages)} 之间的整数。下面是第 1 页。`;
  if (request.page > pages) return `没有第 ${grouped(request.page)} 页：共 ${grouped(pages)} 页。下面是第 1 页。`;
  return undefined;
}

export interface PagerInput {
  /** The table's id: the query parameter's name and the link's anchor come from it. */
  table: string;
  /** The page shown (1 when the one asked for is not there). */
  page: number;
  total: number;
  /** Rows on this page. */
  shown: number;
  /** What the first page holds, in the table's order: `最新的`, `次数最多的`. */
  firstPageIs: string;
  /** The page's own address, for links that keep its other parameters. */
  url: URL;
  /** The page every table of the address shows (this one's is not used): links keep the others'. */
  pages: PagesShown;
  size?: number;
}

export interface PagerView {
  /** `显示最新的 100 条，共 130 条。`; undefined for an empty table. */
  summary: string | undefined;
  page: number;
  pages: number;
  /** `第 2 / 3 页`. */
  position: string;
  previous: string | undefined;
  next: string | undefined;
  /** For a form that jumps to a page: the parameter, where to, and what else to keep. */
  jump: { param: string; action: string; keep: [string, string][] } | undefined;
}

/** The page each table of the address shows, by table id (`{ quotes: 2, 'search-misses': 1 }`). */
export type PagesShown = Readonly<Record<string, number>>;

/** The parameters that keep these tables on their pages (page 1 is the address without one). */
export const pageParams = (pages: PagesShown): [string, string][] =>
  Object.entries(pages)
    .filter(([, page]) => page > 1)
    .map(([table, page]) => [pageParam(table), String(page)]);

/**
 * What a link to another page of `table` keeps of the address: its other parameters as
 * they are (a report looked up), but the other tables' pages as shown, not as asked
 * for: a wrong value (`abc`, a page that is not there) would otherwise be carried to
 * every page reached from here, and said again on each.
 */
function keptParams(url: URL, table: string, pages: PagesShown): [string, string][] {
  const others = pageParams(Object.fromEntries(Object.entries(pages).filter(([other]) => other !== table)));
  const byName = new Map(others);
  const isPageParam = (name: string) => name === pageParam(table) || Object.keys(pages).some((other) => pageParam(other) === name);
  const kept: [string, string][] = [];
  for (const [name, value] of new URLSearchParams(url.search)) {
    if (!isPageParam(name)) kept.push([name, value]);
    else if (byName.has(name)) {
      // In the address's place, once.
      kept.push([name, byName.get(name)!]);
      byName.delete(name);
    }
  }
  return [...kept, ...byName];
}

/**
 * A link to `page` of the table: the same address with that table's page changed and
 * the other tables' pages as `pages` says they are shown.
 */
export function pageHref(url: URL, table: string, page: number, pages: PagesShown): string {
  const params = new URLSearchParams(keptParams(url, table, pages));
  if (page > 1) params.set(pageParam(table), String(page));
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}#${table}`;
}

export function pagerView({ table, page, total, shown, firstPageIs, url, pages: pagesShown, size = PAGE_SIZE }: PagerInput): PagerView {
  const pages = pageCount(total, size);
  const from = pageOffset(page, size) + 1;
  const summary =
    total === 0
      ? undefined
      : pages === 1
        ? `共 ${grouped(total)} 条，全部显示。`
        : page === 1
          ? `显示${firstPageIs} ${grouped(shown)} 条，共 ${grouped(total)} 条。`
          : `显示第 ${grouped(from)}–${grouped(from + shown - 1)} 条，共 ${grouped(total)} 条。`;
  return {
    summary,
    page,
    pages,
    position: `第 ${grouped(page)} / ${grouped(pages)} 页`,
    previous: page > 1 ? pageHref(url, table, page - 1, pagesShown) : undefined,
    next: page < pages ? pageHref(url, table, page + 1, pagesShown) : undefined,
    jump: pages > 2 ? { param: pageParam(table), action: `${url.pathname}#${table}`, keep: keptParams(url, table, pagesShown) } : undefined,
  };
}
