// How the operator page shows a table cell: counts and amounts grouped by thousands as
// the site writes them (80,000; 1,265,920.00). The CSV keeps the plain figures, for
// spreadsheets; this is the one place that tells the two apart.

/** 80000 → "80,000", "1265920.00" → "1,265,920.00"; anything else as it is. */
export function shownCell(cell: string | number): string {
  const text = String(cell);
  const figure = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!figure) return text;
  return `${figure[1]}${figure[2]!.replace(/\B(?=(\d{3})+$)/g, ',')}${figure[3] ?? ''}`;
}
