// Text helpers shared by the browser and the server.

/** The text without a leading byte order mark (Windows tools write one; JSON.parse refuses it). */
export const stripBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

/** At most `max` UTF-16 units of `text`, never half of a surrogate pair (the API refuses those). */
export function clip(text: string, max: number): string {
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}
