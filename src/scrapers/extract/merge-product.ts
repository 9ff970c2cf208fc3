import type { ExtractedProduct, FieldSources, Money, ProductVariant } from '../../domain/entities/product.js';
import { compareAmounts } from '../price/parse-price.js';
import { combineAvailability } from './availability.js';
import type { ProductFields, ShownPrice, SourceName, SourceResult } from './extraction.types.js';
import { addImages } from './page-images.js';
import { MAX_DESCRIPTION_CHARS, truncateAtWord } from './text.js';

const SCALAR_FIELDS = [
  'title', 'canonicalUrl', 'brand', 'description', 'sku', 'gtin', 'mpn', 'price', 'compareAtPrice', 'availability', 'rating',
  'reviewCount', 'language', 'variants', 'breadcrumbs',
] as const;
type Field = (typeof SCALAR_FIELDS)[number];

/**
 * Fields where one source is the authority whatever the step order: the
 * canonical link the page declares, and the `lang` of its `<html>`.
 */
const PREFERRED: Partial<Record<Field, readonly SourceName[]>> = {
  canonicalUrl: ['markup', 'opengraph'],
  language: ['markup'],
};

type Draft = ProductFields & { sources: FieldSources };

/**
 * Merges step results field by field: the first source (in step order, or
 * PREFERRED) that has a field wins and is recorded in `sources`; a source's
 * `fallback` values only fill fields no source has; the brand is never the
 * shop's own name while another brand is known; images are the union of all
 * sources. Then the page-shown price overrides a different structured price
 * (see applyShownPrice), and a product with a variant in stock is in stock.
 * Null when no source saw a product signal or there is no title.
 */
export function mergeProduct(results: readonly SourceResult[]): ExtractedProduct | null {
  if (!results.some((result) => result.productSignal)) return null;
  const draft: Draft = { sources: {} };
  const siteName = results.find((result) => result.siteName)?.siteName;
  for (const field of SCALAR_FIELDS) take(draft, ordered(results, field), field, field === 'brand' ? siteName : undefined);
  mergeImages(draft, results);
  enrichVariants(draft, results);
  const shownBy = results.find((result) => result.shown?.price);
  if (shownBy?.shown) applyShownPrice(draft, shownBy.shown, shownBy.source);
  dropImplausibleCompareAt(draft);
  settleAvailability(draft, results);
  if (!draft.title) return null;
  if (siteName) draft.title = withoutSiteName(draft.title, siteName);
  if (draft.description) draft.description = truncateAtWord(draft.description, MAX_DESCRIPTION_CHARS);
  const breadcrumbs = draft.breadcrumbs ?? [];
  const last = breadcrumbs[breadcrumbs.length - 1]?.toLowerCase();
  if (last !== undefined && (last === draft.title.toLowerCase() || last === draft.sku?.toLowerCase())) breadcrumbs.pop();
  if (breadcrumbs.length === 0) delete draft.sources.breadcrumbs;
  const { sources, ...fields } = draft;
  return { ...fields, title: draft.title, availability: draft.availability ?? 'UNKNOWN', images: draft.images ?? [],
    variants: draft.variants ?? [], breadcrumbs, sources };
}

function ordered(results: readonly SourceResult[], field: Field): readonly SourceResult[] {
  const preferred = PREFERRED[field];
  if (!preferred) return results;
  const first = preferred.flatMap((name) => results.filter((result) => result.source === name));
  return [...first, ...results.filter((result) => !preferred.includes(result.source))];
}

function present(value: unknown): boolean {
  return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/** The first strong value (skipping the shop's name for the brand while another exists), else the first fallback. */
function take(draft: Draft, results: readonly SourceResult[], field: Field, avoid?: string): void {
  const strong = results.filter((result) => present(result.fields[field]));
  const avoided = avoid?.trim().toLowerCase();
  const chosen = strong.find((result) => avoided === undefined || String(result.fields[field]).trim().toLowerCase() !== avoided) ?? strong[0];
  const value = chosen?.fields[field];
  if (chosen && value !== undefined) return set(draft, field, value, chosen.source);
  const fallback = results.find((result) => present(result.fallback?.[field]));
  if (fallback?.fallback?.[field] !== undefined) set(draft, field, fallback.fallback[field], fallback.source);
}

function set(draft: Draft, field: Field, value: unknown, source: SourceName): void {
  (draft as Record<string, unknown>)[field] = Array.isArray(value) ? [...value] : value;
  draft.sources[field] = source;
}

function mergeImages(draft: Draft, results: readonly SourceResult[]): void {
  const images: string[] = [];
  const keys = new Set<string>();
  for (const result of results) {
    const before = images.length;
    addImages(images, result.fields.images ?? [], keys);
    if (before === 0 && images.length > 0) draft.sources.images = result.source;
  }
  if (images.length > 0) draft.images = images;
}

/**
 * Variants taken from one source (Shopify's analytics meta: SKUs and prices,
 * no stock) completed from another that lists the same SKUs (JSON-LD offers
 * with availability): missing prices and UNKNOWN availabilities are filled.
 */
function enrichVariants(draft: Draft, results: readonly SourceResult[]): void {
  const variants = draft.variants;
  if (!variants || !variants.some((variant) => variant.sku && (variant.availability === 'UNKNOWN' || !variant.price))) return;
  const bySku = new Map<string, ProductVariant>();
  for (const result of results) {
    if (result.source === draft.sources.variants) continue;
    for (const variant of result.fields.variants ?? []) if (variant.sku && !bySku.has(variant.sku)) bySku.set(variant.sku, variant);
  }
  draft.variants = variants.map((variant) => {
    const other = variant.sku ? bySku.get(variant.sku) : undefined;
    if (!other) return variant;
    const price = variant.price ?? other.price;
    return { ...variant, ...(price ? { price } : {}), availability: variant.availability === 'UNKNOWN' ? other.availability : variant.availability };
  });
}

/** "Desk Lamp | Example Shop" -> "Desk Lamp" when the shop is called "Example Shop". */
function withoutSiteName(title: string, siteName: string): string {
  const suffix = new RegExp(`\\s*[|–—:·-]\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  const stripped = title.replace(suffix, '');
  return stripped.length > 0 ? stripped : title;
}

/**
 * A sale the structured data missed: when the page shows a different price
 * (same currency) the shown price wins. If the structured one was higher it
 * becomes compareAtPrice (unless an even higher one is already there), except
 * when it is just another variant's price (the page shows the selected variant).
 */
function applyShownPrice(draft: Draft, shown: ShownPrice, source: SourceName): void {
  const structured = draft.price;
  const structuredSource = draft.sources.price;
  if (shown.compareAtPrice && shown.price && !draft.compareAtPrice) {
    draft.compareAtPrice = shown.compareAtPrice;
    draft.sources.compareAtPrice = source;
  }
  if (!shown.price || !structured || shown.price.currency !== structured.currency) return;
  const order = compareAmounts(shown.price.amount, structured.amount);
  if (order === 0) return;
  draft.price = shown.price;
  draft.sources.price = source;
  const variantPrice = (draft.variants ?? []).some((variant) => variant.price && sameMoney(variant.price, structured));
  if (order < 0 && !variantPrice && (!draft.compareAtPrice || isHigher(structured, draft.compareAtPrice))) {
    draft.compareAtPrice = structured;
    draft.sources.compareAtPrice = structuredSource ?? source;
  }
}

function sameMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && compareAmounts(a.amount, b.amount) === 0;
}

function isHigher(a: Money, b: Money): boolean {
  return a.currency !== b.currency || compareAmounts(a.amount, b.amount) > 0;
}

function dropImplausibleCompareAt(draft: Draft): void {
  const { price, compareAtPrice } = draft;
  if (!compareAtPrice) return;
  if (price && compareAtPrice.currency === price.currency && compareAmounts(compareAtPrice.amount, price.amount) > 0) return;
  delete draft.compareAtPrice;
  delete draft.sources.compareAtPrice;
}

/**
 * Variants in stock make the product in stock; a product whose own
 * availability is unknown takes its variants'. A buyable product another
 * source says is a pre-order or back-order (a "Pre-order" button, a
 * PreOrder offer) is that: the more specific state wins.
 */
function settleAvailability(draft: Draft, results: readonly SourceResult[]): void {
  const variants: ProductVariant[] = draft.variants ?? [];
  const fromVariants = combineAvailability(variants.map((variant) => variant.availability));
  const current = draft.availability;
  if (fromVariants && draft.sources.variants
    && (current === undefined || current === 'UNKNOWN' || (fromVariants === 'IN_STOCK' && current === 'OUT_OF_STOCK'))) {
    draft.availability = fromVariants;
    draft.sources.availability = draft.sources.variants;
  }
  if (draft.availability !== 'IN_STOCK') return;
  const specific = results.find((result) => result.fields.availability === 'PREORDER' || result.fields.availability === 'BACKORDER');
  if (specific?.fields.availability) set(draft, 'availability', specific.fields.availability, specific.source);
}
