// The plain word the calculator adds when a growth compounds to a lot over the term:
// 10 % a month for 3 years makes the last month about 28 times the first.
import { GROWTH_PERIOD_WORDS } from './input-rules.ts';
import { formatContractMonth, formatCount } from './number-input.ts';
import { DEFAULT_GROWTH_PERIOD, STEEP_GROWTH_MULTIPLE, lastToFirstMonth, type UsageInput } from './usage.ts';

/** 28.1 → "28", 5.26 → "5.3": a multiple as a reader takes it in. */
const roughMultiple = (multiple: number) => formatCount(multiple, multiple >= 10 ? 0 : 1);

/**
 * The note, or undefined when the last month's use is at most {@link STEEP_GROWTH_MULTIPLE}
 * times the first. `editable`: the reader can change the inputs (not a saved quote), so
 * the note may say which setting to change.
 */
export function steepGrowthNote(input: UsageInput, { editable }: { editable: boolean }): string | undefined {
  const multiple = lastToFirstMonth(input);
  if (!(multiple > STEEP_GROWTH_MULTIPLE)) return undefined;
  const period = input.growthPeriod ?? DEFAULT_GROWTH_PERIOD;
  const lastMonth = formatContractMonth(input.years * 12);
  const note = `按${GROWTH_PERIOD_WORDS[period]}增长 ${formatCount(input.monthlyGrowthPercent, 2)}%，最后一个月（${lastMonth}）的对话量约是首月的 ${roughMultiple(multiple)} 倍，费用随之上升。`;
  if (!editable) return note;
  return period === 'month' ? `${note}如果预计的是每年增长 ${formatCount(input.monthlyGrowthPercent, 2)}%，请把增长周期改为「每年」。` : `${note}请确认这个增长率是否符合预期。`;
}
