// Identifiers for saved things: quote ids that are hard to guess (they are shared as
// links), and diagnostics references short enough to read out on the phone.
import { randomBytes, randomInt } from 'node:crypto';

const URL_SAFE = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 12 characters from an alphabet without look-alikes (l/1, O/0): about 70 bits. */
export function newQuoteId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const byte of bytes) id += URL_SAFE[byte % URL_SAFE.length];
  return id;
}

/** Eight digits, never starting with 0: digits are the easiest to say on a Chinese phone line. */
export function newReference(): string {
  return String(randomInt(10_000_000, 100_000_000));
}
