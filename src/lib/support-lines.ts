// Which of the site's support lines (content/site.json `supportLines`) a tool points
// customers to, and the tel: link of a number as it is shown (400-910-0100 → tel:4009100100).

export interface SupportLine {
  label: string;
  phone: string;
}

export type SupportPurpose = 'pre-sales' | 'after-sales';

const LABEL_WORD: Record<SupportPurpose, string> = { 'pre-sales': '售前', 'after-sales': '售后' };

/**
 * The line for prices (售前…) or for help with a problem (售后…), found by its label;
 * without such a label, the first line for pre-sales and the last for after-sales.
 */
export function supportLineFor<L extends SupportLine>(lines: readonly L[], purpose: SupportPurpose): L {
  const named = lines.find((line) => line.label.includes(LABEL_WORD[purpose]));
  return named ?? (purpose === 'pre-sales' ? lines[0]! : lines.at(-1)!);
}

/** The dialable link of a number written with spaces or dashes. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;
