// A map that keeps at most `max` of weight, dropping the least recently used entries
// first: the memory of answers given before (src/api/json-cache.ts, each weighing 1)
// and of Pagefind's searches in the server (src/server/pagefind-on-server.ts, each
// weighing its results).

export class RecentlyUsed<K, V> {
  readonly #entries = new Map<K, { value: V; weight: number }>();
  readonly #weigh: (value: V) => number;
  readonly max: number;
  #weight = 0;

  /** `weigh`: an entry's share of `max` (1 by default). */
  constructor(max: number, weigh: (value: V) => number = () => 1) {
    this.max = max;
    this.#weigh = weigh;
  }

  /** The value kept for `key`, now the most recently used. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    // Its place in the map's order is its place in the eviction order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` for `key`, dropping the least recently used entries to make room. */
  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.#weigh(value);
    if (weight > this.max) return;
    while (this.#weight + weight > this.max) this.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { value, weight });
    this.#weight += weight;
  }

  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }

  get size(): number {
    return this.#entries.size;
  }
}
