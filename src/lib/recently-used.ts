// A map that keeps at most `max` entries, dropping the least recently used first: the
// memory of answers given before (src/api/json-cache.ts).

export class RecentlyUsed<K, V> {
  readonly #entries = new Map<K, V>();
  readonly max: number;
  constructor(max: number) {
    this.max = max;
  }

  /** The value kept for `key`, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // Its place in the map's order is its place in the eviction order.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Keeps `value` for `key`, dropping the least recently used entry when full. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, value);
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
