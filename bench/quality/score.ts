/**
 * Field-by-field comparison of an extraction against a corpus label, and the
 * precision/recall/F1 table over many pages. Pure functions, no I/O: the
 * self-check (score.selfcheck.ts) pins the rules down.
 *
 * Per field of a product page:
 * - tp: the label has a value and the extraction equals it (normalised);
 * - wrong: both have a value and they differ (counts as one fp AND one fn);
 * - fn: the label has a value, the extraction none;
 * - fp: the label is null, the extraction has a value;
 * - tn: both null.
 */
import type { ExtractedProduct } from '../../src/domain/entities/product.js';
import { FIELD_NAMES, type CorpusLabel, type FieldName, type LabelledFields, type LabelledMoney } from './corpus.types.js';

export type Outcome = 'tp' | 'wrong' | 'fn' | 'fp' | 'tn';

/** What the extractor produced, in the label's shape (availability is whatever string it gave). */
export type ObservedFields = Omit<LabelledFields, 'availability'> & { availability: string | null };

export interface FieldVerdict {
  field: FieldName;
  outcome: Outcome;
  expected: unknown;
  got: unknown;
  /** For a wrong price: |got - expected| / expected, to rank the worst pages. */
  error?: number;
}

export interface FieldStats {
  field: FieldName;
  tp: number;
  fp: number;
  fn: number;
  /** Product pages whose label has a value for this field. */
  support: number;
  precision: number | null;
  recall: number | null;
  f1: number;
}

const HOME_CRUMBS = new Set([
  'home', 'homepage', 'start', 'startseite', 'accueil', 'inicio', 'início', 'página inicial', 'pagina inicial',
  'главная', 'главная страница', 'ホーム', 'トップ', 'top', 'strona główna', 'hem', 'startsida', 'hjem', 'tuis',
  'startpagina', 'home page', 'all', 'shop',
]);

/** The ObservedFields of an extraction (null product: every field null). UNKNOWN availability counts as none. */
export function observedFields(product: ExtractedProduct | null): ObservedFields {
  const nonEmpty = (values: string[] | undefined): string[] | null => (values && values.length > 0 ? values : null);
  return {
    title: product?.title ?? null,
    brand: product?.brand ?? null,
    sku: product?.sku ?? null,
    gtin: product?.gtin ?? null,
    mpn: product?.mpn ?? null,
    price: product?.price ?? null,
    compareAtPrice: product?.compareAtPrice ?? null,
    availability: product && product.availability !== 'UNKNOWN' ? product.availability : null,
    images: nonEmpty(product?.images),
    breadcrumbs: nonEmpty(product?.breadcrumbs),
    rating: product?.rating ?? null,
    reviewCount: product?.reviewCount ?? null,
    language: product?.language ?? null,
  };
}

/** Collapses whitespace (including no-break and narrow spaces), trims, NFC. */
export function normaliseText(value: string): string {
  return value.normalize('NFC').replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}

/** A decimal string without grouping and without insignificant zeros ("049.50" -> "49.5"), or null if not a number. */
export function canonicalAmount(amount: string): string | null {
  const match = /^\s*(-?)(\d*)(?:\.(\d+))?\s*$/.exec(amount);
  if (!match || (match[2] === '' && match[3] === undefined)) return null;
  const whole = match[2]!.replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const digits = `${whole}${fraction ? `.${fraction}` : ''}`;
  return match[1] && digits !== '0' ? `-${digits}` : digits;
}

/** GTINs compare as digit strings without leading zeros (a GTIN-13 equals its GTIN-14 form). */
export function canonicalGtin(value: string): string {
  return value.replace(/\D/g, '').replace(/^0+/, '');
}

/**
 * An image URL reduced to what identifies the image: resolved against the page,
 * scheme, query and fragment dropped, and rendition markers of the common shop
 * CDNs removed (Shopify `_800x`/`_grande`, WordPress `-600x600`, Magento
 * `/cache/<hash>/`, BigCommerce `/stencil/<size>/`, PrestaShop `-large_default`,
 * Amazon `._AC_SL1500_`),
 * so one image at two sizes compares equal.
 */
export function canonicalImage(url: string, pageUrl: string): string {
  let resolved: URL;
  try {
    resolved = new URL(url.trim(), pageUrl);
  } catch {
    return normaliseText(url).toLowerCase();
  }
  const path = decodeURIComponentSafe(resolved.pathname)
    .replace(/_(?:\d+x\d*|\d*x\d+|pico|icon|thumb|small|compact|medium|large|grande|original|master)(?:@\d+x)?(?:_crop_\w+)?(?=\.\w+$)/i, '')
    .replace(/-\d+x\d+(?=\.\w+$)/, '')
    .replace(/\/cache\/[0-9a-f]{32}\//, '/')
    .replace(/\/images\/stencil\/[^/]+\//, '/images/stencil/')
    .replace(/\/(\d+)-[a-z]+_default\//, '/$1/')
    .replace(/\._[A-Z0-9_,]+_(?=\.\w+$)/, '');
  return `${resolved.host.toLowerCase()}${path}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Breadcrumb trail without a leading home link and without a trailing product title. */
export function canonicalCrumbs(crumbs: readonly string[], title: string | null): string[] {
  const list = crumbs.map((crumb) => normaliseText(crumb).toLowerCase()).filter((crumb) => crumb.length > 0);
  if (list.length > 0 && HOME_CRUMBS.has(list[0]!)) list.shift();
  const last = list[list.length - 1];
  if (title && last !== undefined && last === normaliseText(title).toLowerCase()) list.pop();
  return list;
}

function sameMoney(expected: LabelledMoney, got: LabelledMoney): boolean {
  const a = canonicalAmount(expected.amount);
  return a !== null && a === canonicalAmount(String(got.amount)) && expected.currency.toUpperCase() === String(got.currency).trim().toUpperCase();
}

/** True when `got` counts as the labelled value of `field`. Both are non-null. */
export function fieldMatches(field: FieldName, expected: LabelledFields, got: ObservedFields, pageUrl: string): boolean {
  switch (field) {
    case 'title':
      return normaliseText(expected.title!) === normaliseText(got.title!);
    case 'brand':
      return normaliseText(expected.brand!).toLowerCase() === normaliseText(got.brand!).toLowerCase();
    case 'sku':
    case 'mpn':
      return normaliseText(expected[field]!).toLowerCase() === normaliseText(got[field]!).toLowerCase();
    case 'gtin':
      return canonicalGtin(expected.gtin!) === canonicalGtin(got.gtin!) && canonicalGtin(got.gtin!) !== '';
    case 'price':
    case 'compareAtPrice':
      return sameMoney(expected[field]!, got[field]!);
    case 'availability':
      return expected.availability!.toUpperCase() === got.availability!.toUpperCase();
    case 'images': {
      const main = canonicalImage(expected.images![0]!, pageUrl);
      return got.images!.some((image) => canonicalImage(image, pageUrl) === main);
    }
    case 'breadcrumbs': {
      const a = canonicalCrumbs(expected.breadcrumbs!, expected.title);
      const b = canonicalCrumbs(got.breadcrumbs!, expected.title);
      return a.length > 0 && a.length === b.length && a.every((crumb, i) => crumb === b[i]);
    }
    case 'rating':
      return Math.abs(expected.rating! - Number(got.rating)) <= 0.05;
    case 'reviewCount':
      return expected.reviewCount === Number(got.reviewCount);
    case 'language':
      return primaryLanguage(expected.language!) === primaryLanguage(got.language!);
    default:
      throw new Error(`Unknown field ${String(field satisfies never)}`);
  }
}

function primaryLanguage(tag: string): string {
  return normaliseText(tag).toLowerCase().split(/[-_]/)[0] ?? '';
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return normaliseText(value) !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The verdict for one field of one product page. */
export function judgeField(field: FieldName, expected: LabelledFields, got: ObservedFields, pageUrl: string): FieldVerdict {
  const want = expected[field];
  const have = got[field];
  const verdict = (outcome: Outcome): FieldVerdict => ({ field, outcome, expected: want, got: have });
  if (!isPresent(want)) return verdict(isPresent(have) ? 'fp' : 'tn');
  if (!isPresent(have)) return verdict('fn');
  if (fieldMatches(field, expected, got, pageUrl)) return verdict('tp');
  const wrong = verdict('wrong');
  if (field === 'price' && expected.price && got.price) {
    const target = Number(expected.price.amount);
    const error = Math.abs(Number(got.price.amount) - target) / (target || 1);
    wrong.error = Number.isFinite(error) ? error : Number.MAX_VALUE;
  }
  return wrong;
}

/** Verdicts for every scored field of a product page. */
export function judgePage(label: CorpusLabel, got: ObservedFields): FieldVerdict[] {
  return FIELD_NAMES.map((field) => judgeField(field, label.fields, got, label.url));
}

/** Precision, recall and F1 per field over the verdicts of many pages. */
export function fieldStats(field: FieldName, verdicts: readonly FieldVerdict[]): FieldStats {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const verdict of verdicts) {
    if (verdict.field !== field) continue;
    if (verdict.outcome === 'tp') tp++;
    else if (verdict.outcome === 'fp') fp++;
    else if (verdict.outcome === 'fn') fn++;
    else if (verdict.outcome === 'wrong') {
      fp++;
      fn++;
    }
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = precision && recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { field, tp, fp, fn, support: tp + fn, precision, recall, f1 };
}

/** How bad a miss is, for ordering the worst pages: wrong values first (largest price error first), then missing, then spurious. */
export function severity(verdict: FieldVerdict): number {
  switch (verdict.outcome) {
    case 'wrong':
      return 3 + Math.min(verdict.error ?? 0, 1000);
    case 'fn':
      return 2;
    case 'fp':
      return 1;
    case 'tp':
    case 'tn':
      return 0;
    default:
      throw new Error(`Unknown outcome ${String(verdict.outcome satisfies never)}`);
  }
}

/** A value as one short line for the report. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(String).join(' > ');
  if (typeof value === 'object' && 'amount' in value && 'currency' in value) {
    const money = value as LabelledMoney;
    return `${money.amount} ${money.currency}`;
  }
  const text = normaliseText(String(value));
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}
