import type { ExtractedProduct } from './entities/product.js';

/** Fields that make a product record useful, with their weight in the completeness score. */
const WEIGHTS: [string, number, (p: ExtractedProduct) => boolean][] = [
  ['title', 3, (p) => p.title.trim().length > 0],
  ['price', 3, (p) => p.price !== undefined],
  ['availability', 2, (p) => p.availability !== 'UNKNOWN'],
  ['images', 2, (p) => p.images.length > 0],
  ['identifier', 2, (p) => Boolean(p.sku || p.gtin || p.mpn)],
  ['brand', 1, (p) => Boolean(p.brand)],
  ['description', 1, (p) => Boolean(p.description && p.description.length > 20)],
  ['breadcrumbs', 1, (p) => p.breadcrumbs.length > 0],
];

const TOTAL = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

/** Completeness of a product in [0, 1], rounded to two decimals. */
export function completenessOf(product: ExtractedProduct): number {
  const score = WEIGHTS.reduce((sum, [, weight, present]) => sum + (present(product) ? weight : 0), 0);
  return Math.round((score / TOTAL) * 100) / 100;
}

/** The required fields (seed 000's data quality metric: 90%+ products have them). */
export function hasRequiredFields(product: ExtractedProduct): boolean {
  return product.title.trim().length > 0 && product.price !== undefined && product.availability !== 'UNKNOWN';
}
