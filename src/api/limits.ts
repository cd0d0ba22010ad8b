// What one request to the API may carry, for the check, its error and the API document.

/** The largest request body: far more than any form here sends. */
export const MAX_BODY_BYTES = 32 * 1024;

/** The limit as people read it: 32 KB. */
export const MAX_BODY_TEXT = `${MAX_BODY_BYTES / 1024} KB`;
