import type { ExtractedProduct, FieldSources, Money } from '../../domain/entities/product.js';
import { compareAmounts } from '../price/parse-price.js';
import type { ProductFields, ShownPrice, SourceResult } from './extraction.types.js';
import { addUnique } from './text.js';

const SCALAR_FIELDS = [
  'title', 'canonicalUrl', 'brand', 'description', 'sku', 'gtin', 'mpn', 'price', 'compareAtPrice', 'availability', 'rating',
  'reviewCount', 'language',
] as const;
const LIST_FIELDS = ['variants', 'breadcrumbs'] as const;

type Draft = ProductFields & { sources: FieldSources };

/**
 * Merges source results field by field: the first source (in run order) that
 * has a field wins and is recorded in `sources`; images are the union of all
 * sources. Then the page-shown price overrides a different structured price
 * (the higher of the two becomes compareAtPrice). Null when no source saw a
 * product signal or there is no title.
 */
export function mergeProduct(results: readonly SourceResult[]): ExtractedProduct | null {
  if (!results.some((result) => result.productSignal)) return null;
  const draft: Draft = { sources: {} };
  for (const field of SCALAR_FIELDS) takeFirst(draft, results, field);
  for (const field of LIST_FIELDS) takeFirst(draft, results, field);
  mergeImages(draft, results);
  const shown = results.find((result) => result.shown?.price)?.shown;
  if (shown) applyShownPrice(draft, shown, results.find((result) => result.shown === shown)!.source);
  dropImplausibleCompareAt(draft);
  if (!draft.title) return null;
  const breadcrumbs = draft.breadcrumbs ?? [];
  if (breadcrumbs.length > 0 && breadcrumbs[breadcrumbs.length - 1]!.toLowerCase() === draft.title.toLowerCase()) breadcrumbs.pop();
  if (breadcrumbs.length === 0) delete draft.sources.breadcrumbs;
  const { sources, ...fields } = draft;
  return { ...fields, title: draft.title, availability: draft.availability ?? 'UNKNOWN', images: draft.images ?? [],
    variants: draft.variants ?? [], breadcrumbs, sources };
}

function takeFirst(draft: Draft, results: readonly SourceResult[], field: (typeof SCALAR_FIELDS | typeof LIST_FIELDS)[number]): void {
  for (const result of results) {
    const value = result.fields[field];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    (draft as Record<string, unknown>)[field] = Array.isArray(value) ? [...value] : value;
    draft.sources[field] = result.source;
    return;
  }
}

function mergeImages(draft: Draft, results: readonly SourceResult[]): void {
  const images: string[] = [];
  for (const result of results) {
    const before = images.length;
    addUnique(images, result.fields.images ?? []);
    if (before === 0 && images.length > 0) draft.sources.images = result.source;
  }
  if (images.length > 0) draft.images = images;
}

/**
 * A sale the structured data missed: when the page shows a different price
 * (same currency) the shown price wins; if the structured one was higher it
 * becomes compareAtPrice (unless an even higher one is already there).
 */
function applyShownPrice(draft: Draft, shown: ShownPrice, source: string): void {
  const structured = draft.price;
  const structuredSource = draft.sources.price;
  if (!shown.price || !structured || shown.price.currency !== structured.currency) return;
  const order = compareAmounts(shown.price.amount, structured.amount);
  if (order === 0) return;
  draft.price = shown.price;
  draft.sources.price = source;
  if (order < 0 && (!draft.compareAtPrice || isHigher(structured, draft.compareAtPrice))) {
    draft.compareAtPrice = structured;
    draft.sources.compareAtPrice = structuredSource ?? source;
  }
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
