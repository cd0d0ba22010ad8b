// A customer's question cut into the words worth searching for: 普通员工怎么进后台 →
// 普通, 员工, 后台. The browser's own word segmenter (Intl.Segmenter, no dictionary to
// ship) cuts it; where a browser lacks one, Chinese is cut into overlapping character
// pairs instead (员工 and 后台 are among 普通员工进后台's pairs, and a pair no article
// holds finds nothing). Function words (function-words.ts) are left out.

import { FUNCTION_WORDS, isFunctionWord } from './function-words.ts';

/** What Intl.Segmenter offers, as far as this module needs it. */
export interface WordSegmenter {
  segment(text: string): Iterable<{ segment: string; isWordLike?: boolean | undefined }>;
}

/** The browser's Chinese word segmenter, or undefined where it has none. */
export function browserSegmenter(): WordSegmenter | undefined {
  return typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;
}

const HAN = /\p{Script=Han}/u;
const isHan = (word: string) => HAN.test(word);
/** Runs of Han characters, and Latin words (letters and digits). */
const RUNS = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

/** Function words of two or more characters, longest first, to cut Chinese runs at without a segmenter. */
const LONG_FUNCTION_WORDS = [...FUNCTION_WORDS].filter((w) => w.length > 1 && isHan(w)).sort((a, b) => b.length - a.length);
/** Particles that are never part of a word worth searching (unlike 会 of 会话 or 上 of 上线). */
const PARTICLES = /[的吗呢吧啊呀嘛哦了]/u;

/**
 * The character pairs of a Chinese run, after cutting it at function words: 普通员工怎么进后台
 * → 普通, 通员, 员工, 进后, 后台. A piece of one character stays as it is.
 */
export function characterPairs(run: string): string[] {
  let cut = run;
  for (const word of LONG_FUNCTION_WORDS) cut = cut.split(word).join(' ');
  const pieces = cut.split(PARTICLES).join(' ').split(' ').filter(Boolean);
  return pieces.flatMap((piece) => {
    const chars = [...piece];
    if (chars.length < 2) return chars.length ? [piece] : [];
    return chars.slice(1).map((c, i) => chars[i] + c);
  });
}

/**
 * The query's words, lower case, in order: Intl.Segmenter's word-like segments, or
 * without it (`segmenter` undefined) Latin words whole and Chinese as character pairs.
 * Function words are kept here (meaningfulWords drops them). `null`: no segmenter.
 */
export function segmentWords(query: string, segmenter: WordSegmenter | null = browserSegmenter() ?? null): string[] {
  const text = query.toLowerCase();
  if (segmenter) return [...segmenter.segment(text)].filter((s) => s.isWordLike !== false && /[\p{L}\p{N}]/u.test(s.segment)).map((s) => s.segment);
  return (text.match(RUNS) ?? []).flatMap((run) => (isHan(run) ? characterPairs(run) : [run]));
}

export interface MeaningfulWordsOptions {
  /** `null`: as in a browser without Intl.Segmenter (character pairs). */
  segmenter?: WordSegmenter | null | undefined;
  /** Whether a single Chinese character is worth searching for (it has synonyms); by default none is. */
  keepSingle?: (character: string) => boolean;
}

/** A word worth searching for; `shorter`, when it is a word with one character added. */
export interface QueryWord {
  word: string;
  /** The segmenter's word before a lone character was joined to it (管理 of 管理/员). */
  shorter?: string;
}

/**
 * The words of `query` worth searching for, each once, in order: function words dropped;
 * single characters the segmenter left side by side joined (客/服 → 客服, 账/号 → 账号);
 * a lone character joined to the word just before it (管理/员 → 管理员, 机器/人 → 机器人:
 * the segmenter's dictionary lacks the longer word), also when two or more follow it
 * (机器/人/余/额 → 机器人, 余额), or dropped when no word precedes it (进 of 进后台),
 * since one character matches almost every article. Latin words count from
 * two letters.
 */
export function queryTerms(query: string, { segmenter, keepSingle = () => false }: MeaningfulWordsOptions = {}): QueryWord[] {
  const words: QueryWord[] = [];
  let run = '';
  /** The last word pushed, when nothing (no function word) came after it. */
  let previous: QueryWord | undefined;
  const flush = () => {
    // Right after a word, the run's first character may end it (机器/人/余/额: 机器人, 余额):
    // it does when it is alone, or when two or more characters remain to make a word.
    const extends_ = previous && isHan(previous.word) && !previous.shorter && !keepSingle(run) && (run.length === 1 || run.length > 2);
    if (run && previous && extends_) {
      Object.assign(previous, { shorter: previous.word, word: previous.word + run[0] });
      run = run.slice(1);
    }
    if (run.length > 1 || (run && keepSingle(run))) words.push((previous = { word: run }));
    run = '';
  };
  const segments = segmentWords(query, segmenter === undefined ? (browserSegmenter() ?? null) : segmenter);
  for (const word of segments) {
    if (isFunctionWord(word)) {
      flush();
      previous = undefined;
    } else if (isHan(word) && [...word].length === 1) run += word;
    else {
      flush();
      previous = undefined;
      if (isHan(word) || word.length > 1) words.push((previous = { word }));
    }
  }
  flush();
  const seen = new Set<string>();
  return words.filter(({ word }) => !seen.has(word) && seen.add(word));
}

/** The words of `query` worth searching for (see queryTerms), as strings. */
export const meaningfulWords = (query: string, options?: MeaningfulWordsOptions): string[] => queryTerms(query, options).map((w) => w.word);
