/**
 * What a page tells about its currency besides the price text itself, and how
 * an ambiguous marker ("$", "kr", "¥", "R", "Rs", "£") resolves from it: the
 * currency the page's structured data names, then the locale's region, then
 * the domain's country TLD, then the language, then the marker's usual meaning.
 */

/**
 * What the caller knows about the page: its currency (from structured data
 * or a meta tag), its locale (`html[lang]`, `og:locale`) and its host (whose
 * country TLD is a hint too). All optional.
 */
export interface PriceHint {
  currency?: string;
  locale?: string;
  /** The page's host name or URL; `shop.example.ca` makes "$" Canadian. */
  host?: string;
}

const ISO_CODES = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 code ICU knows ("EUR", not "eur" or "XYZ"). */
export function isCurrencyCode(code: string): boolean {
  return ISO_CODES.has(code);
}

/** The hint's currency when it is a known ISO 4217 code, upper-cased. */
export function hintCurrency(hint: PriceHint | undefined): string | undefined {
  const code = hint?.currency?.trim().toUpperCase();
  return code && ISO_CODES.has(code) ? code : undefined;
}

/** A marker whose meaning depends on the page: the currencies it may stand for, by region and language. */
export interface AmbiguousMarker {
  fallback: string;
  byRegion: Readonly<Record<string, string>>;
  byLanguage?: Readonly<Record<string, string>>;
}

/** "$": the dollars and pesos of the Americas and Asia-Pacific; USD unless the page says otherwise. */
export const DOLLAR: AmbiguousMarker = {
  fallback: 'USD',
  byRegion: {
    US: 'USD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', HK: 'HKD', SG: 'SGD', MX: 'MXN', AR: 'ARS', CL: 'CLP', CO: 'COP', TW: 'TWD',
    UY: 'UYU', DO: 'DOP', JM: 'JMD', TT: 'TTD', BS: 'BSD', BZ: 'BZD', FJ: 'FJD', NA: 'NAD', BB: 'BBD', GY: 'GYD', SR: 'SRD',
    LR: 'LRD', KY: 'KYD', BM: 'BMD', SB: 'SBD', BN: 'BND', EC: 'USD', SV: 'USD', PA: 'USD', PR: 'USD', ZW: 'USD', CU: 'CUP',
  },
};
/** "kr": Swedish, Norwegian, Danish or Icelandic crowns. */
export const KRONA: AmbiguousMarker = {
  fallback: 'SEK',
  byRegion: { SE: 'SEK', NO: 'NOK', SJ: 'NOK', DK: 'DKK', FO: 'DKK', GL: 'DKK', IS: 'ISK' },
  byLanguage: { sv: 'SEK', nb: 'NOK', nn: 'NOK', no: 'NOK', da: 'DKK', fo: 'DKK', kl: 'DKK', is: 'ISK' },
};
/** "¥": yen or yuan. */
export const YEN: AmbiguousMarker = { fallback: 'JPY', byRegion: { JP: 'JPY', CN: 'CNY' }, byLanguage: { ja: 'JPY', zh: 'CNY' } };
/** "Rs" / "₨": the rupees of South Asia and Mauritius. */
export const RUPEE: AmbiguousMarker = {
  fallback: 'INR', byRegion: { IN: 'INR', PK: 'PKR', LK: 'LKR', NP: 'NPR', MU: 'MUR', SC: 'SCR' }, byLanguage: { ur: 'PKR', si: 'LKR', ne: 'NPR' },
};
/** "R": South African rand ("R$" is the real, read elsewhere). */
export const RAND: AmbiguousMarker = { fallback: 'ZAR', byRegion: { ZA: 'ZAR', BR: 'BRL' }, byLanguage: { pt: 'BRL' } };
/** "£": sterling, or the Egyptian and other pounds. */
export const POUND: AmbiguousMarker = { fallback: 'GBP', byRegion: { GB: 'GBP', EG: 'EGP', GI: 'GIP', FK: 'FKP', SH: 'SHP', LB: 'LBP', SY: 'SYP' } };
/** "lei": Romanian or Moldovan leu. */
export const LEU: AmbiguousMarker = { fallback: 'RON', byRegion: { RO: 'RON', MD: 'MDL' } };

/** Country-code TLDs that are not the ISO region code. */
const TLD_REGION: Record<string, string> = { uk: 'GB' };

function regionOfLocale(locale: string | undefined): string | undefined {
  const parts = (locale ?? '').split(/[-_]/);
  const region = parts.slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
  return region?.toUpperCase();
}

function languageOf(locale: string | undefined): string {
  return (locale ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** The country of a host's TLD (`shop.example.co.uk` -> GB), or undefined for generic TLDs. */
export function regionOfHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  let name = host.trim().toLowerCase();
  if (name.includes('/')) {
    try {
      name = new URL(name).hostname;
    } catch {
      return undefined;
    }
  }
  const tld = name.replace(/\.$/, '').split('.').pop() ?? '';
  if (!/^[a-z]{2}$/.test(tld)) return undefined;
  return TLD_REGION[tld] ?? tld.toUpperCase();
}

/**
 * The currency an ambiguous marker stands for on this page: the hint's
 * currency when the marker can mean it, else the locale's region, the TLD's
 * country, the language, and finally the marker's most common meaning.
 */
export function resolveAmbiguous(marker: AmbiguousMarker, hint: PriceHint | undefined): string {
  const candidates = new Set([marker.fallback, ...Object.values(marker.byRegion), ...Object.values(marker.byLanguage ?? {})]);
  const fromHint = hintCurrency(hint);
  if (fromHint && candidates.has(fromHint)) return fromHint;
  const localeRegion = regionOfLocale(hint?.locale);
  const byLocale = localeRegion ? marker.byRegion[localeRegion] : undefined;
  if (byLocale) return byLocale;
  const hostRegion = regionOfHost(hint?.host);
  const byHost = hostRegion ? marker.byRegion[hostRegion] : undefined;
  if (byHost) return byHost;
  return marker.byLanguage?.[languageOf(hint?.locale)] ?? marker.fallback;
}
