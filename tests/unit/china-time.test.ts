import { describe, expect, test } from 'vitest';
import { chinaDate, chinaDateTime } from '../../src/lib/china-time.ts';

describe('times in China', () => {
  // The first toLocaleString loads ICU's Chinese data: seconds on a busy 2-core machine.
  test('a moment reads as toLocaleString(zh-CN, Asia/Shanghai) writes it, from a Date or an ISO string', { timeout: 30_000 }, () => {
    expect(chinaDateTime('2026-11-26T00:52:00Z')).toBe('2026/11/26 08:52:00');
    expect(chinaDateTime(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027/1/1 00:00:00');
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += 7_777_777) {
      const moment = new Date(t);
      expect(chinaDateTime(moment)).toBe(moment.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }));
    }
    expect(chinaDateTime('not a date')).toBe('Invalid Date');
  });

  test('a day: from 16:00 UTC it is already the next day in China', () => {
    expect(chinaDate('2026-11-25T16:30:00Z')).toBe('2026-11-26');
    expect(chinaDate('2026-11-25T15:59:59.999Z')).toBe('2026-11-25');
    expect(chinaDate('2026-11-25T16:00:00.000Z')).toBe('2026-11-26');
    expect(chinaDate('2026-11-25T20:00:00.000Z')).toBe('2026-11-26');
    expect(chinaDate(new Date('2026-11-25T23:59:59.999Z'))).toBe('2026-11-26');
    expect(chinaDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  });
});
