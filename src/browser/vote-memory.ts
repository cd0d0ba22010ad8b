// What this browser remembers of its votes: one per article, changeable, under one
// random voter id (no account, nothing personal). Best effort: storage that is blocked
// or full (private windows, quota) only means the browser forgets; a vote is still sent.
import { VOTER_ID_PATTERN } from '../lib/id-formats.ts';
import { keepIn, readFrom, type KeptStorage } from './local-storage.ts';

export interface RememberedVote {
  helpful: boolean;
  comment?: string | undefined;
}

const VOTER_KEY = 'wenda-voter';
const voteKey = (page: string) => `wenda-vote:${page}`;

/** 32 random hex digits. getRandomValues, unlike randomUUID, works on plain-http pages too. */
const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The id made when storage would not keep one: the same for every vote from this page. */
let unkeptVoterId: string | undefined;

/** This browser's voter id, made on first use; if storage cannot keep it, one for as long as this page is open. */
export function voterId(storage: KeptStorage, random: () => string = randomId): string {
  const kept = readFrom(storage, VOTER_KEY);
  if (kept && VOTER_ID_PATTERN.test(kept)) return kept;
  const id = unkeptVoterId ?? random();
  unkeptVoterId = keepIn(storage, VOTER_KEY, id) ? undefined : id;
  return id;
}

export function rememberedVote(storage: KeptStorage, page: string): RememberedVote | undefined {
  try {
    const value = JSON.parse(readFrom(storage, voteKey(page)) ?? 'null');
    return typeof value?.helpful === 'boolean' ? { helpful: value.helpful, comment: typeof value.comment === 'string' ? value.comment : undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the vote if storage allows; false if it was not kept. */
export function rememberVote(storage: KeptStorage, page: string, vote: RememberedVote): boolean {
  return keepIn(storage, voteKey(page), JSON.stringify(vote));
}
