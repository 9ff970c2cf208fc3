import type { Money } from '../../domain/entities/product.js';
import { compareAmounts, formatAmount, fromHundredths, minorUnits, normalizeNumber } from './amount.js';
import { findCurrencyMarkers, hintCurrency, type CurrencyMarker, type PriceHint } from './currencies.js';
import { isExcludedContext, isPlausibleBareAmount, maskNonPrices, normalizePriceText, type Span } from './price-text.js';

export type { PriceHint } from './currencies.js';
export { regionOfHost } from './currencies.js';
export { compareAmounts, formatAmount } from './amount.js';

interface NumberToken extends Span {
  text: string;
}

/** Longer texts are not one price (a description, a whole product card). */
const MAX_PRICE_TEXT = 500;
/** Indian lakh grouping first, then Western grouping (space, apostrophe, dot, comma), then a plain number, then ".99". */
const NUMBER_PATTERN = /\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:[ '’.,]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?|(?<![\d.,])\.\d{2}(?!\d)/g;
const RANGE_GAP = /^\s*(?:-|–|—|~|〜|～|to|bis|à|a|até|до|tot|al|do|till|–\s?up to)\s*$/i;
const ADJACENT_GAP = /^(?:[.,][-–—]{1,2})?[\s:]{0,3}$/;

/**
 * Parses a price as shown on a page: "$1,234.56", "1.234,56 €", "1 234,56 zł",
 * "CHF 1'234.50", "₹ 1,23,456.00", "from $19", "ab 19,99 €", "$19.99 - $29.99"
 * (the lower end). The currency comes from a symbol or ISO code next to the
 * number, else from the hint; an ambiguous symbol ("$", "kr", "¥", "R")
 * resolves from the hint's currency, locale and host (see PriceHint).
 * Savings, shipping fees, instalments, unit prices, percentages, dates and
 * phone numbers are not prices; without a currency next to it, neither is a
 * rating, a review count "(123)", a code or a quantity. Null when no price is
 * left. The amount is formatted to the currency's minor units, never via a float.
 */
export function parsePrice(text: string, hint?: PriceHint): Money | null {
  const read = readAmounts(text, hint);
  if (!read) return null;
  let lowest: string | null = null;
  for (const amount of read.amounts) if (lowest === null || compareAmounts(amount, lowest) < 0) lowest = amount;
  return lowest === null ? null : { amount: formatAmount(lowest, read.currency), currency: read.currency };
}

/**
 * How many price amounts a text shows (a range counts its two ends): 0 for
 * none, 1 for "$19.99", 2 for "$30.00 $20.00". Tells a price element from a
 * box holding several prices.
 */
export function countPrices(text: string, hint?: PriceHint): number {
  return readAmounts(text, hint)?.amounts.length ?? 0;
}

/** The amounts of the prices a text shows, as plain decimals in text order (a range gives both ends). */
export function priceAmounts(text: string, hint?: PriceHint): string[] {
  return readAmounts(text, hint)?.amounts ?? [];
}

/** True when the text names a currency (a symbol or code), as opposed to a bare number priced by the hint. */
export function hasCurrencyMarker(text: string, hint?: PriceHint): boolean {
  return text.length <= MAX_PRICE_TEXT * 4 && findCurrencyMarkers(normalizePriceText(text), hint).length > 0;
}

/** The currency and the plain-decimal amounts of the price candidates in a text (see parsePrice). */
function readAmounts(text: string, hint: PriceHint | undefined): { currency: string; amounts: string[] } | null {
  if (text.length > MAX_PRICE_TEXT * 4) return null;
  const clean = normalizePriceText(text);
  if (clean.length === 0 || clean.length > MAX_PRICE_TEXT) return null;
  const masked = maskNonPrices(clean);
  const markers = findCurrencyMarkers(masked, hint);
  const tokens = numberTokens(masked, markers).filter((token, index) => !isExcludedContext(masked, token, index === 0));
  if (tokens.length === 0) return null;
  const anchor = markers.find((marker) => tokens.some((token) => adjacent(masked, marker, token)));
  if (!anchor && markers.some((marker) => marker.end - marker.start > 0 && hasNumberNext(masked, marker))) return null;
  const currency = anchor?.currency ?? markers[0]?.currency ?? hintCurrency(hint);
  if (!currency) return null;
  const candidates = anchor
    ? anchoredTokens(masked, tokens, markers, currency)
    : tokens.filter((token) => isPlausibleBareAmount(masked, token, token.text));
  const threeDecimals = minorUnits(currency) === 3;
  const amounts = candidates.map((token) => normalizeNumber(token.text, threeDecimals)).filter((amount): amount is string => amount !== null);
  return amounts.length > 0 ? { currency, amounts } : null;
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
  if (text.length > 64) return null;
  if (/^\d+(?:\.\d+)?$/.test(text)) return normalizeNumber(text, true);
  const [first] = numberTokens(normalizePriceText(text), []);
  return first ? normalizeNumber(first.text) : null;
}

/** Builds Money from a plain decimal and a currency code, formatted to the currency's minor units. */
export function toMoney(amount: string | null | undefined, currency: string | undefined): Money | undefined {
  const code = hintCurrency({ ...(currency ? { currency } : {}) });
  if (!amount || !code) return undefined;
  return { amount: formatAmount(amount, code), currency: code };
}

/**
 * Money from a count of hundredths, as Shopify's product JSON (`/products/<handle>.js`,
 * `ShopifyAnalytics.meta`) writes prices whatever the currency: 2599 USD -> 25.99, 150000 JPY -> 1500.
 */
export function moneyFromHundredths(value: unknown, currency: string | undefined): Money | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  return toMoney(fromHundredths(value), currency);
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
    const before = markers.find((marker) => marker.end <= start && ADJACENT_GAP.test(text.slice(marker.end, start)));
    const after = markers.find((marker) => marker.start >= end && ADJACENT_GAP.test(text.slice(end, marker.start)));
    if (/^\p{L}/u.test(text.slice(end, end + 1)) && !markers.some((m) => m.start === end)) continue;
    if (/\p{L}$/u.test(text.slice(Math.max(0, start - 1), start)) && !markers.some((m) => m.end === start)) continue;
    if (/\p{L}[-/_]$/u.test(text.slice(Math.max(0, start - 2), start)) || /^[-/_]\p{L}/u.test(text.slice(end, end + 2))) continue;
    if (match[0].replace(/\D/g, '').length > 15) continue;
    tokens.push({ start, end, from: before?.start ?? start, to: after?.end ?? end, text: match[0].replace(/[.,]$/, '') });
  }
  return tokens;
}

/** True when a digit follows a currency marker: its amount was there but excluded (a saving, an instalment), so the text has no price. */
function hasNumberNext(text: string, marker: CurrencyMarker): boolean {
  return /^[\s:]{0,3}\d/.test(text.slice(marker.end, marker.end + 4));
}

function adjacent(text: string, marker: CurrencyMarker, token: NumberToken): boolean {
  if (marker.end <= token.start) return ADJACENT_GAP.test(text.slice(marker.end, token.start));
  if (token.end <= marker.start) return ADJACENT_GAP.test(text.slice(token.end, marker.start));
  return false;
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
