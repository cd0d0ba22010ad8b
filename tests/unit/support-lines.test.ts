// Which support line a tool names, and the tel: link of a number as it is shown.
import { describe, expect, test } from 'vitest';
import { supportLineFor, telHref } from '../../src/lib/support-lines.ts';

const shipped = [
  { label: '售前咨询', phone: '400-910-0100' },
  { label: '售后服务', phone: '95716' },
];

describe('supportLineFor', () => {
  test.each([
    { lines: shipped, purpose: 'pre-sales', expected: '400-910-0100' },
    { lines: shipped, purpose: 'after-sales', expected: '95716' },
    // Found by the label wherever it stands in the list.
    { lines: [...shipped].reverse(), purpose: 'pre-sales', expected: '400-910-0100' },
    { lines: [{ label: '技术支持', phone: '1' }, { label: '售后热线', phone: '2' }, { label: '投诉', phone: '3' }], purpose: 'after-sales', expected: '2' },
    // No label says which: the first line for prices, the last for help.
    { lines: [{ label: '客服热线', phone: '1' }, { label: '值班电话', phone: '2' }], purpose: 'pre-sales', expected: '1' },
    { lines: [{ label: '客服热线', phone: '1' }, { label: '值班电话', phone: '2' }], purpose: 'after-sales', expected: '2' },
    { lines: [{ label: '客服热线', phone: '1' }], purpose: 'after-sales', expected: '1' },
  ] as const)('$purpose of $lines.0.label… → $expected', ({ lines, purpose, expected }) => {
    expect(supportLineFor(lines, purpose).phone).toBe(expected);
  });
});

describe('telHref', () => {
  test.each([
    ['400-910-0100', 'tel:4009100100'],
    ['95716', 'tel:95716'],
    ['+86 10 1234 5678', 'tel:+861012345678'],
  ])('%s → %s', (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});
