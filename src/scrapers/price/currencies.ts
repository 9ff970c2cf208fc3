/**
 * Currency markers as they appear next to prices ("$", "US$", "€", "kr",
 * "EUR", "zł", "₹", "S/") and the ISO 4217 code each stands for on a page.
 */
import {
  DOLLAR, KRONA, LEU, POUND, RAND, RUPEE, YEN, hintCurrency, isCurrencyCode, resolveAmbiguous, type AmbiguousMarker, type PriceHint,
} from './currency-context.js';

export type { PriceHint } from './currency-context.js';
export { hintCurrency, isCurrencyCode, regionOfHost } from './currency-context.js';

/** A currency marker found in a text: its span and the ISO code it stands for. */
export interface CurrencyMarker {
  start: number;
  end: number;
  currency: string;
}

type Meaning = string | AmbiguousMarker;

/** Prefixes glued to "$" that name the dollar (or peso, real) outright. */
const DOLLAR_PREFIXES: Record<string, string> = {
  US: 'USD', U: 'USD', CA: 'CAD', C: 'CAD', AU: 'AUD', A: 'AUD', NZ: 'NZD', HK: 'HKD', SG: 'SGD', S: 'SGD', R: 'BRL', MX: 'MXN',
  Mex: 'MXN', NT: 'TWD', RD: 'DOP', J: 'JMD', TT: 'TTD', COL: 'COP', CLP: 'CLP', AR: 'ARS', BZ: 'BZD', FJ: 'FJD', B: 'BND',
};

/** Single-character symbols. */
const SYMBOLS: Record<string, Meaning> = {
  '€': 'EUR', '£': POUND, '₹': 'INR', '₽': 'RUB', '₩': 'KRW', '₺': 'TRY', '₴': 'UAH', '₪': 'ILS', '₫': 'VND', '฿': 'THB', '₱': 'PHP',
  '₦': 'NGN', '円': 'JPY', '元': 'CNY', '￥': YEN, '¥': YEN, '₨': RUPEE, '₸': 'KZT', '₾': 'GEL', '₼': 'AZN', '৳': 'BDT', '₲': 'PYG',
  '₡': 'CRC', '₵': 'GHS', '₭': 'LAK', '₮': 'MNT', '៛': 'KHR', '원': 'KRW', '￡': POUND,
};

/** Symbols spelled with letters; matched case-sensitively and never inside a word. */
const WORD_SYMBOLS: Record<string, Meaning> = {
  'zł': 'PLN', 'Zł': 'PLN', 'zl': 'PLN', 'Kč': 'CZK', 'Ft': 'HUF', 'lei': LEU, 'Lei': LEU, 'руб': 'RUB', 'р': 'RUB', 'Fr': 'CHF',
  'SFr': 'CHF', 'Rs': RUPEE, 'kr': KRONA, 'Kr': KRONA, 'лв': 'BGN', 'RM': 'MYR', 'Rp': 'IDR', 'TL': 'TRY', 'RMB': 'CNY', 'R': RAND,
  'грн': 'UAH', 'din': 'RSD', 'дин': 'RSD', 'kn': 'HRK', 'KSh': 'KES', 'S/': 'PEN', 'E£': 'EGP', 'Euro': 'EUR', 'EURO': 'EUR',
  'euro': 'EUR', 'Euros': 'EUR', 'euros': 'EUR', 'د.إ': 'AED', 'ر.س': 'SAR', 'د.ك': 'KWD', 'ج.م': 'EGP', 'ر.ق': 'QAR', 'QR': 'QAR',
  'SR': 'SAR', 'KD': 'KWD', 'Bs': 'VES', 'ден': 'MKD', 'тг': 'KZT', 'сом': 'KGS',
};

/** ISO codes that are also ordinary upper-case words ("TOP 10", "AMD Ryzen 5600"): markers only when the hint names them. */
const WORDLIKE_CODES = new Set(['ALL', 'TOP', 'PEN', 'TRY', 'MAD', 'CUP', 'BOB', 'GEL', 'MOP', 'SOS', 'AMD', 'BAM', 'CVE', 'LAK', 'MRU']);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const DOLLAR_PATTERN = new RegExp(`(?:(?<!\\p{L})(${Object.keys(DOLLAR_PREFIXES).sort((a, b) => b.length - a.length).join('|')}))?\\$`, 'gu');
const SYMBOL_PATTERN = new RegExp(`[${Object.keys(SYMBOLS).filter((key) => key.length === 1).join('')}]`, 'gu');
const WORD_PATTERN = new RegExp(
  `(?<!\\p{L})(${Object.keys(WORD_SYMBOLS).sort((a, b) => b.length - a.length).map(escape).join('|')})\\.?(?!\\p{L})`, 'gu',
);
const ISO_PATTERN = /(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/g;

function resolve(meaning: Meaning | undefined, hint: PriceHint | undefined): string | undefined {
  if (meaning === undefined) return undefined;
  return typeof meaning === 'string' ? meaning : resolveAmbiguous(meaning, hint);
}

/** ISO codes written in the text: they settle what an ambiguous symbol next to them means ("$ 19 CAD"). */
function isoMarkers(text: string, hint: PriceHint | undefined): CurrencyMarker[] {
  const found: CurrencyMarker[] = [];
  const hinted = hintCurrency(hint);
  for (const match of text.matchAll(ISO_PATTERN)) {
    const code = match[0];
    if (!isCurrencyCode(code) || (WORDLIKE_CODES.has(code) && hinted !== code)) continue;
    found.push({ start: match.index, end: match.index + 3, currency: code });
  }
  return found;
}

/** Every currency marker in `text`, in order, overlaps resolved in favour of the earlier, then longer one. */
export function findCurrencyMarkers(text: string, hint?: PriceHint): CurrencyMarker[] {
  const iso = isoMarkers(text, hint);
  const context: PriceHint | undefined = iso[0] ? { ...hint, currency: iso[0].currency } : hint;
  const found: CurrencyMarker[] = [...iso];
  for (const match of text.matchAll(DOLLAR_PATTERN)) {
    const prefix = match[1];
    const currency = prefix ? DOLLAR_PREFIXES[prefix] ?? resolveAmbiguous(DOLLAR, context) : resolveAmbiguous(DOLLAR, context);
    found.push({ start: match.index, end: match.index + match[0].length, currency });
  }
  for (const match of text.matchAll(SYMBOL_PATTERN)) {
    const currency = resolve(SYMBOLS[match[0]], context);
    if (currency) found.push({ start: match.index, end: match.index + match[0].length, currency });
  }
  for (const match of text.matchAll(WORD_PATTERN)) {
    const currency = resolve(WORD_SYMBOLS[match[1] ?? ''], context);
    if (currency) found.push({ start: match.index, end: match.index + match[0].length, currency });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: CurrencyMarker[] = [];
  for (const marker of found) {
    const last = kept[kept.length - 1];
    if (!last || marker.start >= last.end) kept.push(marker);
  }
  return kept;
}
