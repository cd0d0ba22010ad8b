// An article's 本页目录: its sections as the rendered Markdown names them (Astro's
// `render(entry).headings`: depth, the heading's id and its text), and whether the
// article is long enough to list them.

export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface ContentsEntry {
  /** The heading's id: the entry links to `#id`. */
  id: string;
  text: string;
  /** 2 for a section, 3 for a part of one (indented under it). */
  depth: 2 | 3;
}

/** Sections an article needs before it gets a contents list. */
export const MIN_SECTIONS = 2;

/**
 * The contents list of an article: its h2 sections and their h3 parts, in order; empty
 * when it has fewer than MIN_SECTIONS sections (a short answer needs no list).
 */
export function pageContents(headings: readonly RenderedHeading[]): ContentsEntry[] {
  const entries = headings
    .filter((h): h is RenderedHeading & { depth: 2 | 3 } => (h.depth === 2 || h.depth === 3) && h.slug.length > 0 && h.text.trim().length > 0)
    .map((h) => ({ id: h.slug, text: h.text.trim(), depth: h.depth }));
  return entries.filter((e) => e.depth === 2).length >= MIN_SECTIONS ? entries : [];
}
