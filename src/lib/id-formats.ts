// The shapes of the ids the API hands out and takes: a saved quote's id, a diagnostics
// reference, a browser's voter id. Checked on the server and in the browser alike, so
// this module imports nothing (src/store/ids.ts makes the ids, with node:crypto).

/** A saved quote: 12 characters without look-alikes (l/1, O/0). */
export const QUOTE_ID_PATTERN = /^[a-km-zA-HJ-NP-Z2-9]{12}$/;

/** A diagnostics report's reference: eight digits, never starting with 0. */
export const REFERENCE_PATTERN = /^[1-9][0-9]{7}$/;

/** A browser's random voter id: a second vote with it replaces the first. */
export const VOTER_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
