/**
 * Currency markers as they appear next to prices ("$", "US$", "€", "kr",
 * "EUR") and how an ambiguous one resolves from the hint currency or locale.
 */

/** What the caller knows about the page: its currency (from structured data) and language. */
export interface PriceHint {
  currency?: string;
  locale?: string;
}

/** A currency marker found in a text: its span and the ISO code it stands for. */
export interface CurrencyMarker {
  start: number;
  end: number;
  currency: string;
}

const ISO_CODES = new Set(Intl.supportedValuesOf('currency'));

/** The hint's currency when it is a known ISO 4217 code, upper-cased. */
export function hintCurrency(hint: PriceHint | undefined): string | undefined {
  const code = hint?.currency?.trim().toUpperCase();
  return code && ISO_CODES.has(code) ? code : undefined;
}

export function isCurrencyCode(code: string): boolean {
  return ISO_CODES.has(code);
}

function localeParts(hint: PriceHint | undefined): { language: string; region: string } {
  const [language = '', region = ''] = (hint?.locale ?? '').split(/[-_]/);
  return { language: language.toLowerCase(), region: region.toUpperCase() };
}

const DOLLAR_CURRENCIES = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'ARS', 'CLP', 'COP', 'TWD', 'UYU']);
const DOLLAR_BY_REGION: Record<string, string> = {
  US: 'USD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', HK: 'HKD', SG: 'SGD', MX: 'MXN', AR: 'ARS', CL: 'CLP', CO: 'COP', TW: 'TWD', UY: 'UYU',
};
const DOLLAR_PREFIXES: Record<string, string> = {
  US: 'USD', CA: 'CAD', C: 'CAD', AU: 'AUD', A: 'AUD', NZ: 'NZD', HK: 'HKD', S: 'SGD', R: 'BRL', MX: 'MXN', NT: 'TWD',
};
const KRONA_BY_LANGUAGE: Record<string, string> = { sv: 'SEK', nb: 'NOK', nn: 'NOK', no: 'NOK', da: 'DKK', fo: 'DKK', is: 'ISK' };

/** A bare "$": the hint currency when it is a dollar/peso currency, else the locale's region, else USD. */
function resolveDollar(hint: PriceHint | undefined): string {
  const fromHint = hintCurrency(hint);
  if (fromHint && DOLLAR_CURRENCIES.has(fromHint)) return fromHint;
  return DOLLAR_BY_REGION[localeParts(hint).region] ?? 'USD';
}

function resolveYen(hint: PriceHint | undefined): string {
  const fromHint = hintCurrency(hint);
  if (fromHint === 'CNY' || fromHint === 'JPY') return fromHint;
  return localeParts(hint).language === 'zh' ? 'CNY' : 'JPY';
}

function resolveKrona(hint: PriceHint | undefined): string {
  const fromHint = hintCurrency(hint);
  if (fromHint && ['SEK', 'NOK', 'DKK', 'ISK'].includes(fromHint)) return fromHint;
  return KRONA_BY_LANGUAGE[localeParts(hint).language] ?? 'SEK';
}

function resolveRupee(hint: PriceHint | undefined): string {
  const fromHint = hintCurrency(hint);
  return fromHint && ['INR', 'PKR', 'LKR', 'NPR', 'MUR'].includes(fromHint) ? fromHint : 'INR';
}

const SYMBOLS: Record<string, string | ((hint: PriceHint | undefined) => string)> = {
  '€': 'EUR', '£': 'GBP', '₹': 'INR', '₽': 'RUB', '₩': 'KRW', '₺': 'TRY', '₴': 'UAH', '₪': 'ILS', '₫': 'VND', '฿': 'THB',
  '₱': 'PHP', '₦': 'NGN', '円': 'JPY', '元': 'CNY', '￥': resolveYen, '¥': resolveYen, '₨': resolveRupee,
};

/** Symbols spelled with letters; matched case-sensitively and never inside a word. */
const WORD_SYMBOLS: Record<string, string | ((hint: PriceHint | undefined) => string)> = {
  'zł': 'PLN', 'Zł': 'PLN', 'Kč': 'CZK', 'Ft': 'HUF', 'lei': 'RON', 'Lei': 'RON', 'руб': 'RUB', 'р': 'RUB', 'Fr': 'CHF',
  'Rs': resolveRupee, 'kr': resolveKrona, 'Kr': resolveKrona, 'лв': 'BGN', 'RM': 'MYR', 'Rp': 'IDR', 'TL': 'TRY', 'RMB': 'CNY',
};

const DOLLAR_PATTERN = /(US|CA|AU|NZ|HK|MX|NT|C|A|S|R)?\$/g;
const SYMBOL_PATTERN = new RegExp(`[${Object.keys(SYMBOLS).join('')}]`, 'gu');
const WORD_PATTERN = new RegExp(`(?<!\\p{L})(${Object.keys(WORD_SYMBOLS).sort((a, b) => b.length - a.length).join('|')})\\.?(?!\\p{L})`, 'gu');
const ISO_PATTERN = /(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/g;

function resolve(entry: string | ((hint: PriceHint | undefined) => string) | undefined, hint: PriceHint | undefined): string | undefined {
  return typeof entry === 'function' ? entry(hint) : entry;
}

/** Every currency marker in `text`, in order, overlaps resolved in favour of the longer one. */
export function findCurrencyMarkers(text: string, hint?: PriceHint): CurrencyMarker[] {
  const found: CurrencyMarker[] = [];
  for (const match of text.matchAll(DOLLAR_PATTERN)) {
    const prefix = match[1];
    const currency = prefix && DOLLAR_PREFIXES[prefix] ? DOLLAR_PREFIXES[prefix] : resolveDollar(hint);
    found.push({ start: match.index, end: match.index + match[0].length, currency });
  }
  for (const match of text.matchAll(SYMBOL_PATTERN)) {
    const currency = resolve(SYMBOLS[match[0]], hint);
    if (currency) found.push({ start: match.index, end: match.index + match[0].length, currency });
  }
  for (const match of text.matchAll(WORD_PATTERN)) {
    const currency = resolve(WORD_SYMBOLS[match[1] ?? ''], hint);
    if (currency) found.push({ start: match.index, end: match.index + match[0].length, currency });
  }
  for (const match of text.matchAll(ISO_PATTERN)) {
    if (ISO_CODES.has(match[0])) found.push({ start: match.index, end: match.index + 3, currency: match[0] });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: CurrencyMarker[] = [];
  for (const marker of found) {
    const last = kept[kept.length - 1];
    if (!last || marker.start >= last.end) kept.push(marker);
  }
  return kept;
}
