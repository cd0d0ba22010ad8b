// What this browser remembers of its votes: one per article, changeable, under one
// random voter id (no account, nothing personal).

export interface RememberedVote {
  helpful: boolean;
  comment?: string | undefined;
}

/** The parts of Storage this needs, so tests can pass a Map-backed one. */
export type VoteStorage = Pick<Storage, 'getItem' | 'setItem'>;

const VOTER_KEY = 'wenda-voter';
const voteKey = (page: string) => `wenda-vote:${page}`;

/** This browser's voter id, made on first use. */
export function voterId(storage: VoteStorage, random: () => string = () => crypto.randomUUID()): string {
  const existing = storage.getItem(VOTER_KEY);
  if (existing && /^[A-Za-z0-9-]{8,64}$/.test(existing)) return existing;
  const id = random();
  storage.setItem(VOTER_KEY, id);
  return id;
}

export function rememberedVote(storage: VoteStorage, page: string): RememberedVote | undefined {
  try {
    const value = JSON.parse(storage.getItem(voteKey(page)) ?? 'null');
    return typeof value?.helpful === 'boolean' ? { helpful: value.helpful, comment: typeof value.comment === 'string' ? value.comment : undefined } : undefined;
  } catch {
    return undefined;
  }
}

export function rememberVote(storage: VoteStorage, page: string, vote: RememberedVote): void {
  storage.setItem(voteKey(page), JSON.stringify(vote));
}
