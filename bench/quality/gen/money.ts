import type { LabelledMoney } from '../corpus.types.js';

/** How a shop writes an amount: symbol placement, separators, decimals. */
export interface MoneyFormat {
  currency: string;
  symbol: string;
  /** Symbol before the number ("$12") or after ("12 €"). */
  before: boolean;
  /** Between symbol and number. */
  gap: string;
  group: string;
  decimal: string;
  /** Fraction digits shown; 0 for whole-unit currencies. */
  decimals: number;
  /** Indian lakh/crore grouping (1,23,456). */
  indian?: boolean;
  /** Appended after everything ("$1,299.00 CAD"). */
  suffix?: string;
  /** Drop ",00" for whole amounts ("1 299 kr" but "1 299,50 kr"). */
  trimWhole?: boolean;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function format(currency: string, symbol: string, before: boolean, gap: string, group: string, decimal: string, decimals: number, extra: Partial<MoneyFormat> = {}): MoneyFormat {
  return { currency, symbol, before, gap, group, decimal, decimals, ...extra };
}

/**
 * Formats per currency as real shops of that market write them; the first is the most common.
 * JPY's fourth is the backslash that legacy Shift_JIS pages show as a yen sign (only when pinned).
 */
export const MONEY_FORMATS: Record<string, MoneyFormat[]> = {
  USD: [format('USD', '$', true, '', ',', '.', 2), format('USD', '$', true, '', ',', '.', 2, { suffix: ' USD' })],
  GBP: [format('GBP', '£', true, '', ',', '.', 2)],
  EUR_DE: [format('EUR', '€', false, NBSP, '.', ',', 2), format('EUR', '€', false, ' ', '.', ',', 2), format('EUR', 'EUR', false, ' ', '.', ',', 2)],
  EUR_FR: [format('EUR', '€', false, NBSP, NNBSP, ',', 2), format('EUR', '€', false, NBSP, NBSP, ',', 2), format('EUR', '€', false, ' ', ' ', ',', 2)],
  EUR_NL: [format('EUR', '€', true, NBSP, '.', ',', 2), format('EUR', '€', true, ' ', '.', ',', 2)],
  EUR_IT: [format('EUR', '€', false, NBSP, '.', ',', 2), format('EUR', '€', true, NBSP, '.', ',', 2)],
  EUR_EN: [format('EUR', '€', true, '', ',', '.', 2)],
  CHF: [format('CHF', 'CHF', true, ' ', "'", '.', 2), format('CHF', 'CHF', false, ' ', '\u2019', '.', 2), format('CHF', 'CHF', true, NBSP, "'", '.', 2, { trimWhole: true })],
  CLP: [format('CLP', '$', true, '', '.', ',', 0), format('CLP', '$', true, ' ', '.', ',', 0)],
  INR: [format('INR', '₹', true, '', ',', '.', 0, { indian: true }), format('INR', '₹', true, ' ', ',', '.', 2, { indian: true }), format('INR', 'Rs.', true, ' ', ',', '.', 2, { indian: true })],
  JPY: [format('JPY', '¥', true, '', ',', '.', 0), format('JPY', '円', false, '', ',', '.', 0), format('JPY', '￥', true, '', ',', '.', 0), format('JPY', '\\', true, '', ',', '.', 0)],
  SEK: [format('SEK', 'kr', false, NBSP, NBSP, ',', 2, { trimWhole: true }), format('SEK', 'kr', false, ' ', ' ', ',', 2), format('SEK', 'SEK', false, ' ', ' ', ',', 0)],
  ZAR: [format('ZAR', 'R', true, ' ', ' ', ',', 2), format('ZAR', 'R', true, '', ',', '.', 2), format('ZAR', 'R', true, NBSP, NBSP, '.', 2)],
  BRL: [format('BRL', 'R$', true, NBSP, '.', ',', 2), format('BRL', 'R$', true, ' ', '.', ',', 2)],
  PLN: [format('PLN', 'zł', false, NBSP, NBSP, ',', 2), format('PLN', 'zł', false, ' ', ' ', ',', 2), format('PLN', 'PLN', false, ' ', ' ', ',', 2)],
  RUB: [format('RUB', '₽', false, NBSP, NBSP, ',', 0), format('RUB', 'руб.', false, ' ', ' ', ',', 0), format('RUB', 'р.', false, ' ', ' ', '.', 0)],
  CAD: [format('CAD', '$', true, '', ',', '.', 2, { suffix: ' CAD' }), format('CAD', 'CA$', true, '', ',', '.', 2)],
  AUD: [format('AUD', '$', true, '', ',', '.', 2), format('AUD', '$', true, '', ',', '.', 2, { suffix: ' AUD' })],
  DKK: [format('DKK', 'kr.', false, ' ', '.', ',', 2)],
};

/** The number part of an amount ("1234.5" -> "1.234,50" for de). */
export function formatNumber(amount: string, f: MoneyFormat): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  const grouped = f.indian ? groupIndian(whole, f.group) : whole.replace(/\B(?=(\d{3})+(?!\d))/g, f.group);
  if (f.decimals === 0) return grouped;
  const digits = fraction.padEnd(f.decimals, '0').slice(0, f.decimals);
  if (f.trimWhole && /^0*$/.test(digits)) return grouped;
  return `${grouped}${f.decimal}${digits}`;
}

function groupIndian(whole: string, group: string): string {
  if (whole.length <= 3) return whole;
  const last = whole.slice(-3);
  const rest = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, group);
  return `${rest}${group}${last}`;
}

/** The amount as the shop shows it, symbol included. */
export function formatMoney(money: LabelledMoney, f: MoneyFormat): string {
  const number = formatNumber(money.amount, f);
  const core = f.before ? `${f.symbol}${f.gap}${number}` : `${number}${f.gap}${f.symbol}`;
  return `${core}${f.suffix ?? ''}`;
}

/** An amount with two decimals as a plain decimal string ("49.9" -> "49.90"); whole currencies stay whole. */
export function plainAmount(money: LabelledMoney, decimals = 2): string {
  return Number(money.amount).toFixed(decimals);
}

/** Minor units (cents) as Shopify's product JSON carries them. */
export function minorUnits(money: LabelledMoney, decimals = 2): number {
  return Math.round(Number(money.amount) * 10 ** decimals);
}
