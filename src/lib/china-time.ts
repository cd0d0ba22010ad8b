// Dates and times as people in China read them (Asia/Shanghai), whatever the server's
// or the browser's time zone: the operator's tables, report times, file names.
const ZONE = 'Asia/Shanghai';

/** "2026-11-26": the day in China, for file names and data. */
export const chinaDate = (date: Date | string = new Date()) => new Date(date).toLocaleDateString('sv-SE', { timeZone: ZONE });

// One formatter, made once: toLocaleString with options makes one per call, which costs
// a millisecond each and native memory that is freed only when the garbage collector
// gets round to it (an export of 100,000 rows grew the server by a gigabyte).
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** "2026/11/26 08:52:00": a moment, for tables and reports (as `toLocaleString('zh-CN')` writes it). */
export function chinaDateTime(date: Date | string): string {
  const moment = new Date(date);
  if (Number.isNaN(moment.getTime())) return 'Invalid Date';
  dateTimeFormat ??= new Intl.DateTimeFormat('zh-CN', {
    timeZone: ZONE,
    hour12: false,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return dateTimeFormat.format(moment);
}
