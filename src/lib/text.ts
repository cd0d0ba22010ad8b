// Text helpers shared by the browser and the server.

/** The text without a leading byte order mark (Windows tools write one; JSON.parse refuses it). */
export const stripBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

/** At most `max` UTF-16 units of `text`, never half of a surrogate pair (the API refuses those). */
export function clip(text: string, max: number): string {
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/**
 * Full-width punctuation that ends a phrase (？！。，、；：and closing brackets and
 * quotes). Its glyph sits on one side of a full em, so an underline drawn under it runs
 * half an em past the text; set apart (`.end-punct`, with the font's half-width forms),
 * it does not.
 */
const END_PUNCTUATION = /[？！。，、；：）】」』》〉”’]+$/u;

/** `text` split before its trailing full-width punctuation: [body, punctuation] ('' when none). */
export function splitEndPunctuation(text: string): [string, string] {
  const match = END_PUNCTUATION.exec(text);
  return match ? [text.slice(0, match.index), match[0]] : [text, ''];
}
