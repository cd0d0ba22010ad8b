// What this browser remembers of its votes: one per article, changeable, under one
// random voter id (no account, nothing personal). Best effort: storage that is blocked
// or full (private windows, quota) only means the browser forgets; a vote is still sent.
import { VOTER_ID_PATTERN } from '../lib/id-formats.ts';

export interface RememberedVote {
  helpful: boolean;
  comment?: string | undefined;
}

/** The parts of Storage this needs, so tests can pass a Map-backed one; undefined when the browser gives none. */
export type VoteStorage = Pick<Storage, 'getItem' | 'setItem'> | undefined;

const VOTER_KEY = 'wenda-voter';
const voteKey = (page: string) => `wenda-vote:${page}`;

/** The item, or null if storage is missing or refuses to read. */
function read(storage: VoteStorage, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Whether storage kept the item. */
function write(storage: VoteStorage, key: string, value: string): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** 32 random hex digits. getRandomValues, unlike randomUUID, works on plain-http pages too. */
const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The id made when storage would not keep one: the same for every vote from this page. */
let unkeptVoterId: string | undefined;

/** This browser's voter id, made on first use; if storage cannot keep it, one for as long as this page is open. */
export function voterId(storage: VoteStorage, random: () => string = randomId): string {
  const kept = read(storage, VOTER_KEY);
  if (kept && VOTER_ID_PATTERN.test(kept)) return kept;
  const id = unkeptVoterId ?? random();
  unkeptVoterId = write(storage, VOTER_KEY, id) ? undefined : id;
  return id;
}

export function rememberedVote(storage: VoteStorage, page: string): RememberedVote | undefined {
  try {
    const value = JSON.parse(read(storage, voteKey(page)) ?? 'null');
    return typeof value?.helpful === 'boolean' ? { helpful: value.helpful, comment: typeof value.comment === 'string' ? value.comment : undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the vote if storage allows; false if it was not kept. */
export function rememberVote(storage: VoteStorage, page: string, vote: RememberedVote): boolean {
  return write(storage, voteKey(page), JSON.stringify(vote));
}
