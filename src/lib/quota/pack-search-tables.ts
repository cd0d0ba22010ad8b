// The data structures of the pack choice's two searches (pack-choice.ts): an indexed heap
// for the shortest-path search over residues, and the exact table over totals.

/**
 * Indexed binary heap of residues by (E, C), the keys read from the search's own arrays.
 * A heap rather than a scan of all residues keeps a cold, unoptimised first call fast.
 */
export class ResidueQueue {
  readonly E: Float64Array;
  readonly C: Float64Array;
  readonly heap: Int32Array;
  /** Position of each residue in the heap; −1 before it is queued, −2 once popped. */
  readonly at: Int32Array;
  size = 0;

  constructor(E: Float64Array, C: Float64Array) {
    this.E = E;
    this.C = C;
    this.heap = new Int32Array(E.length);
    this.at = new Int32Array(E.length).fill(-1);
  }

  isDone(r: number): boolean {
    return this.at[r] === -2;
  }

  /** Queues `r`, or moves it up after its key decreased. */
  update(r: number): void {
    let i = this.at[r]!;
    if (i === -1) i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.heap[parent]!;
      if (!this.less(r, p)) break;
      this.heap[i] = p;
      this.at[p] = i;
      i = parent;
    }
    this.heap[i] = r;
    this.at[r] = i;
  }

  /** The queued residue with the least (E, C), or −1 when none is left. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.at[top] = -2;
    const last = this.heap[--this.size]!;
    if (this.size === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.less(this.heap[right]!, this.heap[left]!) ? right : left;
      const c = this.heap[child]!;
      if (!this.less(c, last)) break;
      this.heap[i] = c;
      this.at[c] = i;
      i = child;
    }
    this.heap[i] = last;
    this.at[last] = i;
    return top;
  }

  private less(r: number, s: number): boolean {
    return this.E[r]! < this.E[s]! || (this.E[r] === this.E[s] && this.C[r]! < this.C[s]!);
  }
}

/** Best (cost, pack count) to reach each exact total 0 … size−1, in units. */
export class Totals {
  readonly size: number;
  readonly cost: Float64Array;
  readonly via: Int32Array;

  constructor(a: readonly number[], price: readonly number[], size: number) {
    this.size = size;
    const cost = (this.cost = new Float64Array(size).fill(Infinity));
    const count = new Int32Array(size);
    const via = (this.via = new Int32Array(size).fill(-1));
    cost[0] = 0;
    // One forward pass per pack (unbounded knapsack): after pass i each total holds its best
    // over multisets of packs 0…i, and the lexicographic order survives adding a pack. Costs
    // stay below 250,000 × 1e10 fen, exact in a double.
    for (let i = 0; i < a.length; i++) {
      const ai = a[i]!;
      const pi = price[i]!;
      for (let t = ai; t < size; t++) {
        const c = cost[t - ai]! + pi;
        const ct = cost[t]!;
        if (c < ct || (c === ct && count[t - ai]! + 1 < count[t]!)) {
          cost[t] = c;
          count[t] = count[t - ai]! + 1;
          via[t] = i;
        }
      }
    }
  }
}
