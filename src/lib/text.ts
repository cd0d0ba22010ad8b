// Text helpers shared by the browser and the server.

/** At most `max` UTF-16 units of `text`, never half of a surrogate pair (the API refuses those). */
export function clip(text: string, max: number): string {
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}
