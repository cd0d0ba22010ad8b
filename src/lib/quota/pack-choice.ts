// Chooses the cheapest conversation packs covering a shortfall, exactly, in milliseconds even for billions.
// The two searches' data structures (a heap of residues, a table of totals): pack-search-tables.ts.
import { ResidueQueue, Totals } from './pack-search-tables.ts';

/** A pack as the chooser sees it: size and price in integer fen. */
export interface Pack {
  readonly id: string;
  /** Conversations the pack adds, a positive integer. */
  readonly conversations: number;
  /** Price in fen (分), a positive integer, so sums never pick up float noise. */
  readonly priceFen: number;
}

export interface ChosenPack extends Pack {
  /** How many of this pack to buy, at least 1. */
  readonly count: number;
}

export interface PackChoice {
  /** Packs to buy, in the order of the input list; packs not bought are left out. */
  readonly packs: ChosenPack[];
  /** Conversations bought in total, at least the deficit. */
  readonly purchased: number;
  /** Total price in fen. */
  readonly costFen: number;
  /** Number of packs bought. */
  readonly packCount: number;
}

/**
 * Upper bound on sB·maxA (sizes in units of their gcd): it bounds both the dynamic
 * programme's table and the residue search, which keeps every choice in milliseconds.
 */
export const MAX_PACK_SEARCH_SIZE = 250_000;

/**
 * Highest pack price, in fen (¥100,000,000): with it, every intermediate cost in both
 * searches stays below 250,000 × 1e10 fen, well inside a double's exact integers.
 */
export const MAX_PACK_PRICE_FEN = 10_000_000_000;

/** The cheapest purchase costs more fen than a double counts exactly (about ¥90 billion). */
export class PackCostOverflowError extends RangeError {
  override name = 'PackCostOverflowError';
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Index of the pack with the lowest price per conversation; ties go to the larger pack
 * (then to the first listed), which keeps every edge of the residue search positive.
 */
export function bestValueIndex(packs: readonly Pick<Pack, 'conversations' | 'priceFen'>[]): number {
  let best = 0;
  for (let i = 1; i < packs.length; i++) {
    const p = packs[i]!;
    const b = packs[best]!;
    // Cross-multiplied in BigInt: fen × conversations can pass 2^53.
    const lhs = BigInt(p.priceFen) * BigInt(b.conversations);
    const rhs = BigInt(b.priceFen) * BigInt(p.conversations);
    if (lhs < rhs || (lhs === rhs && p.conversations > b.conversations)) best = i;
  }
  return best;
}

/** sB·maxA for a pack list, to be compared with {@link MAX_PACK_SEARCH_SIZE}. */
export function packSearchSize(packs: readonly Pick<Pack, 'conversations' | 'priceFen'>[]): number {
  if (packs.length === 0) return 0;
  const g = packs.reduce((acc, p) => gcd(acc, p.conversations), 0);
  const sB = packs[bestValueIndex(packs)]!.conversations / g;
  const maxA = Math.max(...packs.map((p) => p.conversations)) / g;
  return sB * maxA;
}

/*
 * Why the choice is exact (sizes a_i and the deficit D counted in units of the sizes' gcd).
 * Every purchase is b copies of the best-value pack B (sB units, price pB) plus a multiset M
 * of the others; with E_i = p_i·sB − pB·a_i ≥ 0 and C_i = sB − a_i, its cost·sB is pB·T + ΣE
 * and its pack count·sB is T + ΣC (T the units bought). So within each residue of T mod sB
 * nothing beats the smallest T ≥ D in that residue combined with the least (ΣE, ΣC), which a
 * shortest-path search over the sB residues finds; when the best residue's packs fit in its T
 * (always once D ≥ (sB−1)·maxA, a shortest path having fewer than sB edges) that bound is a
 * real purchase and so optimal. Otherwise D < (sB−1)·maxA and an exact table over totals
 * up to D+maxA−1 (≤ 250,000) decides: no optimum overshoots by a whole pack, as dropping
 * that pack would still cover D for less.
 */

/**
 * The cheapest multiset of packs adding up to at least `deficit` conversations; among
 * equally cheap ones the one buying fewer conversations, then the one with fewer packs.
 * Throws a RangeError for inputs outside what a parsed price list can hold, and a
 * {@link PackCostOverflowError} when the answer's cost is beyond exact arithmetic.
 */
export function choosePacks(deficit: number, packs: readonly Pack[]): PackChoice {
  return createPackChooser(packs)(deficit);
}

/**
 * {@link choosePacks} for one pack list and many deficits: the residue search, and the
 * table when one is needed, are computed once and shared by every call.
 */
export function createPackChooser(packs: readonly Pack[]): (deficit: number) => PackChoice {
  for (const p of packs) {
    const priceOk = Number.isSafeInteger(p.priceFen) && p.priceFen > 0 && p.priceFen <= MAX_PACK_PRICE_FEN;
    if (!Number.isSafeInteger(p.conversations) || p.conversations <= 0 || !priceOk) {
      throw new RangeError(
        `pack ${p.id} needs positive integer conversations and a priceFen in 1…${MAX_PACK_PRICE_FEN}`,
      );
    }
  }
  let search: Search | undefined;
  return (deficit) => {
    if (!Number.isSafeInteger(deficit) || deficit < 0) {
      throw new RangeError(`deficit must be a non-negative safe integer, got ${deficit}`);
    }
    if (deficit === 0) return { packs: [], purchased: 0, costFen: 0, packCount: 0 };
    if (packs.length === 0) throw new RangeError('no packs to cover the deficit with');
    search ??= new Search(packs);
    return search.choose(deficit);
  };
}

/** What a pack list needs for any deficit: sizes in units of their gcd and the residue paths. */
class Search {
  readonly packs: readonly Pack[];
  readonly g: number;
  readonly a: number[];
  readonly price: number[];
  readonly bi: number;
  readonly sB: number;
  readonly maxA: number;
  /** Per residue of the non-B packs' units mod sB: least (ΣE, ΣC), last pack, previous residue. */
  readonly E: Float64Array;
  readonly C: Float64Array;
  readonly via: Int32Array;
  readonly prev: Int32Array;
  table: Totals | undefined;

  constructor(packs: readonly Pack[]) {
    this.packs = packs;
    this.g = packs.reduce((acc, p) => gcd(acc, p.conversations), 0);
    this.a = packs.map((p) => p.conversations / this.g);
    this.price = packs.map((p) => p.priceFen);
    this.bi = bestValueIndex(packs);
    this.sB = this.a[this.bi]!;
    this.maxA = Math.max(...this.a);
    if (this.sB * this.maxA > MAX_PACK_SEARCH_SIZE) {
      throw new RangeError(
        `pack sizes too far apart for an exact choice (sB·maxA = ${this.sB * this.maxA} > ${MAX_PACK_SEARCH_SIZE})`,
      );
    }
    const { sB } = this;
    const pB = this.price[this.bi]!;
    // Every weight is lexicographically positive except a same-size, same-value pack's
    // self-loop, which never improves a residue; so Dijkstra applies. Path weights stay
    // below sB² × 1e10 fen, exact in a double.
    const edges = this.a
      .map((ai, i) => ({ i, step: ai % sB, e: this.price[i]! * sB - pB * ai, c: sB - ai }))
      .filter((edge) => edge.i !== this.bi);
    const E = (this.E = new Float64Array(sB).fill(Infinity));
    const C = (this.C = new Float64Array(sB));
    const via = (this.via = new Int32Array(sB).fill(-1));
    const prev = (this.prev = new Int32Array(sB));
    E[0] = 0;
    const queue = new ResidueQueue(E, C);
    queue.update(0);
    for (let r = queue.pop(); r >= 0; r = queue.pop()) {
      for (const edge of edges) {
        const s = (r + edge.step) % sB;
        if (queue.isDone(s)) continue;
        const e = E[r]! + edge.e;
        const c = C[r]! + edge.c;
        if (e < E[s]! || (e === E[s] && c < C[s]!)) {
          E[s] = e;
          C[s] = c;
          via[s] = edge.i;
          prev[s] = r;
          queue.update(s);
        }
      }
    }
  }

  choose(deficit: number): PackChoice {
    const { g, a } = this;
    const D = (deficit - (deficit % g)) / g + (deficit % g > 0 ? 1 : 0);
    const counts = this.byResidues(D) ?? this.byTotals(D);

    let purchasedUnits = 0;
    let packCount = 0;
    let costFen = 0n;
    const chosen: ChosenPack[] = [];
    this.packs.forEach((p, i) => {
      const count = counts[i]!;
      if (count === 0) return;
      purchasedUnits += count * a[i]!;
      packCount += count;
      costFen += BigInt(count) * BigInt(p.priceFen);
      chosen.push({ id: p.id, conversations: p.conversations, priceFen: p.priceFen, count });
    });
    const purchased = purchasedUnits * g;
    if (costFen > BigInt(Number.MAX_SAFE_INTEGER) || !Number.isSafeInteger(purchased)) {
      throw new PackCostOverflowError('the cheapest purchase costs more than can be counted exactly in fen');
    }
    return { packs: chosen, purchased, costFen: Number(costFen), packCount };
  }

  /**
   * The best residue's purchase, or undefined when its other packs alone pass the smallest
   * total in that residue (then the bound it gives is not a purchase, and the table decides).
   */
  byResidues(D: number): number[] | undefined {
    const { sB, a, E, bi } = this;
    const pB = this.price[bi]!;
    // cost·sB = pB·D + (pB·δ + E): comparing pB·δ + E ranks residues without big numbers,
    // and δ differs between residues, so the ranking never ties past the total.
    let best = -1;
    let bestKey = Infinity;
    let bestDelta = 0;
    for (let r = 0; r < sB; r++) {
      if (E[r] === Infinity) continue;
      const delta = (((r - D) % sB) + sB) % sB;
      const key = pB * delta + E[r]!;
      if (best < 0 || key < bestKey || (key === bestKey && delta < bestDelta)) {
        best = r;
        bestKey = key;
        bestDelta = delta;
      }
    }
    const counts = a.map(() => 0);
    let others = 0;
    for (let r = best; r !== 0; r = this.prev[r]!) {
      counts[this.via[r]!]!++;
      others += a[this.via[r]!]!;
    }
    if (others > D + bestDelta) return undefined;
    counts[bi] = (D + bestDelta - others) / sB;
    return counts;
  }

  /** The exact table's answer: the cheapest total ≥ D, the smallest such total on a tie. */
  byTotals(D: number): number[] {
    const size = D + this.maxA;
    // Grown by doubling, so the deficits of a multi-year estimate share one table.
    if (!this.table || this.table.size < size) {
      this.table = new Totals(
        this.a,
        this.price,
        Math.min(this.sB * this.maxA, Math.max(size, 2 * (this.table?.size ?? 0))),
      );
    }
    const { cost, via } = this.table;
    let best = D;
    for (let t = D + 1; t < size; t++) if (cost[t]! < cost[best]!) best = t;
    const counts = this.a.map(() => 0);
    for (let t = best; t > 0; t -= this.a[via[t]!]!) counts[via[t]!]!++;
    return counts;
  }
}
