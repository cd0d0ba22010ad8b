// The rules of search analytics: outcomes, the 7/30/90-day periods in China's days, the
// figures the operator reads.
import { describe, expect, test } from 'vitest';
import { articleReport, dayBefore, lastDays, percent, periodHref, queryReport, requestedPeriod, unanswered } from '../../src/lib/search/analytics.ts';

describe('outcomes', () => {
  test('searches without a sure answer: all but results', () => {
    expect(unanswered({ results: 5, partial: 1, guess: 2, none: 3 })).toBe(6);
  });
});

describe('periods', () => {
  test.each([
    [null, 7],
    ['30', 30],
    [' 90 ', 90],
    ['14', 7],
    ['abc', 7],
    ['', 7],
  ])('?search-days=%s → %i days', (value, days) => expect(requestedPeriod(value)).toBe(days));

  test('the last n days are China’s, today included: from 16:00 UTC it is the next day', () => {
    expect(lastDays(7, new Date('2026-12-06T15:59:59Z'))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(lastDays(7, new Date('2026-12-06T16:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(lastDays(90, new Date('2026-03-01T04:00:00Z'))).toEqual({ from: '2025-12-02', to: '2026-03-01' });
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });

  test('a period link keeps the rest of the address and opens at the section; 7 days is the address without it', () => {
    const url = new URL('https://help.example.com/admin/?quotes-page=2&search-days=30&report=12345678');
    expect(periodHref(url, 90)).toBe('/admin/?quotes-page=2&search-days=90&report=12345678#search-analytics');
    expect(periodHref(url, 7)).toBe('/admin/?quotes-page=2&report=12345678#search-analytics');
    expect(periodHref(new URL('https://help.example.com/admin/'), 7)).toBe('/admin/#search-analytics');
  });
});

describe('figures', () => {
  test('click-through per search, average position of the clicks, average results, rounded', () => {
    const outcomes = { results: 3, partial: 0, guess: 0, none: 0 };
    expect(queryReport({ query: '发票', searches: 3, outcomes, resultTotal: 10, clicks: 2, positionSum: 5, lastDay: '2026-12-07' })).toEqual({
      query: '发票',
      searches: 3,
      outcomes,
      averageResults: 3.3,
      clicks: 2,
      clickThroughRate: 0.667,
      averagePosition: 2.5,
      lastDay: '2026-12-07',
    });
    expect(queryReport({ query: 'x', searches: 1, outcomes, resultTotal: 0, clicks: 0, positionSum: 0, lastDay: '2026-12-07' })).toMatchObject({ clickThroughRate: 0, averagePosition: null });
    expect(articleReport({ page: '/faq/a/', clicks: 3, queries: 2, positionSum: 4, topQuery: 'a' }).averagePosition).toBe(1.3);
    expect(percent(0.375)).toBe('38%');
    expect(percent(1.5)).toBe('150%');
  });
});
