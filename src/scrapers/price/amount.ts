/**
 * Decimal amounts as strings: normalising a number as written on a page
 * ("1.234,56") into a plain decimal ("1234.56"), formatting it to a
 * currency's minor units and comparing two amounts, without ever going
 * through a float.
 */

/** More digits than this in one number is not a price (a product code, a phone number). */
export const MAX_PRICE_DIGITS = 15;

const minorUnitCache = new Map<string, number>();

/** ISO 4217 minor units of a currency as ICU knows them (JPY 0, KWD 3, most 2). */
export function minorUnits(currency: string): number {
  let units = minorUnitCache.get(currency);
  if (units === undefined) {
    try {
      units = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      units = 2;
    }
    minorUnitCache.set(currency, units);
  }
  return units;
}

/**
 * Turns one number as written ("1,234.56", "1.234,56", "1 234,56", "1'234.56",
 * "19,99") into a plain decimal string, or null when it is not a plausible
 * amount. A single separator followed by exactly three digits is a thousands
 * separator, unless the currency has three minor units or the integer part is 0.
 */
export function normalizeNumber(token: string, threeDecimals = false): string | null {
  const raw = token.replace(/[\s'’]/g, '');
  if (!/^[\d.,]+$/.test(raw) || !/\d/.test(raw)) return null;
  const decimalSep = decimalSeparatorOf(raw, threeDecimals);
  let intPart = raw;
  let fraction = '';
  if (decimalSep) {
    const at = raw.lastIndexOf(decimalSep);
    intPart = raw.slice(0, at);
    fraction = raw.slice(at + 1);
  }
  intPart = intPart.replace(/[.,]/g, '');
  if (!/^\d*$/.test(fraction) || intPart.length + fraction.length > MAX_PRICE_DIGITS) return null;
  if (intPart.length + fraction.length === 0) return null;
  intPart = intPart.replace(/^0+(?=\d)/, '') || '0';
  return fraction ? `${intPart}.${fraction}` : intPart;
}

function decimalSeparatorOf(raw: string, threeDecimals: boolean): '.' | ',' | null {
  const lastDot = raw.lastIndexOf('.');
  const lastComma = raw.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (!sep) return null;
  if (raw.indexOf(sep) !== raw.lastIndexOf(sep)) return null;
  const at = raw.indexOf(sep);
  const fraction = raw.slice(at + 1);
  const intPart = raw.slice(0, at);
  if (fraction.length === 0) return sep;
  if (fraction.length === 3 && !threeDecimals && intPart !== '0' && intPart !== '') return null;
  return sep;
}

/**
 * Formats a plain decimal to a currency's minor units: "19.9" USD -> "19.90",
 * "1234.00" JPY -> "1234". Extra precision beyond the minor units is kept
 * ("0.995" USD stays), so no value is ever rounded.
 */
export function formatAmount(amount: string, currency: string): string {
  const [intPart = '0', rawFraction = ''] = amount.split('.');
  const units = minorUnits(currency);
  let fraction = rawFraction.replace(/0+$/, '');
  if (fraction.length < units) fraction = fraction.padEnd(units, '0');
  const integer = intPart.replace(/^0+(?=\d)/, '') || '0';
  return fraction ? `${integer}.${fraction}` : integer;
}

/** Compares two non-negative plain decimals: negative when a < b, 0 when equal, positive when a > b. */
export function compareAmounts(a: string, b: string): number {
  const [aInt = '0', aFrac = ''] = a.split('.');
  const [bInt = '0', bFrac = ''] = b.split('.');
  const ai = aInt.replace(/^0+/, '');
  const bi = bInt.replace(/^0+/, '');
  if (ai.length !== bi.length) return ai.length - bi.length;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const width = Math.max(aFrac.length, bFrac.length);
  const af = aFrac.padEnd(width, '0');
  const bf = bFrac.padEnd(width, '0');
  return af === bf ? 0 : af < bf ? -1 : 1;
}

/**
 * A plain decimal from an integer count of hundredths, as Shopify's product
 * JSON writes prices (`2599` -> "25.99", `150000` JPY -> "1500.00" before
 * formatting). Null for anything but a non-negative integer.
 */
export function fromHundredths(value: number | string): string | null {
  const text = typeof value === 'number' ? (Number.isSafeInteger(value) && value >= 0 ? String(value) : '') : value.trim();
  if (!/^\d{1,15}$/.test(text)) return null;
  const padded = text.padStart(3, '0');
  const integer = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  return `${integer}.${padded.slice(-2)}`;
}
