// Numbers as people type them into the calculator (5万, 50,000, ５万, 1.2万, -5%) and as
// they read them back (50,000; ¥12,345.00). No zod and no Intl-heavy work: it ships
// in the calculator's island.

const FULL_WIDTH = /[０-９．，－＋％]/g;
const UNITS: Record<string, number> = { 万: 1e4, w: 1e4, W: 1e4, 千: 1e3, k: 1e3, K: 1e3, 亿: 1e8 };

/**
 * The number in `text`, or `null` when it is not one. Accepts thousands separators,
 * full-width digits, a unit (万, 千, 亿, k, w) and a trailing %.
 */
export function parseAmount(text: string): number | null {
  const normalised = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[−–]/g, '-')
    .replace(/[\s,_]/g, '')
    .replace(/%$/, '');
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+))(万|亿|千|[wWkK])?$/.exec(normalised);
  if (!match) return null;
  const value = Number(match[1]) * (match[2] ? UNITS[match[2]]! : 1);
  // 1.2万 is 12000, not 12000.000000000002.
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : null;
}

const groupDigits = (integer: string) => integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 50000 → "50,000"; keeps up to `decimals` decimals. */
export function formatCount(n: number, decimals = 0): string {
  const sign = n < 0 ? '-' : '';
  const [integer, fraction] = Math.abs(n).toFixed(decimals).split('.');
  const trimmed = fraction?.replace(/0+$/, '');
  return `${sign}${groupDigits(integer!)}${trimmed ? `.${trimmed}` : ''}`;
}

/** 12345.5 → "¥12,345.50". */
export function formatYuan(n: number): string {
  const [integer, fraction] = Math.abs(n).toFixed(2).split('.');
  return `${n < 0 ? '-' : ''}¥${groupDigits(integer!)}.${fraction}`;
}

/** Month `month` of the contract (1-based) as 第 1 年第 3 个月: contracts start in any calendar month, so never 3 月. */
export function formatContractMonth(month: number): string {
  return `第 ${Math.ceil(month / 12)} 年第 ${((month - 1) % 12) + 1} 个月`;
}

/** A reading aid beside big counts: 50000 → "5 万", 120000000 → "1.2 亿"; "" under 10,000. */
export function formatInWords(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e8) return `${formatCount(n / 1e8, 2)} 亿`;
  if (abs >= 1e4) return `${formatCount(n / 1e4, 2)} 万`;
  return '';
}

/**
 * A count as a quote states it: in 万 or 亿 when that is exact to two decimals (80000 →
 * "8 万", 125000 → "12.5 万"), grouped digits otherwise (123,456; 9,000).
 */
export function formatAmount(n: number): string {
  for (const [unit, size] of [['亿', 1e8], ['万', 1e4]] as const) {
    const scaled = n / size;
    if (Math.abs(n) >= size && Math.abs(Math.round(scaled * 100) - scaled * 100) < 1e-6) return `${formatCount(scaled, 2)} ${unit}`;
  }
  return formatCount(n, 2);
}
