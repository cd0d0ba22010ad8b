// Pagefind's entry file (`pagefind/pagefind-entry.json`), as Wenda reads it: the build to
// check the index holds every page, the searches to tell a word every page holds.

export interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** How many pages an index holds, summed over its languages. */
export const pagesInIndex = (entry: PagefindEntry) => Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
