// Dates and times as people in China read them (Asia/Shanghai), whatever the server's
// or the browser's time zone: the operator's tables, report times, file names.
const ZONE = 'Asia/Shanghai';

/** "2026-11-26": the day in China, for file names and data. */
export const chinaDate = (date: Date | string = new Date()) => new Date(date).toLocaleDateString('sv-SE', { timeZone: ZONE });

/** "2026/11/26 08:52:00": a moment, for tables and reports. */
export const chinaDateTime = (date: Date | string) => new Date(date).toLocaleString('zh-CN', { timeZone: ZONE, hour12: false });
