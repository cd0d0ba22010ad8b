// What can go wrong with a store, as errors the server tells apart: one that cannot be
// opened at start (the message says what to do; the server stops), and one that does not
// answer now (a PostgreSQL server stopped or unreachable: writes answer 503 until it is back).

/** The store cannot be used; the message says which and why. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** The database does not answer just now; nothing was written. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
