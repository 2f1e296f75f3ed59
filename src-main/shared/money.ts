/**
 * Money is integer cents everywhere; this is the one place that writes it for people:
 * `123456` → `1 234,56 €` (no-break spaces, so a PDF line never splits an amount).
 */
const NBSP = '\u00a0';

export function euros(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const units = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const grouped = String(units).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${neg ? '−' : ''}${grouped},${rest}${NBSP}€`;
}

/** Integer division rounded down (towards −∞), as the règlement's "arrondi au centime inférieur". */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** `2.5` parts → `2,5` ; `1` → `1`. */
export function frNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}
