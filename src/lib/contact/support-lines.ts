// The support lines (content/site.json `supportLines`) as pages and tools show them:
// which lines a page offers, which one line a tool names, and their numbers as people
// read them (400-910-0100, grouped even when site.json writes 4009100100) and as phones
// dial them (tel:4009100100).

export type LineTopic = 'sales' | 'support';

export interface SupportLine {
  label: string;
  phone: string;
  topic?: LineTopic | undefined;
}

export type SupportPurpose = 'pre-sales' | 'after-sales';

const PURPOSE_TOPIC: Record<SupportPurpose, LineTopic> = { 'pre-sales': 'sales', 'after-sales': 'support' };
const LABEL_WORD: Record<SupportPurpose, string> = { 'pre-sales': '售前', 'after-sales': '售后' };

/**
 * The one line a tool names for prices (pre-sales) or for help with a problem
 * (after-sales): the line marked with that `topic`, else the one whose label says so
 * (售前…, 售后…), else the first line for pre-sales and the last for after-sales.
 */
export function supportLineFor<L extends SupportLine>(lines: readonly L[], purpose: SupportPurpose): L {
  const marked = lines.find((line) => line.topic === PURPOSE_TOPIC[purpose]);
  const named = lines.find((line) => line.label.includes(LABEL_WORD[purpose]));
  return marked ?? named ?? (purpose === 'pre-sales' ? lines[0]! : lines.at(-1)!);
}

/** A line's topic: its `topic`, else what its label says (售前…, 售后…). */
const topicOf = (line: { label: string; topic?: LineTopic | undefined }): LineTopic | undefined =>
  line.topic ?? (line.label.includes('售前') ? 'sales' : line.label.includes('售后') ? 'support' : undefined);

/** What a line is for, in a few words beside it, by its topic. */
export const LINE_PURPOSE: Record<LineTopic, string> = { sales: '价格、购买和开通', support: '使用中遇到的问题' };

/**
 * What `line` is for: by its `topic`, else by its label (售前…, 售后…); undefined when
 * neither says.
 */
export function linePurpose(line: { label: string; topic?: LineTopic | undefined }): string | undefined {
  const topic = topicOf(line);
  return topic && LINE_PURPOSE[topic];
}

/**
 * The lines for a page about `topic` (site.json's `topic` of each line); every line when
 * the page has no topic or no line is marked with it, so a page never shows none.
 */
export function linesFor<L extends { phone: string; topic?: LineTopic | undefined }>(lines: readonly L[], topic?: LineTopic): L[] {
  const matching = topic ? lines.filter((line) => line.topic === topic) : [];
  return matching.length ? matching : [...lines];
}

/**
 * The lines an article offers after 没有帮助, for an article about `articleTopic`: on one
 * about buying (`sales`) the sales lines first, then the rest; on any other the after-sales
 * lines first and no sales line (someone stuck using the product wants 售后服务, not
 * 售前咨询), unless that would leave none.
 */
export function linesAfterNotHelpful<L extends SupportLine>(lines: readonly L[], articleTopic: LineTopic = 'support'): L[] {
  const first = lines.filter((line) => topicOf(line) === articleTopic);
  const rest = lines.filter((line) => topicOf(line) !== articleTopic && (articleTopic === 'sales' || topicOf(line) !== 'sales'));
  const chosen = [...first, ...rest];
  return chosen.length ? chosen : [...lines];
}

/**
 * A number grouped the way it is read out in mainland China: 400/800 numbers 3-3-4
 * (400-910-0100), mobiles 3-4-4 (138-0013-8000), landlines after their area code
 * (010-12345678, 0755-1234567). Short service numbers (95716) and anything else stay as
 * they are; so does a number the operator already wrote with spaces, dashes or a `+`.
 */
export function displayPhone(phone: string): string {
  const number = phone.trim();
  if (!/^\d+$/.test(number)) return number;
  const groups = (...sizes: number[]) => {
    const parts: string[] = [];
    let at = 0;
    for (const size of sizes) parts.push(number.slice(at, (at += size)));
    return parts.join('-');
  };
  if (/^[48]00\d{7}$/.test(number)) return groups(3, 3, 4);
  if (/^1[3-9]\d{9}$/.test(number)) return groups(3, 4, 4);
  if (/^0(?:10|2\d)\d{7,8}$/.test(number)) return groups(3, number.length - 3);
  if (/^0[3-9]\d{2}\d{7,8}$/.test(number)) return groups(4, number.length - 4);
  return number;
}

/** The `tel:` link of a number: its digits, and a leading `+`. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;
