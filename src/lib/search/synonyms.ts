// Words customers use for the same thing (作废, 清零, 过期): the operator's table in
// content/search/synonyms.json (checked at build by synonym-table.ts), and a query
// word's stand-ins from it for the second search (src/lib/search/guess.ts).

/** Groups of words that mean the same thing to a customer, each word in one group. */
export type SynonymTable = readonly (readonly string[])[];

/** Each word of the table (lower case) to its whole group, itself first. */
export type SynonymIndex = ReadonlyMap<string, readonly string[]>;

export function synonymIndex(table: SynonymTable): SynonymIndex {
  const index = new Map<string, string[]>();
  for (const group of table) {
    const words = group.map((w) => w.toLowerCase());
    for (const word of words) index.set(word, [word, ...words.filter((w) => w !== word)]);
  }
  return index;
}

/** `word` and the words of its group (lower case), `word` first; `[word]` when it has none. */
export const expandWord = (word: string, index: SynonymIndex): readonly string[] => index.get(word.toLowerCase()) ?? [word.toLowerCase()];
