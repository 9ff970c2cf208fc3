import type { Money } from '../../domain/entities/product.js';
import { compareAmounts, formatAmount, minorUnits, normalizeNumber } from './amount.js';
import { findCurrencyMarkers, hintCurrency, type CurrencyMarker, type PriceHint } from './currencies.js';

export type { PriceHint } from './currencies.js';
export { compareAmounts, formatAmount } from './amount.js';

interface NumberToken {
  start: number;
  end: number;
  text: string;
}

/** Indian lakh grouping first, then Western grouping (space, apostrophe, dot, comma), then a plain number. */
const NUMBER_PATTERN = /\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:[ '’.,]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?/g;
const RANGE_GAP = /^\s*(?:-|–|—|~|〜|～|to|bis|à|a|até|до)\s*$/i;

/**
 * Parses a price as shown on a page: "$1,234.56", "1.234,56 €", "1 234,56 zł",
 * "CHF 1'234.50", "from $19", "$19.99 - $29.99" (the lower end). The currency
 * comes from a symbol or ISO code next to the number, else from the hint; a
 * bare "$" is the hint's dollar currency, the locale's, or USD. Returns null
 * when there is no number, no currency, or only absurdly long digit runs.
 * The amount is formatted to the currency's minor units, never via a float.
 */
export function parsePrice(text: string, hint?: PriceHint): Money | null {
  const clean = text.replace(/[\u00a0\u202f\u2009\u2007]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length === 0 || clean.length > 500) return null;
  const markers = findCurrencyMarkers(clean, hint);
  const tokens = numberTokens(clean, markers);
  if (tokens.length === 0) return null;
  const anchor = markers.find((marker) => tokens.some((token) => adjacent(clean, marker, token)));
  const currency = anchor?.currency ?? markers[0]?.currency ?? hintCurrency(hint);
  if (!currency) return null;
  const candidates = anchor ? anchoredTokens(clean, tokens, markers, currency) : tokens;
  const threeDecimals = minorUnits(currency) === 3;
  let lowest: string | null = null;
  for (const token of candidates) {
    const amount = normalizeNumber(token.text, threeDecimals);
    if (amount !== null && (lowest === null || compareAmounts(amount, lowest) < 0)) lowest = amount;
  }
  return lowest === null ? null : { amount: formatAmount(lowest, currency), currency };
}

/**
 * Parses a machine-written amount (a JSON-LD `price`): a number, or a string
 * like "19.99", "1,299.00", "19,99". Returns a plain decimal string as written
 * (no padding, no float round-trip), or null.
 */
export function parseAmount(value: string | number): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    const text = String(value);
    return /e/i.test(text) ? null : text;
  }
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return normalizeNumber(text, true);
  const [first] = numberTokens(text.replace(/[\u00a0\u202f\u2009]/g, ' '), []);
  return first ? normalizeNumber(first.text) : null;
}

/** Builds Money from a plain decimal and a currency code, formatted to the currency's minor units. */
export function toMoney(amount: string | null | undefined, currency: string | undefined): Money | undefined {
  const code = hintCurrency({ ...(currency ? { currency } : {}) });
  if (!amount || !code) return undefined;
  return { amount: formatAmount(amount, code), currency: code };
}

/**
 * An ISO 4217 code from what a page put in a currency field: "usd", "EUR",
 * or a symbol ("$", "€", "zł"). Undefined when it names no currency.
 */
export function toCurrencyCode(text: string | undefined, hint?: PriceHint): string | undefined {
  const value = text?.trim();
  if (!value || value.length > 8) return undefined;
  const code = hintCurrency({ currency: value });
  if (code) return code;
  return findCurrencyMarkers(value, hint)[0]?.currency;
}

/** Number tokens that are not percentages and not glued to letters (other than a currency marker). */
function numberTokens(text: string, markers: readonly CurrencyMarker[]): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(NUMBER_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    const after = text.slice(end);
    if (/^\s?%/.test(after)) continue;
    if (/^\p{L}/u.test(after) && !markers.some((m) => m.start === end)) continue;
    if (/\p{L}$/u.test(text.slice(0, start)) && !markers.some((m) => m.end === start)) continue;
    const digits = match[0].replace(/\D/g, '').length;
    if (digits > 15) continue;
    tokens.push({ start, end, text: match[0].replace(/[.,]$/, '') });
  }
  return tokens;
}

function adjacent(text: string, marker: CurrencyMarker, token: NumberToken): boolean {
  const gap = marker.end <= token.start ? text.slice(marker.end, token.start) : text.slice(token.end, marker.start);
  return marker.end <= token.start || token.end <= marker.start ? /^\s{0,2}$/.test(gap) : false;
}

/** Tokens next to a marker of `currency`, plus the other end of any range one of them belongs to. */
function anchoredTokens(text: string, tokens: NumberToken[], markers: readonly CurrencyMarker[], currency: string): NumberToken[] {
  const same = markers.filter((marker) => marker.currency === currency);
  const chosen = new Set(tokens.filter((token) => same.some((marker) => adjacent(text, marker, token))));
  for (let i = 0; i + 1 < tokens.length; i++) {
    const left = tokens[i]!;
    const right = tokens[i + 1]!;
    if (!chosen.has(left) && !chosen.has(right)) continue;
    let gap = text.slice(left.end, right.start);
    for (const marker of same) {
      if (marker.start >= left.end && marker.end <= right.start) gap = gap.replace(text.slice(marker.start, marker.end), '');
    }
    if (RANGE_GAP.test(gap)) {
      chosen.add(left);
      chosen.add(right);
    }
  }
  return tokens.filter((token) => chosen.has(token));
}
